import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Flex, Progress, Select, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorState } from '../../components/ErrorState';
import { ExportButtons } from '../../components/ExportButtons';
import { PageHeading } from '../../components/PageHeading';
import type { MilestoneSortField, MilestoneStatus } from '../../generated/graphql';
import { pickLocalized } from '../projects/projectEnums';
import { PAGE_SIZES, type PageSize } from '../projects/projectListParams';
import { MilestoneFilters } from './MilestoneFilters';
import {
  EMPTY_MILESTONE_FILTERS,
  hasActiveMilestoneFilters,
  parseMilestoneListParams,
  toMilestoneExportFilter,
  toMilestoneListParams,
  toMilestonesVariables,
  withMilestoneChanges,
  type MilestoneListState,
} from './milestoneListParams';
import { MILESTONES_LIST_QUERY, type MilestoneRow } from './milestones.graphql';

const STATUS_COLORS: Record<MilestoneStatus, string> = {
  PENDING: 'default',
  DONE: 'green',
  LATE: 'orange',
  AT_RISK: 'gold',
};

/** Milestones across projects: where the dashboard's milestone charts drill down to. */
export function MilestonesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [params, setParams] = useSearchParams();
  const state = parseMilestoneListParams(params);
  const { data, previousData, loading, error, refetch } = useQuery(MILESTONES_LIST_QUERY, {
    variables: toMilestonesVariables(state),
    notifyOnNetworkStatusChange: true,
  });
  const update = (next: MilestoneListState) => setParams(toMilestoneListParams(next));
  const sortOrderOf = (field: MilestoneSortField) =>
    state.sort?.field === field ? (state.sort.direction === 'DESC' ? 'descend' : 'ascend') : null;

  const columns: TableProps<MilestoneRow>['columns'] = [
    {
      key: 'project',
      title: t('milestoneList.columns.project'),
      render: (_, m) => (
        <Link to={`/projects/${m.project.id}`}>
          {m.project.code} {pickLocalized(m.project.name, language)}
        </Link>
      ),
    },
    { key: 'title', title: t('milestoneList.columns.title'), render: (_, m) => pickLocalized(m.title, language) },
    {
      key: 'PLANNED_DATE',
      title: t('milestoneList.columns.plannedDate'),
      sorter: true,
      sortOrder: sortOrderOf('PLANNED_DATE'),
      render: (_, m) => (m.overdue ? <Typography.Text type="danger">{m.plannedDate}</Typography.Text> : m.plannedDate),
    },
    { key: 'actualDate', title: t('milestoneList.columns.actualDate'), render: (_, m) => m.actualDate ?? '' },
    {
      key: 'STATUS',
      title: t('milestoneList.columns.status'),
      sorter: true,
      sortOrder: sortOrderOf('STATUS'),
      render: (_, m) => (
        <Flex gap={4} wrap>
          <Tag color={STATUS_COLORS[m.status]}>{t(`project.milestones.statusValue.${m.status}`)}</Tag>
          {m.overdue && <Tag color="red">{t('milestoneList.overdue')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'PERCENT_COMPLETE',
      title: t('milestoneList.columns.progress'),
      sorter: true,
      sortOrder: sortOrderOf('PERCENT_COMPLETE'),
      width: 140,
      render: (_, m) => (
        <Progress percent={m.percentComplete} size="small" aria-label={t('milestoneList.columns.progress')} />
      ),
    },
  ];

  const onTableChange: TableProps<MilestoneRow>['onChange'] = (_pagination, _filters, sorter) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<MilestoneRow> | undefined;
    const field = single?.order ? (single.columnKey as MilestoneSortField) : undefined;
    update(
      withMilestoneChanges(state, {
        sort: field ? { field, direction: single?.order === 'descend' ? 'DESC' : 'ASC' } : undefined,
      }),
    );
  };

  const connection = (data ?? previousData)?.milestones;
  const filtered = hasActiveMilestoneFilters(state);
  let body;
  if (error && !data) {
    body = <ErrorState title={t('milestoneList.loadFailed')} error={error} onRetry={() => void refetch()} />;
  } else if (!connection) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    body = (
      <>
        <Table<MilestoneRow>
          aria-label={t('milestoneList.tableLabel')}
          rowKey="id"
          columns={columns}
          dataSource={connection.edges.map((e) => e.node)}
          loading={loading}
          pagination={false}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: filtered ? (
              <Empty description={t('milestoneList.noMatch')}>
                <Button onClick={() => update(withMilestoneChanges(state, EMPTY_MILESTONE_FILTERS))}>
                  {t('milestoneList.clearFilters')}
                </Button>
              </Empty>
            ) : (
              <Empty description={t('milestoneList.empty')} />
            ),
          }}
        />
        <CursorPager
          count={t('milestoneList.count', { total: connection.totalCount })}
          cursors={state.cursors}
          pageInfo={connection.pageInfo}
          loading={loading}
          onCursors={(cursors) => update({ ...state, cursors })}
        >
          <Select<PageSize>
            aria-label={t('milestoneList.pageSize')}
            value={state.pageSize}
            onChange={(pageSize) => update(withMilestoneChanges(state, { pageSize }))}
            options={PAGE_SIZES.map((size) => ({ value: size, label: t('milestoneList.pageSizeOption', { size }) }))}
            style={{ width: 120 }}
          />
        </CursorPager>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('milestoneList.title')}</PageHeading>
      <Flex align="start" wrap gap="small">
        <Typography.Text type="secondary">{t('milestoneList.hint')}</Typography.Text>
        <div style={{ marginLeft: 'auto', marginBottom: 16 }}>
          <ExportButtons kind="milestones" filter={toMilestoneExportFilter(state)} />
        </div>
      </Flex>
      <Card>
        <Flex vertical gap="middle">
          <MilestoneFilters filters={state} onChange={(changes) => update(withMilestoneChanges(state, changes))} />
          {body}
        </Flex>
      </Card>
    </>
  );
}
