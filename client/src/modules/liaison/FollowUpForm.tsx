import { useApolloClient, useMutation } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_ERROR, hasErrorCode } from '../../app/apiErrors';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { useCurrentUser } from '../auth/currentUser';
import { confirmDiscard } from '../../components/confirmDiscard';
import { fieldsFromMap, showServerError } from './fieldErrors';
import {
  ADD_FOLLOW_UP_MUTATION,
  LIAISON_QUERIES_TO_REFRESH,
  UPDATE_FOLLOW_UP_MUTATION,
  type FollowUpItem,
} from './liaison.graphql';
import { useOwnerOptions } from './useOwnerOptions';

const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type Values = { action?: string; ownerId?: string; dueDate?: Dayjs; done?: boolean };

const FIELD_FOR = fieldsFromMap({
  'input.action': 'action',
  'input.ownerId': 'ownerId',
  'input.dueDate': 'dueDate',
  'input.done': 'done',
});

type FollowUpFormProps = {
  activityId: string;
  /** The activity's region: owners are offered from those whose region scope reaches it. */
  regionCode: string;
  /** The follow-up to edit; without it the form adds one to the activity. */
  followUp?: FollowUpItem;
  onDone: () => void;
};

export function FollowUpForm({ activityId, regionCode, followUp, onDone }: FollowUpFormProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  useUnsavedChangesWarning(dirty);
  const owners = useOwnerOptions(regionCode, followUp?.owner);
  const refresh = { refetchQueries: LIAISON_QUERIES_TO_REFRESH, awaitRefetchQueries: true };
  const [addFollowUp, added] = useMutation(ADD_FOLLOW_UP_MUTATION, refresh);
  const [updateFollowUp, updated] = useMutation(UPDATE_FOLLOW_UP_MUTATION, refresh);

  const submit = async (v: Values) => {
    setFormError(undefined);
    const input = {
      action: v.action?.trim() ?? '',
      ownerId: v.ownerId ?? '',
      dueDate: v.dueDate?.format('YYYY-MM-DD') ?? '',
    };
    try {
      if (followUp) {
        await updateFollowUp({
          variables: { id: followUp.id, version: followUp.version, input: { ...input, done: v.done ?? false } },
        });
        void message.success(t('liaison.edit.followUpSaved'));
      } else {
        await addFollowUp({ variables: { activityId, input } });
        void message.success(t('liaison.followUp.added'));
      }
      setDirty(false);
      onDone();
    } catch (error) {
      // A stale version: read the lists again, so saving once more applies these edits to the fresh copy.
      if (hasErrorCode(error, API_ERROR.CONFLICT)) {
        await client.refetchQueries({ include: LIAISON_QUERIES_TO_REFRESH });
        setFormError(t('liaison.followUp.conflict'));
      } else setFormError(showServerError(form, error, FIELD_FOR, t('errors.unexpected')));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={
        followUp
          ? {
              action: followUp.action,
              ownerId: followUp.ownerId,
              dueDate: dayjs(followUp.dueDate, 'YYYY-MM-DD'),
              done: followUp.done,
            }
          : { ownerId: user.id }
      }
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
        {followUp && (
          <Form.Item name="done" valuePropName="checked" label=" " colon={false}>
            <Checkbox>{t('liaison.edit.followUpDone')}</Checkbox>
          </Form.Item>
        )}
      </Flex>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={added.loading || updated.loading}>
          {t('liaison.form.save')}
        </Button>
        <Button onClick={() => confirmDiscard(dirty, modal, t, onDone)}>{t('liaison.form.cancel')}</Button>
      </Flex>
    </Form>
  );
}
