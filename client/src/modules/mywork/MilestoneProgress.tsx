import { useMutation } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_ERROR, hasErrorCode } from '../../app/apiErrors';
import { fieldsFromMap, showServerError } from '../liaison/fieldErrors';
import { officeDate } from '@pat/shared/dates';
import { LOG_MILESTONE_PROGRESS_MUTATION, type OverdueMilestone } from './mywork.graphql';

const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type ProgressValues = { percentComplete?: number; note?: string };

const FIELD_FOR = fieldsFromMap({ 'input.percentComplete': 'percentComplete', 'input.note': 'note' });
// A milestone done or updated leaves the list, and the project's own page must show it too.
const REFRESH = { refetchQueries: ['MyWork', 'ProjectPage', 'ProjectsList'], awaitRefetchQueries: true };

/** "Log progress" (percent and note) and "mark done" for one overdue milestone. */
export function MilestoneProgress({ milestone, title }: { milestone: OverdueMilestone; title: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [form] = Form.useForm<ProgressValues>();
  const [update, { loading }] = useMutation(LOG_MILESTONE_PROGRESS_MUTATION, REFRESH);

  const failure = (error: unknown) => (hasErrorCode(error, API_ERROR.CONFLICT) ? t('myWork.conflict') : undefined);

  const logProgress = async (v: ProgressValues) => {
    setFormError(undefined);
    try {
      await update({
        variables: {
          id: milestone.id,
          version: milestone.version,
          input: { percentComplete: v.percentComplete, note: v.note?.trim() || undefined },
        },
      });
      void message.success(t('myWork.progressSaved'));
      setOpen(false);
    } catch (error) {
      setFormError(failure(error) ?? showServerError(form, error, FIELD_FOR, t('errors.unexpected')));
    }
  };

  const markDone = () =>
    modal.confirm({
      title: t('myWork.markDoneConfirm', { title }),
      okText: t('myWork.markDone'),
      cancelText: t('myWork.cancel'),
      onOk: async () => {
        try {
          await update({
            variables: {
              id: milestone.id,
              version: milestone.version,
              input: { status: 'DONE', actualDate: officeDate() },
            },
          });
          void message.success(t('myWork.milestoneDone'));
        } catch (error) {
          void message.error(failure(error) ?? showServerError(form, error, () => undefined, t('errors.unexpected')));
        }
      },
    });

  return (
    <>
      <Space size="small" wrap>
        <Button size="small" aria-label={t('myWork.logProgressLabel', { title })} onClick={() => setOpen(true)}>
          {t('myWork.logProgress')}
        </Button>
        <Button size="small" aria-label={t('myWork.markDoneLabel', { title })} onClick={markDone}>
          {t('myWork.markDone')}
        </Button>
      </Space>
      <Modal
        open={open}
        title={t('myWork.logProgressTitle', { title })}
        okText={t('myWork.save')}
        cancelText={t('myWork.cancel')}
        confirmLoading={loading}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<ProgressValues>
          form={form}
          layout="vertical"
          initialValues={{ percentComplete: milestone.percentComplete, note: milestone.note }}
          onFinish={(values) => void logProgress(values)}
        >
          <Form.Item
            name="percentComplete"
            label={t('myWork.percent')}
            rules={[
              { required: true, message: t('myWork.percentRange') },
              {
                validator: (_, value: number | null | undefined) =>
                  value === undefined || value === null || (Number.isInteger(value) && value >= 0 && value <= 100)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('myWork.percentRange'))),
              },
            ]}
          >
            <InputNumber />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('myWork.note')}
            rules={[{ max: LONG_TEXT, message: t('myWork.tooLong', { max: LONG_TEXT }) }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Modal>
    </>
  );
}
