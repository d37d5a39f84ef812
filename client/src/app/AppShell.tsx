import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { App, Button, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { createElement, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadingState } from '../components/LoadingState';
import { LOGOUT_MUTATION } from '../modules/auth/auth.graphql';
import { useCurrentUser } from '../modules/auth/currentUser';
import { LOGIN_PATH } from '../modules/auth/redirect';
import { navigationFor, selectedNavKey } from './navigation';

export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [logout, { loading: signingOut }] = useMutation(LOGOUT_MUTATION);

  const navItems = useMemo(() => navigationFor(user.role), [user.role]);
  const menuItems = navItems.map((item) => ({
    key: item.key,
    icon: createElement(item.icon),
    label: <Link to={item.path}>{t(item.labelKey)}</Link>,
  }));
  const selectedKey = selectedNavKey(location.pathname, navItems);

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // The cookie may already be gone; signing out locally is what the user asked for.
      void message.warning(t('shell.signOutFailed'));
    }
    // Leave the protected pages first so no mounted query refetches into the cleared cache.
    await navigate(LOGIN_PATH, { replace: true });
    await client.clearStore();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        id="app-sider"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        trigger={null}
        width={220}
      >
        <div
          style={{
            color: '#fff',
            fontWeight: 600,
            padding: '20px 16px',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textAlign: collapsed ? 'center' : 'left',
          }}
        >
          {collapsed ? <TeamOutlined aria-hidden /> : t('app.shortTitle')}
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu theme="dark" mode="inline" items={menuItems} selectedKeys={selectedKey ? [selectedKey] : []} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            paddingInline: 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Flex align="center" justify="space-between" gap="middle" style={{ height: '100%' }}>
            <Flex align="center" gap="small" style={{ minWidth: 0 }}>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!collapsed)}
                aria-label={collapsed ? t('shell.expandMenu') : t('shell.collapseMenu')}
                aria-expanded={!collapsed}
                aria-controls="app-sider"
              />
              <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
                {t('app.title')}
              </Typography.Text>
            </Flex>
            <Space size="middle" wrap={false}>
              <Space size="small">
                <UserOutlined aria-hidden />
                <span className="sr-only">{t('shell.signedInAs')}</span>
                <Typography.Text>{user.displayName}</Typography.Text>
                <Tag color="blue">{t(`role.${user.role}`)}</Tag>
              </Space>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} loading={signingOut} onClick={() => void signOut()}>
                {t('shell.signOut')}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<LoadingState label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
