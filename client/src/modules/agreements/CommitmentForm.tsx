import { useMutation } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDrawerForm } from '../../components/useDrawerForm';
import type { CommitmentParty } from '../../generated/graphql';
import { confirmDiscard } from '../../components/confirmDiscard';
import { fieldsFromMap, showServerError } from '../liaison/fieldErrors';
import { COMMITMENT_PARTIES } from './agreementEnums';
import { CREATE_COMMITMENT_MUTATION, UPDATE_COMMITMENT_MUTATION, type CommitmentItem } from './agreements.graphql';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type CommitmentFormValues = {
  party?: CommitmentParty;
  descriptionZh: string;
  descriptionEn?: string;
  responsibleUnit: string;
  dueDate?: Dayjs;
};

const FIELD_FOR = fieldsFromMap({
  'input.party': 'party',
  'input.description': 'descriptionZh',
  'input.description.zh': 'descriptionZh',
  'input.description.en': 'descriptionEn',
  'input.responsibleUnit': 'responsibleUnit',
  'input.dueDate': 'dueDate',
});

type CommitmentFormProps = {
  agreementId: string;
  /** The commitment to edit; without it the form adds one. */
  commitment?: CommitmentItem;
  onDone: () => void;
};

export function CommitmentForm({ agreementId, commitment, onDone }: CommitmentFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<CommitmentFormValues>();
  const { dirty, setDirty, formError, setFormError, markSaved } = useDrawerForm(onDone);
  // The agreement's overdue count and the commitment list both change.
  const refetch = { refetchQueries: ['AgreementPage', 'AgreementsList'], awaitRefetchQueries: true };
  const [createCommitment, created] = useMutation(CREATE_COMMITMENT_MUTATION, refetch);
  const [updateCommitment, updated] = useMutation(UPDATE_COMMITMENT_MUTATION, refetch);

  const submit = async (v: CommitmentFormValues) => {
    setFormError(undefined);
    const input = {
      party: v.party!,
      description: { zh: v.descriptionZh.trim(), en: v.descriptionEn?.trim() ?? '' },
      responsibleUnit: v.responsibleUnit.trim(),
      dueDate: v.dueDate?.format('YYYY-MM-DD') ?? '',
    };
    try {
      if (commitment) await updateCommitment({ variables: { id: commitment.id, version: commitment.version, input } });
      else await createCommitment({ variables: { agreementId, input } });
      void message.success(t('agreements.commitmentForm.saved'));
      markSaved();
    } catch (error) {
      setFormError(showServerError(form, error, FIELD_FOR, t('errors.unexpected')));
    }
  };

  const tooLong = (max: number) => ({ max, message: t('agreements.commitmentForm.tooLong', { max }) });

  return (
    <Form<CommitmentFormValues>
      form={form}
      layout="vertical"
      initialValues={
        commitment
          ? {
              party: commitment.party,
              descriptionZh: commitment.description.zh,
              descriptionEn: commitment.description.en,
              responsibleUnit: commitment.responsibleUnit,
              dueDate: dayjs(commitment.dueDate, 'YYYY-MM-DD'),
            }
          : { party: 'OURS' }
      }
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="party"
        label={t('agreements.commitmentForm.party')}
        rules={[{ required: true, message: t('agreements.commitmentForm.partyRequired') }]}
      >
        <Select
          options={COMMITMENT_PARTIES.map((p) => ({ value: p, label: t(`agreements.commitment.partyValue.${p}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="descriptionZh"
        label={t('agreements.commitmentForm.descriptionZh')}
        rules={[
          { required: true, whitespace: true, message: t('agreements.commitmentForm.descriptionZhRequired') },
          tooLong(LONG_TEXT),
        ]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="descriptionEn" label={t('agreements.commitmentForm.descriptionEn')} rules={[tooLong(LONG_TEXT)]}>
        <Input.TextArea rows={2} lang="en" />
      </Form.Item>
      <Form.Item
        name="responsibleUnit"
        label={t('agreements.commitmentForm.responsibleUnit')}
        rules={[
          { required: true, whitespace: true, message: t('agreements.commitmentForm.responsibleUnitRequired') },
          tooLong(SHORT_TEXT),
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('agreements.commitmentForm.dueDate')}
        rules={[{ required: true, message: t('agreements.commitmentForm.dueDateRequired') }]}
      >
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={created.loading || updated.loading}>
          {t('agreements.commitmentForm.save')}
        </Button>
        <Button onClick={() => confirmDiscard(dirty, modal, t, onDone)}>{t('agreements.commitmentForm.cancel')}</Button>
      </Flex>
    </Form>
  );
}
