import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_ERROR, graphQLErrorsOf, hasErrorCode } from '../../app/apiErrors';
import type { CommitmentStatus } from '../../generated/graphql';
import { COMMITMENT_STATUSES, STATUSES_NEEDING_NOTE } from './agreementEnums';
import { CHANGE_COMMITMENT_STATUS_MUTATION, type CommitmentItem } from './agreements.graphql';

type StatusForm = { status?: CommitmentStatus; note?: string };

// Offers every status but the current one; a cancellation asks for its note first.
export function CommitmentStatusControl({ commitment, label }: { commitment: CommitmentItem; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<StatusForm>();
  const chosen = Form.useWatch('status', form);
  const [changeStatus, { loading, error, reset }] = useMutation(CHANGE_COMMITMENT_STATUS_MUTATION, {
    // The agreement's overdue count and the list's flags follow the status.
    refetchQueries: ['AgreementPage', 'AgreementsList'],
    awaitRefetchQueries: true,
  });
  const needsNote = chosen !== undefined && STATUSES_NEEDING_NOTE.includes(chosen);

  const close = () => {
    setOpen(false);
    form.resetFields();
    reset();
  };

  const submit = async ({ status, note }: StatusForm) => {
    if (!status) return;
    try {
      await changeStatus({
        variables: { id: commitment.id, version: commitment.version, status, note: note?.trim() || undefined },
      });
      void message.success(t('agreements.statusChange.done'));
      close();
    } catch {
      // Shown from `error` below.
    }
  };

  const conflict = hasErrorCode(error, API_ERROR.CONFLICT);
  const serverMessage = graphQLErrorsOf(error)[0]?.message ?? (error ? t('errors.unexpected') : undefined);

  return (
    <>
      <Button size="small" aria-label={label} onClick={() => setOpen(true)}>
        {t('agreements.commitment.changeStatus')}
      </Button>
      <Modal
        open={open}
        title={t('agreements.statusChange.title')}
        okText={t('agreements.statusChange.submit')}
        cancelText={t('agreements.statusChange.cancel')}
        confirmLoading={loading}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Form<StatusForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="status"
            label={t('agreements.statusChange.newStatus')}
            rules={[{ required: true, message: t('agreements.statusChange.newStatusRequired') }]}
          >
            <Select
              options={COMMITMENT_STATUSES.filter((s) => s !== commitment.status).map((s) => ({
                value: s,
                label: t(`agreements.commitment.statusValue.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('agreements.statusChange.note')}
            dependencies={['status']}
            required={needsNote}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  STATUSES_NEEDING_NOTE.includes(getFieldValue('status') as CommitmentStatus) && !value?.trim()
                    ? Promise.reject(new Error(t('agreements.statusChange.noteRequired')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
        {error && (
          <Alert type="error" showIcon title={conflict ? t('agreements.statusChange.conflict') : serverMessage} />
        )}
      </Modal>
    </>
  );
}
