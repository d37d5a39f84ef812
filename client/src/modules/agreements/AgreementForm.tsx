import { useMutation, useQuery } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import type { AgreementKind, CooperationField } from '../../generated/graphql';
import { confirmDiscard } from '../../components/confirmDiscard';
import { fieldsFromMap, showServerError } from '../liaison/fieldErrors';
import { pickLocalized } from '../projects/projectEnums';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { AGREEMENT_KINDS, COOPERATION_FIELDS } from './agreementEnums';
import { CREATE_AGREEMENT_MUTATION, UPDATE_AGREEMENT_MUTATION, type AgreementDetail } from './agreements.graphql';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

export type AgreementFormValues = {
  code?: string;
  titleZh: string;
  titleEn?: string;
  counterpart: string;
  kind?: AgreementKind;
  fields: CooperationField[];
  signedOn?: Dayjs;
  validFrom?: Dayjs;
  validUntil?: Dayjs;
  signatories: string[];
  regionCodes: string[];
  note?: string;
};

// Server field paths (extensions.field) → the form field that shows the message.
const FIELD_FOR = fieldsFromMap({
  'input.code': 'code',
  'input.title': 'titleZh',
  'input.title.zh': 'titleZh',
  'input.title.en': 'titleEn',
  'input.counterpart': 'counterpart',
  'input.kind': 'kind',
  'input.fields': 'fields',
  'input.signedOn': 'signedOn',
  'input.validFrom': 'validFrom',
  'input.validUntil': 'validUntil',
  'input.signatories': 'signatories',
  'input.regionCodes': 'regionCodes',
  'input.note': 'note',
});

const day = (value: string) => dayjs(value, 'YYYY-MM-DD');
const isoDay = (value?: Dayjs) => value?.format('YYYY-MM-DD') ?? '';

function initialValuesOf(agreement?: AgreementDetail): Partial<AgreementFormValues> {
  if (!agreement) return { fields: [], signatories: [], regionCodes: [] };
  return {
    titleZh: agreement.title.zh,
    titleEn: agreement.title.en,
    counterpart: agreement.counterpart,
    kind: agreement.kind,
    fields: [...agreement.fields],
    signedOn: day(agreement.signedOn),
    validFrom: day(agreement.validFrom),
    validUntil: day(agreement.validUntil),
    signatories: [...agreement.signatories],
    regionCodes: [...agreement.regionCodes],
    note: agreement.note,
  };
}

type AgreementFormProps = {
  /** The agreement to edit; without it the form creates one. */
  agreement?: AgreementDetail;
  onSaved: (id: string) => void;
  onCancel: () => void;
};

export function AgreementForm({ agreement, onSaved, onCancel }: AgreementFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<AgreementFormValues>();
  const [dirty, setDirty] = useState(false);
  const [savedId, setSavedId] = useState<string>();
  const [formError, setFormError] = useState<string>();
  useUnsavedChangesWarning(dirty);
  // After the render that clears `dirty`, so leaving the page is not blocked.
  useEffect(() => {
    if (!savedId) return;
    setSavedId(undefined);
    onSaved(savedId);
  }, [savedId, onSaved]);
  const regions = useQuery(REGIONS_QUERY);
  const refetchQueries = ['AgreementsList', 'AgreementPage'];
  const [createAgreement, created] = useMutation(CREATE_AGREEMENT_MUTATION, { refetchQueries });
  const [updateAgreement, updated] = useMutation(UPDATE_AGREEMENT_MUTATION, {
    refetchQueries,
    awaitRefetchQueries: true,
  });

  const submit = async (v: AgreementFormValues) => {
    setFormError(undefined);
    const fields = {
      title: { zh: v.titleZh.trim(), en: v.titleEn?.trim() ?? '' },
      counterpart: v.counterpart.trim(),
      kind: v.kind!,
      fields: v.fields,
      signedOn: isoDay(v.signedOn),
      validFrom: isoDay(v.validFrom),
      validUntil: isoDay(v.validUntil),
      signatories: v.signatories.map((s) => s.trim()).filter(Boolean),
      regionCodes: v.regionCodes,
      note: v.note?.trim() ?? '',
    };
    try {
      let id: string;
      if (agreement) {
        await updateAgreement({ variables: { id: agreement.id, version: agreement.version, input: fields } });
        id = agreement.id;
      } else {
        const result = await createAgreement({ variables: { input: { code: v.code?.trim() ?? '', ...fields } } });
        id = result.data?.createAgreement.id ?? '';
      }
      setDirty(false);
      void message.success(t(agreement ? 'agreements.form.saved' : 'agreements.form.created'));
      setSavedId(id);
    } catch (error) {
      setFormError(showServerError(form, error, FIELD_FOR, t('errors.unexpected')));
    }
  };

  const tooLong = (max: number) => ({ max, message: t('agreements.form.tooLong', { max }) });

  return (
    <Form<AgreementFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValuesOf(agreement)}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      {!agreement && (
        <Form.Item
          name="code"
          label={t('agreements.form.code')}
          rules={[{ required: true, whitespace: true, message: t('agreements.form.codeRequired') }, tooLong(40)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="titleZh"
        label={t('agreements.form.titleZh')}
        rules={[
          { required: true, whitespace: true, message: t('agreements.form.titleZhRequired') },
          tooLong(SHORT_TEXT),
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="titleEn" label={t('agreements.form.titleEn')} rules={[tooLong(SHORT_TEXT)]}>
        <Input lang="en" />
      </Form.Item>
      <Form.Item
        name="counterpart"
        label={t('agreements.form.counterpart')}
        rules={[
          { required: true, whitespace: true, message: t('agreements.form.counterpartRequired') },
          tooLong(SHORT_TEXT),
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('agreements.form.kind')}
        rules={[{ required: true, message: t('agreements.form.kindRequired') }]}
      >
        <Select options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kindValue.${k}`) }))} />
      </Form.Item>
      <Form.Item name="fields" label={t('agreements.form.fields')}>
        <Select
          mode="multiple"
          options={COOPERATION_FIELDS.map((f) => ({ value: f, label: t(`agreements.fieldValue.${f}`) }))}
        />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item
          name="signedOn"
          label={t('agreements.form.signedOn')}
          rules={[{ required: true, message: t('agreements.form.signedOnRequired') }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label={t('agreements.form.validFrom')}
          rules={[{ required: true, message: t('agreements.form.validFromRequired') }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={t('agreements.form.validUntil')}
          dependencies={['validFrom']}
          rules={[
            { required: true, message: t('agreements.form.validUntilRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value?: Dayjs) => {
                const from = getFieldValue('validFrom') as Dayjs | undefined;
                return value && from && value.isBefore(from, 'day')
                  ? Promise.reject(new Error(t('agreements.form.validUntilBeforeFrom')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Flex>
      <Form.Item
        name="signatories"
        label={t('agreements.form.signatories')}
        extra={t('agreements.form.signatoriesHint')}
      >
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item
        name="regionCodes"
        label={t('agreements.form.regions')}
        rules={[{ required: true, type: 'array', min: 1, message: t('agreements.form.regionsRequired') }]}
      >
        <Select
          mode="multiple"
          loading={regions.loading}
          optionFilterProp="label"
          options={(regions.data?.regions ?? []).map((r) => ({
            value: r.code,
            label: `${pickLocalized(r.name, language)} ${r.code}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('agreements.form.note')} rules={[tooLong(LONG_TEXT)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={created.loading || updated.loading}>
          {t('agreements.form.save')}
        </Button>
        <Button onClick={() => confirmDiscard(dirty, modal, t, onCancel)}>{t('agreements.form.cancel')}</Button>
      </Flex>
    </Form>
  );
}
