import { useMutation } from '@apollo/client/react';
import { App, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LIMITS } from '@pat/shared';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { FUND_QUERIES_TO_REFRESH, RECORD_APPROPRIATION_MUTATION } from './fund.graphql';
import { FormButtons, FormErrorAlert, YuanAmountItem } from './FundFormParts';
import { firstErrorMessage, showServerFieldErrors } from './serverFieldErrors';
import { fenOf } from '../../components/yuan';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;

type Values = { year?: number; amount: string; source: string; documentRef: string };

const FIELD_FOR: Record<string, keyof Values> = {
  'input.year': 'year',
  'input.amount': 'amount',
  'input.source': 'source',
  'input.documentRef': 'documentRef',
};

/** Records one appropriation (拨款) for a budget year; the first one opens the year. */
export function AppropriationForm({
  year,
  onDone,
  onCancel,
}: {
  year?: number;
  onDone: (year: number) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [record, { loading }] = useMutation(RECORD_APPROPRIATION_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  useUnsavedChangesWarning(dirty);

  const submit = async (values: Values) => {
    setFormError(undefined);
    try {
      const result = await record({
        variables: {
          input: {
            year: values.year ?? 0,
            amount: fenOf(values.amount) ?? '',
            source: values.source.trim(),
            documentRef: values.documentRef.trim(),
          },
        },
      });
      setDirty(false);
      void message.success(t('fund.appropriation.saved'));
      onDone(result.data?.recordAppropriation.year ?? values.year ?? 0);
    } catch (error) {
      if (!showServerFieldErrors(form, error, FIELD_FOR))
        setFormError(firstErrorMessage(error, t('errors.unexpected')));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ year }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="year"
        label={t('fund.appropriation.year')}
        rules={[
          { required: true, message: t('fund.appropriation.yearRequired') },
          {
            validator: (_, value: number | null | undefined) =>
              value == null || (Number.isInteger(value) && value >= 2000 && value <= 2100)
                ? Promise.resolve()
                : Promise.reject(new Error(t('fund.appropriation.yearRange'))),
          },
        ]}
      >
        <InputNumber />
      </Form.Item>
      <YuanAmountItem label={t('fund.appropriation.amount')} />
      <Form.Item
        name="source"
        label={t('fund.appropriation.source')}
        rules={[
          { required: true, whitespace: true, message: t('fund.appropriation.sourceRequired') },
          { max: SHORT_TEXT, message: t('fund.form.tooLong', { max: SHORT_TEXT }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="documentRef"
        label={t('fund.appropriation.documentRef')}
        rules={[
          { required: true, whitespace: true, message: t('fund.appropriation.documentRefRequired') },
          { max: SHORT_TEXT, message: t('fund.form.tooLong', { max: SHORT_TEXT }) },
        ]}
      >
        <Input />
      </Form.Item>
      <FormErrorAlert message={formError} />
      <FormButtons submitLabel={t('fund.appropriation.submit')} loading={loading} onCancel={onCancel} />
    </Form>
  );
}
