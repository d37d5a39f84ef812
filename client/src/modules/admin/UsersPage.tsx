import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  Modal,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRole } from '../../app/roles';
import { API_ROLES } from '../../app/roles';
import { CursorPager } from '../../components/CursorPager';
import { ErrorState } from '../../components/ErrorState';
import { FormDrawer } from '../../components/FormDrawer';
import { PageHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { useRegionOptions } from '../../components/regionOptions';
import { USERS_QUERY, type AdminUser } from './admin.graphql';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserForm } from './UserForm';

const PAGE_SIZE = 20;

type Editing = { mode: 'create' } | { mode: 'edit'; user: AdminUser };
type Shown = { username: string; password: string };

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role !== 'ADMIN') {
    return <Result status="403" title={t('admin.title')} subTitle={t('errors.forbidden')} />;
  }
  return <UsersAdmin />;
}

function UsersAdmin() {
  const { t } = useTranslation();
  const regions = useRegionOptions();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<ApiRole>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [cursors, setCursors] = useState<string[]>([]);
  const [editing, setEditing] = useState<Editing>();
  const [resetting, setResetting] = useState<AdminUser>();
  const [shown, setShown] = useState<Shown>();
  const { data, previousData, loading, error, refetch } = useQuery(USERS_QUERY, {
    variables: {
      filter: { search: search || undefined, role, includeInactive },
      first: PAGE_SIZE,
      after: cursors.at(-1),
    },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.users;
  const filter = (apply: () => void) => {
    apply();
    setCursors([]);
  };

  const columns: TableProps<AdminUser>['columns'] = [
    { key: 'username', title: t('admin.columns.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('admin.columns.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('admin.columns.role'), render: (_, u) => t(`role.${u.role}`) },
    {
      key: 'regionScope',
      title: t('admin.columns.regionScope'),
      render: (_, u) => (u.regionScope.length ? u.regionScope.map(regions.nameOf).join('、') : t('admin.allRegions')),
    },
    {
      key: 'active',
      title: t('admin.columns.active'),
      render: (_, u) => (u.active ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>),
    },
    {
      key: 'actions',
      title: t('admin.columns.actions'),
      render: (_, u) => (
        <Space>
          <Button
            size="small"
            onClick={() => setEditing({ mode: 'edit', user: u })}
            aria-label={t('admin.editOne', { name: u.username })}
          >
            {t('admin.edit')}
          </Button>
          <Button size="small" onClick={() => setResetting(u)} aria-label={t('admin.resetOne', { name: u.username })}>
            {t('admin.reset.button')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <Card>
        <Flex vertical gap="middle">
          <Flex justify="space-between" wrap gap="small">
            <Flex role="search" aria-label={t('admin.filters')} wrap gap="small" align="center">
              <Input.Search
                aria-label={t('admin.search')}
                placeholder={t('admin.search')}
                allowClear
                enterButton
                onSearch={(value) => filter(() => setSearch(value.trim()))}
                style={{ width: 240 }}
              />
              <Select<ApiRole>
                aria-label={t('admin.columns.role')}
                placeholder={t('admin.columns.role')}
                allowClear
                value={role}
                onChange={(value) => filter(() => setRole(value))}
                options={API_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                style={{ width: 200 }}
              />
              <Checkbox checked={includeInactive} onChange={(e) => filter(() => setIncludeInactive(e.target.checked))}>
                {t('admin.includeInactive')}
              </Checkbox>
            </Flex>
            <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
              {t('admin.create')}
            </Button>
          </Flex>
          {error && !connection ? (
            <ErrorState title={t('admin.loadFailed')} error={error} onRetry={() => void refetch()} />
          ) : !connection ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : (
            <>
              <Table<AdminUser>
                aria-label={t('admin.title')}
                rowKey="id"
                columns={columns}
                dataSource={connection.edges.map((e) => e.node)}
                loading={loading}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <Empty description={t('admin.empty')} /> }}
              />
              <CursorPager
                count={t('admin.count', { total: connection.totalCount })}
                cursors={cursors}
                pageInfo={connection.pageInfo}
                loading={loading}
                onCursors={setCursors}
              />
            </>
          )}
        </Flex>
      </Card>
      <FormDrawer
        open={Boolean(editing)}
        title={
          editing?.mode === 'edit' ? t('admin.editTitle', { name: editing.user.username }) : t('admin.createTitle')
        }
        onClose={() => setEditing(undefined)}
        destroyOnHidden
        size={480}
      >
        {editing && (
          <UserForm
            key={editing.mode === 'edit' ? editing.user.id : 'new'}
            user={editing.mode === 'edit' ? editing.user : undefined}
            onCancel={() => setEditing(undefined)}
            onDone={(user, password) => {
              setEditing(undefined);
              if (password) setShown({ username: user.username, password });
            }}
          />
        )}
      </FormDrawer>
      <Modal
        open={Boolean(resetting)}
        title={t('admin.reset.title', { name: resetting?.username ?? '' })}
        onCancel={() => setResetting(undefined)}
        footer={null}
        destroyOnHidden
      >
        {resetting && (
          <ResetPasswordForm
            userId={resetting.id}
            onCancel={() => setResetting(undefined)}
            onDone={(password) => {
              const username = resetting.username;
              setResetting(undefined);
              setShown({ username, password });
            }}
          />
        )}
      </Modal>
      <Modal
        open={Boolean(shown)}
        title={t('admin.shown.title')}
        onCancel={() => setShown(undefined)}
        onOk={() => setShown(undefined)}
        okText={t('admin.shown.done')}
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        {shown && (
          <Flex vertical gap="small">
            <Alert type="warning" showIcon title={t('admin.shown.once')} />
            <div>
              {t('admin.shown.username')}: <Typography.Text code>{shown.username}</Typography.Text>
            </div>
            <div>
              {t('admin.shown.password')}:{' '}
              <Typography.Text code copyable data-testid="shown-password">
                {shown.password}
              </Typography.Text>
            </div>
          </Flex>
        )}
      </Modal>
    </>
  );
}
