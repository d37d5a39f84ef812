import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { FormButtons, FormErrorAlert } from '../fund/FundFormParts';
import { firstErrorMessage, showServerFieldErrors } from '../fund/serverFieldErrors';
import { RESET_PASSWORD_MUTATION } from './admin.graphql';
import { generatePassword } from './generatePassword';

const PASSWORD_MIN = 8;
const PASSWORD_MAX = 200;

type Values = { password: string };

/** Sets a new password (typed or generated); the caller shows it once, then it is gone from the screen. */
export function ResetPasswordForm({
  userId,
  onDone,
  onCancel,
}: {
  userId: string;
  onDone: (password: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [reset, { loading }] = useMutation(RESET_PASSWORD_MUTATION);
  useUnsavedChangesWarning(dirty);

  const submit = async ({ password }: Values) => {
    setFormError(undefined);
    try {
      await reset({ variables: { id: userId, password } });
      setDirty(false);
      onDone(password);
    } catch (error) {
      if (!showServerFieldErrors(form, error, { password: 'password' }))
        setFormError(firstErrorMessage(error, t('errors.unexpected')));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item label={t('admin.reset.password')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="password"
            noStyle
            rules={[
              { required: true, message: t('admin.form.passwordRequired') },
              {
                min: PASSWORD_MIN,
                max: PASSWORD_MAX,
                message: t('admin.form.passwordLength', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
              },
            ]}
          >
            <Input aria-label={t('admin.reset.password')} autoComplete="new-password" />
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
      <FormErrorAlert message={formError} />
      <FormButtons submitLabel={t('admin.reset.submit')} loading={loading} onCancel={onCancel} />
    </Form>
  );
}
