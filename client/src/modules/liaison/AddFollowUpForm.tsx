import { useMutation } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { useCurrentUser } from '../auth/currentUser';
import { confirmDiscard } from './confirmDiscard';
import { fieldsFromMap, showServerError } from './fieldErrors';
import { ADD_FOLLOW_UP_MUTATION, LIAISON_QUERIES_TO_REFRESH } from './liaison.graphql';
import { useOwnerOptions } from './useOwnerOptions';

const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type Values = { action?: string; ownerId?: string; dueDate?: Dayjs };

const FIELD_FOR = fieldsFromMap({ 'input.action': 'action', 'input.ownerId': 'ownerId', 'input.dueDate': 'dueDate' });

export function AddFollowUpForm({ activityId, onDone }: { activityId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  useUnsavedChangesWarning(dirty);
  const owners = useOwnerOptions();
  const [addFollowUp, { loading }] = useMutation(ADD_FOLLOW_UP_MUTATION, {
    refetchQueries: LIAISON_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });

  const submit = async (v: Values) => {
    setFormError(undefined);
    try {
      await addFollowUp({
        variables: {
          activityId,
          input: {
            action: v.action?.trim() ?? '',
            ownerId: v.ownerId ?? '',
            dueDate: v.dueDate?.format('YYYY-MM-DD') ?? '',
          },
        },
      });
      setDirty(false);
      void message.success(t('liaison.followUp.added'));
      onDone();
    } catch (error) {
      setFormError(showServerError(form, error, FIELD_FOR, t('errors.unexpected')));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ ownerId: user.id }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Flex gap="small" wrap align="start">
        <Form.Item
          name="action"
          label={t('liaison.followUp.action')}
          rules={[
            { required: true, whitespace: true, message: t('liaison.form.followUpActionRequired') },
            { max: LONG_TEXT, message: t('liaison.form.tooLong', { max: LONG_TEXT }) },
          ]}
          style={{ flex: '1 1 240px' }}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="ownerId"
          label={t('liaison.followUp.owner')}
          rules={[{ required: true, message: t('liaison.form.followUpOwnerRequired') }]}
          style={{ minWidth: 200 }}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={owners} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('liaison.followUp.dueDate')}
          rules={[{ required: true, message: t('liaison.form.followUpDueRequired') }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Flex>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('liaison.form.save')}
        </Button>
        <Button onClick={() => confirmDiscard(dirty, modal, t, onDone)}>{t('liaison.form.cancel')}</Button>
      </Flex>
    </Form>
  );
}
