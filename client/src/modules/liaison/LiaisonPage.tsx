import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  InputNumber,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorState } from '../../components/ErrorState';
import { ExportButtons } from '../../components/ExportButtons';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/FilterBar';
import { FormDrawer } from '../../components/FormDrawer';
import { PageHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { pickLocalized } from '../projects/projectEnums';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { ActivityForm } from './ActivityForm';
import { CompleteFollowUpButton } from './CompleteFollowUpButton';
import { FollowUpList, FollowUpStatus } from './FollowUpList';
import { FOLLOW_UPS_QUERY, LIAISON_ACTIVITIES_QUERY, type ActivityRow, type FollowUpRow } from './liaison.graphql';
import { LIAISON_KIND_COLORS, LIAISON_KINDS } from './liaisonEnums';
import {
  parseLiaisonParams,
  toActivitiesVariables,
  toLiaisonParams,
  toMyFollowUpsVariables,
  withChanges,
  type LiaisonListState,
} from './liaisonListParams';
import { canWriteLiaison } from './liaisonRoles';

function ActivityLog({ state, onChange }: { state: LiaisonListState; onChange: (next: LiaisonListState) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const regions = useQuery(REGIONS_QUERY);
  const { data, previousData, loading, error, refetch } = useQuery(LIAISON_ACTIVITIES_QUERY, {
    variables: toActivitiesVariables(state),
    // Lists changed elsewhere (another page's mutation refetches only mounted queries) show fresh.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const change = (changes: Partial<LiaisonListState>) => onChange(withChanges(state, changes));

  const columns: TableProps<ActivityRow>['columns'] = [
    { key: 'date', title: t('liaison.columns.date'), dataIndex: 'date' },
    {
      key: 'kind',
      title: t('liaison.columns.kind'),
      render: (_, a) => <Tag color={LIAISON_KIND_COLORS[a.kind]}>{t(`liaison.kindValue.${a.kind}`)}</Tag>,
    },
    {
      key: 'title',
      title: t('liaison.columns.title'),
      render: (_, a) => <Link to={`/liaison/${a.id}`}>{a.title}</Link>,
    },
    {
      key: 'region',
      title: t('liaison.columns.region'),
      render: (_, a) => <Link to={`/regions/${a.region.code}`}>{pickLocalized(a.region.name, language)}</Link>,
    },
    {
      key: 'followUps',
      title: t('liaison.columns.followUps'),
      render: (_, a) => {
        const open = a.followUps.filter((f) => !f.done);
        const overdue = open.filter((f) => f.overdue).length;
        return (
          <Flex gap="small" wrap>
            <span>{t('liaison.followUpSummary', { open: open.length, total: a.followUps.length })}</span>
            {overdue > 0 && <Tag color="red">{t('liaison.overdueCount', { count: overdue })}</Tag>}
          </Flex>
        );
      },
    },
  ];

  const connection = (data ?? previousData)?.liaisonActivities;
  const filtered = Boolean(state.search || state.regionCode || state.kind || state.year);

  return (
    <Flex vertical gap="middle">
      <FilterBar label={t('liaison.filtersLabel')}>
        <SearchFilter
          label={t('liaison.search')}
          placeholder={t('liaison.searchPlaceholder')}
          value={state.search}
          onSearch={(search) => change({ search })}
          width={240}
        />
        <SelectFilter
          label={t('liaison.region')}
          searchable
          value={state.regionCode}
          onChange={(regionCode) => change({ regionCode })}
          options={(regions.data?.regions ?? []).map((r) => ({
            value: r.code,
            label: `${pickLocalized(r.name, language)} ${r.code}`,
          }))}
          width={200}
        />
        <SelectFilter
          label={t('liaison.kind')}
          value={state.kind}
          onChange={(kind) => change({ kind })}
          options={LIAISON_KINDS.map((k) => ({ value: k, label: t(`liaison.kindValue.${k}`) }))}
          width={160}
        />
        <InputNumber<number>
          aria-label={t('liaison.year')}
          placeholder={t('liaison.year')}
          min={2000}
          max={2100}
          value={state.year}
          onChange={(year) => change({ year: year ?? undefined })}
          style={{ width: 120 }}
        />
      </FilterBar>
      {error && !data ? (
        <ErrorState title={t('liaison.loadFailed')} error={error} onRetry={() => void refetch()} />
      ) : !connection ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Table<ActivityRow>
            aria-label={t('liaison.tableLabel')}
            rowKey="id"
            columns={columns}
            dataSource={connection.edges.map((e) => e.node)}
            loading={loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{
              expandedRowRender: (a) => (
                <Flex vertical gap="small">
                  {a.summary && <Typography.Paragraph style={{ margin: 0 }}>{a.summary}</Typography.Paragraph>}
                  <FollowUpList followUps={a.followUps} regionCode={a.region.code} />
                </Flex>
              ),
            }}
            locale={{
              emptyText: <Empty description={filtered ? t('liaison.noMatch') : t('liaison.empty')} />,
            }}
          />
          <CursorPager
            count={t('liaison.count', { total: connection.totalCount })}
            cursors={state.cursors}
            pageInfo={connection.pageInfo}
            loading={loading}
            onCursors={(cursors) => onChange({ ...state, cursors })}
          />
        </>
      )}
    </Flex>
  );
}

function MyFollowUps({ state, onChange }: { state: LiaisonListState; onChange: (next: LiaisonListState) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { data, previousData, loading, error, refetch } = useQuery(FOLLOW_UPS_QUERY, {
    variables: toMyFollowUpsVariables(state, user.id),
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.followUps;

  const columns: TableProps<FollowUpRow>['columns'] = [
    { key: 'action', title: t('liaison.followUp.action'), dataIndex: 'action' },
    {
      key: 'due',
      title: t('liaison.followUp.dueDate'),
      render: (_, f) => <Typography.Text type={f.overdue ? 'danger' : undefined}>{f.dueDate}</Typography.Text>,
    },
    { key: 'status', title: t('liaison.followUp.status'), render: (_, f) => <FollowUpStatus followUp={f} /> },
    {
      key: 'activity',
      title: t('liaison.followUp.activity'),
      render: (_, f) => (
        <Link to={`/liaison/${f.activity.id}`}>
          {f.activity.date} {f.activity.title}
        </Link>
      ),
    },
    {
      key: 'actions',
      title: t('liaison.followUp.actions'),
      render: (_, f) => (f.canComplete && !f.done ? <CompleteFollowUpButton followUp={f} /> : null),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Checkbox
        checked={state.includeDone}
        onChange={(e) => onChange(withChanges(state, { includeDone: e.target.checked }))}
      >
        {t('liaison.includeDone')}
      </Checkbox>
      {error && !data ? (
        <ErrorState title={t('liaison.loadFailed')} error={error} onRetry={() => void refetch()} />
      ) : !connection ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <Table<FollowUpRow>
            aria-label={t('liaison.myFollowUps')}
            rowKey="id"
            columns={columns}
            dataSource={connection.edges.map((e) => e.node)}
            loading={loading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('liaison.noFollowUps')} /> }}
          />
          <CursorPager
            count={t('liaison.followUpCount', { total: connection.totalCount })}
            cursors={state.cursors}
            pageInfo={connection.pageInfo}
            loading={loading}
            onCursors={(cursors) => onChange({ ...state, cursors })}
          />
        </>
      )}
    </Flex>
  );
}

export function LiaisonPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const state = parseLiaisonParams(params);
  const [creating, setCreating] = useState(false);
  const close = useCallback(() => setCreating(false), []);
  const update = (next: LiaisonListState) => setParams(toLiaisonParams(next));

  return (
    <>
      <Flex justify="space-between" align="start" wrap gap="middle">
        <PageHeading>{t('liaison.title')}</PageHeading>
        <Flex wrap gap="small">
          <ExportButtons kind="liaison" filter={toActivitiesVariables(state).filter} />
          {canWriteLiaison(user.role) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('liaison.newActivity')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card>
        <Tabs
          activeKey={state.tab}
          onChange={(tab) => update({ ...state, tab: tab === 'mine' ? 'mine' : 'log', cursors: [] })}
          items={[
            { key: 'log', label: t('liaison.tabs.log'), children: <ActivityLog state={state} onChange={update} /> },
            { key: 'mine', label: t('liaison.tabs.mine'), children: <MyFollowUps state={state} onChange={update} /> },
          ]}
        />
      </Card>
      <FormDrawer
        open={creating}
        title={t('liaison.form.createTitle')}
        onClose={close}
        size="large"
        destroyOnHidden
        maskClosable={false}
      >
        {creating && <ActivityForm onDone={close} />}
      </FormDrawer>
    </>
  );
}
