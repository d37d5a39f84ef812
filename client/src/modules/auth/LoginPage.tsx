import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ApiRole } from '../../app/roles';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SectionHeading } from '../../components/PageHeading';
import { LOGIN_MUTATION, ME_QUERY, type LoginVariables } from './auth.graphql';
import { describeLoginFailure, type LoginFailure } from './loginErrors';
import { safeNextPath } from './redirect';

// Typed against shared/ so a changed limit fails the type check; a value import would bundle zod.
const USERNAME_MAX: (typeof LIMITS)['usernameMax'] = 40;
const PASSWORD_MAX: (typeof LIMITS)['passwordMax'] = 200;

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [login, { loading }] = useMutation(LOGIN_MUTATION);

  const onFinish = async (values: LoginVariables) => {
    setFailure(null);
    let role: ApiRole | undefined;
    try {
      const result = await login({
        variables: { username: values.username.trim(), password: values.password },
        // RequireAuth reads `me` from the cache; without this it would still hold the signed-out answer.
        update: (cache, { data }) => {
          if (data) cache.writeQuery({ query: ME_QUERY, data: { me: data.login.user } });
        },
      });
      role = result.data?.login.user.role;
    } catch (error) {
      setFailure(describeLoginFailure(error));
      return;
    }
    await navigate(safeNextPath(searchParams.get('next'), role), { replace: true });
  };

  const failureMessage = (f: LoginFailure): string => {
    switch (f.kind) {
      case 'invalidCredentials':
        return t('login.errors.invalidCredentials');
      case 'tooManyAttempts':
        return t('login.errors.tooManyAttempts', { minutes: f.minutes });
      case 'badInput':
        return t('login.errors.badInput');
      case 'network':
        return t('errors.network');
      case 'unexpected':
        return t('errors.unexpected');
    }
  };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 24, background: '#f0f2f5' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <main style={{ width: '100%', maxWidth: 400, marginTop: '10vh' }}>
        <Typography.Title level={1} style={{ fontSize: 26, textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Title>
        <Card title={<SectionHeading>{t('login.heading')}</SectionHeading>}>
          {failure && <Alert type="error" showIcon title={failureMessage(failure)} style={{ marginBottom: 16 }} />}
          <Form<LoginVariables>
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void onFinish(values)}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" maxLength={USERNAME_MAX} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                maxLength={PASSWORD_MAX}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={loading}>
              {loading ? t('login.submitting') : t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </Flex>
  );
}
