import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDrawerForm } from '../../components/useDrawerForm';
import type { ActivityFieldsFragment, LiaisonKind } from '../../generated/graphql';
import { API_ERROR, findErrorWithCode } from '../../app/apiErrors';
import { useCurrentUser } from '../auth/currentUser';
import { pickLocalized } from '../projects/projectEnums';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { confirmDiscard } from '../../components/confirmDiscard';
import { showServerError, type FieldFor } from './fieldErrors';
import { LIAISON_KINDS } from './liaisonEnums';
import {
  CREATE_LIAISON_ACTIVITY_MUTATION,
  LIAISON_QUERIES_TO_REFRESH,
  UPDATE_LIAISON_ACTIVITY_MUTATION,
} from './liaison.graphql';
import { officeDate } from '@pat/shared/dates';
import { useOwnerOptions } from './useOwnerOptions';
import { fenOf, fenToYuan } from '../../components/yuan';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type FollowUpValues = { action?: string; ownerId?: string; dueDate?: Dayjs };

export type ActivityFormValues = {
  kind?: LiaisonKind;
  date?: Dayjs;
  regionCode?: string;
  title?: string;
  participants: string[];
  summary?: string;
  receptionExpenses?: string;
  followUps: FollowUpValues[];
};

const FIELDS: Record<string, string> = {
  'input.kind': 'kind',
  'input.date': 'date',
  'input.regionCode': 'regionCode',
  'input.title': 'title',
  'input.participants': 'participants',
  'input.summary': 'summary',
  'input.receptionExpenses': 'receptionExpenses',
};

// `input.followUps.2.ownerId` → ['followUps', 2, 'ownerId'].
export const activityFieldFor: FieldFor = (apiField) => {
  const followUp = /^input\.followUps\.(\d+)\.(action|ownerId|dueDate)$/.exec(apiField);
  if (followUp) return ['followUps', Number(followUp[1]), followUp[2]!];
  const name = FIELDS[apiField];
  return name ? [name] : undefined;
};

type ActivityFormProps = {
  /** The region to preselect (from a region's page). */
  regionCode?: string;
  /** The activity to edit; its follow-ups are changed through their own forms. */
  activity?: ActivityFieldsFragment;
  /** Reads the activity again (after a CONFLICT) and gives the fresh copy. */
  onReload?: () => Promise<ActivityFieldsFragment | undefined>;
  onDone: () => void;
};

const valuesOf = (a: ActivityFieldsFragment): ActivityFormValues => ({
  kind: a.kind,
  date: dayjs(a.date, 'YYYY-MM-DD'),
  regionCode: a.region.code,
  title: a.title,
  participants: [...a.participants],
  summary: a.summary,
  receptionExpenses: a.receptionExpenses === '0' ? '' : fenToYuan(a.receptionExpenses),
  followUps: [],
});

export function ActivityForm({ regionCode, activity, onReload, onDone }: ActivityFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ActivityFormValues>();
  const [editing, setEditing] = useState(activity);
  const [conflict, setConflict] = useState(false);
  const { dirty, setDirty, formError, setFormError, markSaved } = useDrawerForm(onDone);
  const regions = useQuery(REGIONS_QUERY);
  const owners = useOwnerOptions(Form.useWatch('regionCode', form));
  const refresh = { refetchQueries: LIAISON_QUERIES_TO_REFRESH, awaitRefetchQueries: true };
  const [createActivity, created] = useMutation(CREATE_LIAISON_ACTIVITY_MUTATION, refresh);
  const [updateActivity, updated] = useMutation(UPDATE_LIAISON_ACTIVITY_MUTATION, refresh);

  const submit = async (v: ActivityFormValues) => {
    setFormError(undefined);
    setConflict(false);
    const fields = {
      kind: v.kind!,
      date: v.date?.format('YYYY-MM-DD') ?? '',
      regionCode: v.regionCode ?? '',
      title: v.title?.trim() ?? '',
      participants: v.participants.map((p) => p.trim()).filter(Boolean),
      summary: v.summary?.trim() ?? '',
    };
    const expenses = v.receptionExpenses ? fenOf(v.receptionExpenses) : undefined;
    try {
      if (editing) {
        const input = { ...fields, receptionExpenses: expenses ?? '0' };
        await updateActivity({ variables: { id: editing.id, version: editing.version, input } });
      } else {
        const followUps = v.followUps.map((f) => ({
          action: f.action?.trim() ?? '',
          ownerId: f.ownerId ?? '',
          dueDate: f.dueDate?.format('YYYY-MM-DD') ?? '',
        }));
        await createActivity({ variables: { input: { ...fields, receptionExpenses: expenses, followUps } } });
      }
      void message.success(t('liaison.form.saved'));
      markSaved();
    } catch (error) {
      const stale = findErrorWithCode(error, API_ERROR.CONFLICT);
      if (stale && !stale.extensions?.field) setConflict(true);
      else setFormError(showServerError(form, error, activityFieldFor, t('errors.unexpected')));
    }
  };

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) {
      setEditing(fresh);
      form.resetFields();
      form.setFieldsValue(valuesOf(fresh));
    }
    setConflict(false);
    setDirty(false);
  };

  const tooLong = (max: number) => ({ max, message: t('liaison.form.tooLong', { max }) });

  return (
    <Form<ActivityFormValues>
      form={form}
      layout="vertical"
      initialValues={
        activity
          ? valuesOf(activity)
          : { kind: 'VISIT', date: dayjs(officeDate(), 'YYYY-MM-DD'), regionCode, participants: [], followUps: [] }
      }
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Flex gap="middle" wrap>
        <Form.Item
          name="kind"
          label={t('liaison.form.kind')}
          rules={[{ required: true, message: t('liaison.form.kindRequired') }]}
          style={{ minWidth: 180 }}
        >
          <Select options={LIAISON_KINDS.map((k) => ({ value: k, label: t(`liaison.kindValue.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('liaison.form.date')}
          rules={[{ required: true, message: t('liaison.form.dateRequired') }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
      </Flex>
      <Form.Item
        name="regionCode"
        label={t('liaison.form.region')}
        rules={[{ required: true, message: t('liaison.form.regionRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={regions.loading}
          options={(regions.data?.regions ?? []).map((r) => ({
            value: r.code,
            label: `${pickLocalized(r.name, language)} ${r.code}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('liaison.form.title')}
        rules={[{ required: true, whitespace: true, message: t('liaison.form.titleRequired') }, tooLong(SHORT_TEXT)]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="participants" label={t('liaison.form.participants')} extra={t('liaison.form.participantsHint')}>
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="summary" label={t('liaison.form.summary')} rules={[tooLong(LONG_TEXT)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="receptionExpenses"
        label={t('liaison.form.receptionExpenses')}
        rules={[
          {
            validator: (_, value?: string) =>
              !value || fenOf(value) !== undefined
                ? Promise.resolve()
                : Promise.reject(new Error(t('liaison.form.receptionExpensesInvalid'))),
          },
        ]}
      >
        <Input inputMode="decimal" suffix={t('liaison.form.yuan')} style={{ maxWidth: 240 }} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} hidden={!!activity}>
        <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{t('liaison.form.followUps')}</legend>
        <Form.List name="followUps">
          {(items, { add, remove }) => (
            <Flex vertical gap="small">
              {items.map(({ key, name }) => (
                <Flex key={key} gap="small" wrap align="start">
                  <Form.Item
                    name={[name, 'action']}
                    label={t('liaison.form.followUpAction', { n: name + 1 })}
                    rules={[
                      { required: true, whitespace: true, message: t('liaison.form.followUpActionRequired') },
                      tooLong(LONG_TEXT),
                    ]}
                    style={{ flex: '1 1 240px' }}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'ownerId']}
                    label={t('liaison.form.followUpOwner', { n: name + 1 })}
                    rules={[{ required: true, message: t('liaison.form.followUpOwnerRequired') }]}
                    style={{ minWidth: 200 }}
                  >
                    <Select showSearch={{ optionFilterProp: 'label' }} options={owners} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'dueDate']}
                    label={t('liaison.form.followUpDue', { n: name + 1 })}
                    rules={[{ required: true, message: t('liaison.form.followUpDueRequired') }]}
                  >
                    <DatePicker format="YYYY-MM-DD" />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined aria-hidden />}
                    aria-label={t('liaison.form.removeFollowUp', { n: name + 1 })}
                    onClick={() => remove(name)}
                    style={{ marginTop: 30 }}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ ownerId: user.id })}
                style={{ alignSelf: 'start', marginBottom: 16 }}
              >
                {t('liaison.form.addFollowUp')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </fieldset>
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('liaison.edit.conflict')}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" onClick={() => void reload()}>
              {t('liaison.edit.reload')}
            </Button>
          }
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={created.loading || updated.loading}>
          {t('liaison.form.save')}
        </Button>
        <Button onClick={() => confirmDiscard(dirty, modal, t, onDone)}>{t('liaison.form.cancel')}</Button>
      </Flex>
    </Form>
  );
}
