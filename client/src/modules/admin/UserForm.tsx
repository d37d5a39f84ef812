import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Select, Space, Switch, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LIMITS as SharedLimits } from '@pat/shared';
import { API_ERROR, hasErrorCode } from '../../app/apiErrors';
import { API_ROLES, type ApiRole } from '../../app/roles';
import { confirmDiscard } from '../../components/confirmDiscard';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { FormButtons, FormErrorAlert } from '../fund/FundFormParts';
import { useRegionOptions } from '../../components/regionOptions';
import { firstErrorMessage, showServerFieldErrors } from '../fund/serverFieldErrors';
import { CREATE_USER_MUTATION, UPDATE_USER_MUTATION, type AdminUser } from './admin.graphql';
import { generatePassword } from './generatePassword';

// The type ties these to shared/src/limits.ts without bundling zod into the client.
const LIMITS: Pick<
  typeof SharedLimits,
  'usernameMin' | 'usernameMax' | 'passwordMin' | 'passwordMax' | 'displayNameMax'
> = { usernameMin: 3, usernameMax: 40, passwordMin: 8, passwordMax: 200, displayNameMax: 80 };
const USERNAME = /^[a-zA-Z0-9._-]+$/;

type Values = {
  username: string;
  displayName: string;
  role?: ApiRole;
  regionScope: string[];
  password: string;
  active: boolean;
};

const FIELD_FOR: Record<string, keyof Values> = {
  'input.username': 'username',
  'input.displayName': 'displayName',
  'input.role': 'role',
  'input.regionScope': 'regionScope',
  'input.password': 'password',
  'input.active': 'active',
};

export const REFRESH_USERS = ['AdminUsers'];

type UserFormProps = {
  /** Absent: create a user. */
  user?: AdminUser;
  /** Called with the new account and, on create, the initial password to show once. */
  onDone: (user: AdminUser, password?: string) => void;
  onCancel: () => void;
};

export function UserForm({ user, onDone, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const regions = useRegionOptions();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const options = { refetchQueries: REFRESH_USERS, awaitRefetchQueries: true };
  const [createUser, creating] = useMutation(CREATE_USER_MUTATION, options);
  const [updateUser, updating] = useMutation(UPDATE_USER_MUTATION, options);
  useUnsavedChangesWarning(dirty);

  const submit = async (values: Values) => {
    setFormError(undefined);
    try {
      if (user) {
        const result = await updateUser({
          variables: {
            id: user.id,
            version: user.version,
            input: {
              displayName: values.displayName.trim(),
              role: values.role,
              regionScope: values.regionScope,
              active: values.active,
            },
          },
        });
        setDirty(false);
        void message.success(t('admin.form.updated'));
        if (result.data) onDone(result.data.updateUser);
      } else {
        const result = await createUser({
          variables: {
            input: {
              username: values.username.trim(),
              displayName: values.displayName.trim(),
              role: values.role ?? 'VIEWER',
              regionScope: values.regionScope,
              password: values.password,
            },
          },
        });
        setDirty(false);
        void message.success(t('admin.form.created'));
        if (result.data) onDone(result.data.createUser, values.password);
      }
    } catch (error) {
      if (showServerFieldErrors(form, error, FIELD_FOR)) return;
      setFormError(
        hasErrorCode(error, API_ERROR.CONFLICT)
          ? t('admin.form.conflict')
          : firstErrorMessage(error, t('errors.unexpected')),
      );
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        username: user?.username ?? '',
        displayName: user?.displayName ?? '',
        role: user?.role,
        regionScope: user?.regionScope ?? [],
        password: '',
        active: user?.active ?? true,
      }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="username"
        label={t('admin.form.username')}
        extra={user ? undefined : t('admin.form.usernameHint')}
        rules={
          user
            ? []
            : [
                { required: true, whitespace: true, message: t('admin.form.usernameRequired') },
                {
                  min: LIMITS.usernameMin,
                  max: LIMITS.usernameMax,
                  message: t('admin.form.usernameLength', { min: LIMITS.usernameMin, max: LIMITS.usernameMax }),
                },
                { pattern: USERNAME, message: t('admin.form.usernameChars') },
              ]
        }
      >
        <Input disabled={Boolean(user)} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('admin.form.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('admin.form.displayNameRequired') },
          { max: LIMITS.displayNameMax, message: t('admin.form.tooLong', { max: LIMITS.displayNameMax }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('admin.form.role')}
        rules={[{ required: true, message: t('admin.form.roleRequired') }]}
      >
        <Select options={API_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      <Form.Item name="regionScope" label={t('admin.form.regionScope')} extra={t('admin.form.regionScopeHint')}>
        <TreeSelect
          multiple
          treeData={regions.options}
          loading={regions.loading}
          showSearch
          treeNodeFilterProp="title"
          allowClear
          placeholder={t('admin.allRegions')}
        />
      </Form.Item>
      {user ? (
        <Form.Item
          name="active"
          label={t('admin.form.active')}
          valuePropName="checked"
          extra={t('admin.form.activeHint')}
        >
          <Switch />
        </Form.Item>
      ) : (
        <Form.Item label={t('admin.form.password')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="password"
              noStyle
              rules={[
                { required: true, message: t('admin.form.passwordRequired') },
                {
                  min: LIMITS.passwordMin,
                  max: LIMITS.passwordMax,
                  message: t('admin.form.passwordLength', { min: LIMITS.passwordMin, max: LIMITS.passwordMax }),
                },
              ]}
            >
              <Input aria-label={t('admin.form.password')} autoComplete="new-password" />
            </Form.Item>
            <Button
              onClick={() => {
                form.setFieldValue('password', generatePassword());
                setDirty(true);
                void form.validateFields(['password']);
              }}
            >
              {t('admin.form.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      )}
      <FormErrorAlert message={formError} />
      <FormButtons
        submitLabel={user ? t('admin.form.save') : t('admin.form.create')}
        loading={creating.loading || updating.loading}
        onCancel={() => confirmDiscard(dirty, modal, t, onCancel)}
      />
    </Form>
  );
}
