import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LIMITS } from '@pat/shared';
import { API_ERROR, findErrorWithCode, graphQLErrorsOf } from '../../app/apiErrors';
import type { MilestoneStatus } from '../../generated/graphql';
import { EvidenceUpload } from '../../components/EvidenceUpload';
import { SectionHeading } from '../../components/PageHeading';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { MILESTONE_STATUSES } from './projectEnums';
import { LOG_MILESTONE_MUTATION, PROJECT_PAGE_QUERY } from './projects.graphql';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type MilestoneFormValues = {
  titleZh: string;
  titleEn?: string;
  plannedDate?: Dayjs;
  actualDate?: Dayjs;
  percentComplete?: number;
  status: MilestoneStatus;
  note?: string;
};

// Server field paths (extensions.field) → the form field that shows the message.
const FIELD_FOR: Record<string, keyof MilestoneFormValues> = {
  'input.title.zh': 'titleZh',
  'input.title.en': 'titleEn',
  'input.title': 'titleZh',
  'input.plannedDate': 'plannedDate',
  'input.actualDate': 'actualDate',
  'input.percentComplete': 'percentComplete',
  'input.status': 'status',
  'input.note': 'note',
};

type MilestoneFormProps = {
  projectId: string;
  /** After evidence for the milestone just logged has been stored. */
  onEvidenceUploaded?: () => void;
};

export function MilestoneForm({ projectId, onEvidenceUploaded }: MilestoneFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MilestoneFormValues>();
  const [formError, setFormError] = useState<string>();
  const [dirty, setDirty] = useState(false);
  // Evidence is attached to a stored milestone: the drop zone appears once it is logged.
  const [logged, setLogged] = useState<{ id: string; title: string }>();
  useUnsavedChangesWarning(dirty);
  const [logMilestone, { loading }] = useMutation(LOG_MILESTONE_MUTATION, {
    refetchQueries: [{ query: PROJECT_PAGE_QUERY, variables: { id: projectId } }],
    awaitRefetchQueries: true,
  });

  const submit = async (values: MilestoneFormValues) => {
    setFormError(undefined);
    try {
      const result = await logMilestone({
        variables: {
          projectId,
          input: {
            title: { zh: values.titleZh.trim(), en: values.titleEn?.trim() ?? '' },
            plannedDate: values.plannedDate?.format('YYYY-MM-DD') ?? '',
            actualDate: values.actualDate?.format('YYYY-MM-DD'),
            percentComplete: values.percentComplete ?? 0,
            status: values.status,
            note: values.note?.trim() || undefined,
          },
        },
      });
      form.resetFields();
      setDirty(false);
      const id = result.data?.logMilestone.id;
      if (id) setLogged({ id, title: values.titleZh.trim() });
      void message.success(t('project.milestoneForm.saved'));
    } catch (error) {
      const badInput = findErrorWithCode(error, API_ERROR.BAD_USER_INPUT);
      const serverField = badInput?.extensions?.field;
      const field = typeof serverField === 'string' ? FIELD_FOR[serverField] : undefined;
      if (badInput && field) {
        form.setFields([{ name: field, errors: [badInput.message] }]);
        return;
      }
      setFormError(graphQLErrorsOf(error)[0]?.message ?? t('errors.unexpected'));
    }
  };

  return (
    <section aria-labelledby="milestone-form-heading">
      <div id="milestone-form-heading" style={{ marginBottom: 12 }}>
        <SectionHeading>{t('project.milestoneForm.heading')}</SectionHeading>
      </div>
      <Form<MilestoneFormValues>
        form={form}
        layout="vertical"
        initialValues={{ status: 'PENDING', percentComplete: 0 }}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setDirty(true)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="titleZh"
          label={t('project.milestoneForm.titleZh')}
          rules={[
            { required: true, whitespace: true, message: t('project.milestoneForm.titleZhRequired') },
            { max: SHORT_TEXT, message: t('project.milestoneForm.tooLong', { max: SHORT_TEXT }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="titleEn"
          label={t('project.milestoneForm.titleEn')}
          rules={[{ max: SHORT_TEXT, message: t('project.milestoneForm.tooLong', { max: SHORT_TEXT }) }]}
        >
          <Input lang="en" />
        </Form.Item>
        <Form.Item
          name="plannedDate"
          label={t('project.milestoneForm.plannedDate')}
          rules={[{ required: true, message: t('project.milestoneForm.plannedDateRequired') }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="status" label={t('project.milestoneForm.status')} rules={[{ required: true }]}>
          <Select
            options={MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`project.milestones.statusValue.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="actualDate"
          label={t('project.milestoneForm.actualDate')}
          dependencies={['status']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                getFieldValue('status') === 'DONE' && !value
                  ? Promise.reject(new Error(t('project.milestoneForm.actualDateRequiredWhenDone')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          name="percentComplete"
          label={t('project.milestoneForm.percent')}
          rules={[
            {
              validator: (_, value: number | null | undefined) =>
                value === undefined || value === null || (Number.isInteger(value) && value >= 0 && value <= 100)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('project.milestoneForm.percentRange'))),
            },
          ]}
        >
          <InputNumber />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('project.milestoneForm.note')}
          rules={[{ max: LONG_TEXT, message: t('project.milestoneForm.tooLong', { max: LONG_TEXT }) }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('project.milestoneForm.submit')}
        </Button>
      </Form>
      {logged && (
        <section aria-labelledby="milestone-evidence-heading" style={{ marginTop: 24, maxWidth: 560 }}>
          <h3 id="milestone-evidence-heading" style={{ fontSize: 14, fontWeight: 600 }}>
            {t('evidence.addFor', { title: logged.title })}
          </h3>
          <EvidenceUpload
            key={logged.id}
            recordKind="MILESTONE"
            recordId={logged.id}
            onUploaded={() => onEvidenceUploaded?.()}
          />
        </section>
      )}
    </section>
  );
}
