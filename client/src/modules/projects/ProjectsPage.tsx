import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Flex, Progress, Select, Skeleton, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorState } from '../../components/ErrorState';
import { ExportButtons } from '../../components/ExportButtons';
import { IatiExportButton } from '../../components/IatiExportButton';
import { formatWanYuan } from '../../components/money';
import { PageHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { PROJECTS_LIST_QUERY, type ProjectRow } from './projects.graphql';
import { STATUS_COLORS, pickLocalized, type ListSortField } from './projectEnums';
import { ProjectFilters } from './ProjectFilters';
import { ProjectTotalsSummary } from '../dashboard/ProjectTotalsSummary';
import { NewProjectButton } from './NewProjectButton';
import {
  EMPTY_FILTERS,
  PAGE_SIZES,
  hasActiveFilters,
  parseProjectListParams,
  toProjectListParams,
  toProjectsVariables,
  withChanges,
  type PageSize,
  type ProjectListState,
} from './projectListParams';

export function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const state = parseProjectListParams(params);
  const { data, previousData, loading, error, refetch } = useQuery(PROJECTS_LIST_QUERY, {
    variables: toProjectsVariables(state, user.id),
    notifyOnNetworkStatusChange: true,
  });

  const filter = toProjectsVariables(state, user.id).filter;
  // Rows chosen for the IATI export, kept across pages; a new filter starts a new choice.
  const filterKey = JSON.stringify(filter);
  const [selection, setSelection] = useState<{ filterKey: string; ids: string[] }>({ filterKey, ids: [] });
  const selectedIds = selection.filterKey === filterKey ? selection.ids : [];
  const update = (next: ProjectListState) => setParams(toProjectListParams(next));
  const nameSortField: ListSortField = language === 'en' ? 'NAME_EN' : 'NAME_ZH';
  const sortOrderOf = (field: ListSortField) =>
    state.sort?.field === field ? (state.sort.direction === 'DESC' ? 'descend' : 'ascend') : null;

  const columns: TableProps<ProjectRow>['columns'] = [
    {
      key: 'CODE',
      title: t('projects.columns.code'),
      sorter: true,
      sortOrder: sortOrderOf('CODE'),
      render: (_, p) => <Link to={`/projects/${p.id}`}>{p.code}</Link>,
    },
    {
      key: nameSortField,
      title: t('projects.columns.name'),
      sorter: true,
      sortOrder: sortOrderOf(nameSortField),
      render: (_, p) => <Link to={`/projects/${p.id}`}>{pickLocalized(p.name, language)}</Link>,
    },
    { key: 'region', title: t('projects.columns.region'), render: (_, p) => pickLocalized(p.region.name, language) },
    { key: 'sector', title: t('projects.columns.sector'), render: (_, p) => t(`projects.sectorValue.${p.sector}`) },
    {
      key: 'STATUS',
      title: t('projects.columns.status'),
      sorter: true,
      sortOrder: sortOrderOf('STATUS'),
      render: (_, p) => <Tag color={STATUS_COLORS[p.status]}>{t(`projects.statusValue.${p.status}`)}</Tag>,
    },
    {
      key: 'PLANNED_START',
      title: t('projects.columns.plannedStart'),
      sorter: true,
      sortOrder: sortOrderOf('PLANNED_START'),
      dataIndex: 'plannedStart',
    },
    {
      key: 'PLANNED_END',
      title: t('projects.columns.plannedEnd'),
      sorter: true,
      sortOrder: sortOrderOf('PLANNED_END'),
      dataIndex: 'plannedEnd',
    },
    {
      key: 'BUDGET',
      title: t('projects.columns.budget'),
      sorter: true,
      sortOrder: sortOrderOf('BUDGET'),
      align: 'right',
      render: (_, p) => formatWanYuan(p.budget.total),
    },
    {
      key: 'PROGRESS',
      title: t('projects.columns.progress'),
      sorter: true,
      sortOrder: sortOrderOf('PROGRESS'),
      width: 140,
      render: (_, p) => <Progress percent={p.progress} size="small" aria-label={t('projects.columns.progress')} />,
    },
    {
      key: 'overdue',
      title: t('projects.columns.overdue'),
      render: (_, p) => (p.milestoneSummary.overdue ? <Tag color="red">{t('projects.overdue')}</Tag> : null),
    },
  ];

  const onTableChange: TableProps<ProjectRow>['onChange'] = (_pagination, _filters, sorter) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ProjectRow> | undefined;
    const field = single?.order ? (single.columnKey as ListSortField) : undefined;
    update(
      withChanges(state, {
        sort: field ? { field, direction: single?.order === 'descend' ? 'DESC' : 'ASC' } : undefined,
      }),
    );
  };

  const shown = data ?? previousData;
  const connection = shown?.projects;
  const filtered = hasActiveFilters(state);

  let body;
  if (error && !data) {
    body = <ErrorState title={t('projects.loadFailed')} error={error} onRetry={() => void refetch()} />;
  } else if (!connection) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    body = (
      <>
        <Table<ProjectRow>
          aria-label={t('projects.tableLabel')}
          rowKey="id"
          rowSelection={{
            selectedRowKeys: selectedIds,
            preserveSelectedRowKeys: true,
            // antd repeats the header in an aria-hidden measuring row, where a select-all checkbox
            // would be a focusable hidden element: a plain header instead.
            hideSelectAll: true,
            columnTitle: t('iati.selectColumn'),
            onChange: (keys) => setSelection({ filterKey, ids: keys.map(String) }),
            getCheckboxProps: (p) => ({ 'aria-label': t('iati.selectRow', { code: p.code }) }),
          }}
          columns={columns}
          dataSource={connection.edges.map((e) => e.node)}
          loading={loading}
          pagination={false}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: filtered ? (
              <Empty description={t('projects.noMatch')}>
                <Button onClick={() => update(withChanges(state, EMPTY_FILTERS))}>{t('projects.clearFilters')}</Button>
              </Empty>
            ) : (
              <Empty description={t('projects.empty')} />
            ),
          }}
        />
        <CursorPager
          count={t('projects.count', { total: connection.totalCount })}
          cursors={state.cursors}
          pageInfo={connection.pageInfo}
          loading={loading}
          onCursors={(cursors) => update({ ...state, cursors })}
        >
          <Select<PageSize>
            aria-label={t('projects.pageSize')}
            value={state.pageSize}
            onChange={(pageSize) => update(withChanges(state, { pageSize }))}
            options={PAGE_SIZES.map((size) => ({ value: size, label: t('projects.pageSizeOption', { size }) }))}
            style={{ width: 120 }}
          />
        </CursorPager>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('projects.title')}</PageHeading>
      <Flex align="start" wrap gap="small">
        <NewProjectButton />
        <div style={{ marginLeft: 'auto', marginBottom: 16 }}>
          <ExportButtons kind="projects" filter={filter} />
          <IatiExportButton filter={filter} ids={selectedIds} />
          {selectedIds.length > 0 && (
            <Flex gap="small" align="center" justify="end" style={{ marginTop: 8 }} aria-live="polite">
              <span>{t('iati.selected', { count: selectedIds.length })}</span>
              <Button size="small" onClick={() => setSelection({ filterKey, ids: [] })}>
                {t('iati.clearSelection')}
              </Button>
            </Flex>
          )}
        </div>
      </Flex>
      <Card>
        <Flex vertical gap="middle">
          <ProjectFilters filters={state} onChange={(changes) => update(withChanges(state, changes))} />
          <ProjectTotalsSummary filter={filter} />
          {body}
        </Flex>
      </Card>
    </>
  );
}
