import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_ERROR, graphQLErrorsOf, hasErrorCode } from '../../app/apiErrors';
import type { ProjectStatus } from '../../generated/graphql';
import { STATUSES_NEEDING_REASON } from './projectEnums';
import { CHANGE_PROJECT_STATUS_MUTATION } from './projects.graphql';

type StatusControlProps = {
  projectId: string;
  version: number;
  allowedNextStatuses: readonly ProjectStatus[];
  onReload: () => void;
};

type StatusForm = { status?: ProjectStatus; reason?: string };

// Offers only the moves the server says are legal from here.
export function StatusControl({ projectId, version, allowedNextStatuses, onReload }: StatusControlProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<StatusForm>();
  const chosen = Form.useWatch('status', form);
  const [changeStatus, { loading, error, reset }] = useMutation(CHANGE_PROJECT_STATUS_MUTATION);
  const needsReason = chosen !== undefined && STATUSES_NEEDING_REASON.includes(chosen);

  if (allowedNextStatuses.length === 0) return null;

  const close = () => {
    setOpen(false);
    form.resetFields();
    reset();
  };

  const submit = async ({ status, reason }: StatusForm) => {
    if (!status) return;
    try {
      await changeStatus({ variables: { id: projectId, version, status, reason: reason?.trim() || undefined } });
      close();
    } catch {
      // Shown from `error` below.
    }
  };

  const conflict = hasErrorCode(error, API_ERROR.CONFLICT);
  const serverMessage = graphQLErrorsOf(error)[0]?.message ?? (error ? t('errors.unexpected') : undefined);

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('project.statusChange.button')}</Button>
      <Modal
        open={open}
        title={t('project.statusChange.title')}
        okText={t('project.statusChange.submit')}
        cancelText={t('project.statusChange.cancel')}
        confirmLoading={loading}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Form<StatusForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="status"
            label={t('project.statusChange.newStatus')}
            rules={[{ required: true, message: t('project.statusChange.newStatusRequired') }]}
          >
            <Select options={allowedNextStatuses.map((s) => ({ value: s, label: t(`projects.statusValue.${s}`) }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('project.statusChange.reason')}
            dependencies={['status']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  STATUSES_NEEDING_REASON.includes(getFieldValue('status') as ProjectStatus) && !value?.trim()
                    ? Promise.reject(new Error(t('project.statusChange.reasonRequired')))
                    : Promise.resolve(),
              }),
            ]}
            required={needsReason}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Form>
        {error &&
          (conflict ? (
            <Alert
              type="error"
              showIcon
              title={t('project.statusChange.conflict')}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    close();
                    onReload();
                  }}
                >
                  {t('project.statusChange.reload')}
                </Button>
              }
            />
          ) : (
            <Alert type="error" showIcon title={serverMessage} />
          ))}
      </Modal>
    </>
  );
}
