import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Checkbox, Empty, Flex, Skeleton, Table, Tag, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorState } from '../../components/ErrorState';
import { ExportButtons } from '../../components/ExportButtons';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/FilterBar';
import { FormDrawer } from '../../components/FormDrawer';
import { PageHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { canWriteLiaison } from '../liaison/liaisonRoles';
import { pickLocalized } from '../projects/projectEnums';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { AGREEMENT_KINDS, COOPERATION_FIELDS, EXPIRY_WINDOWS } from './agreementEnums';
import {
  parseAgreementListParams,
  toAgreementListParams,
  toAgreementsVariables,
  withChanges,
  type AgreementListState,
} from './agreementListParams';
import { AgreementForm } from './AgreementForm';
import { AGREEMENTS_LIST_QUERY, type AgreementRow } from './agreements.graphql';
import { ExpiryTag } from './ExpiryTag';

type SortField = NonNullable<AgreementListState['sort']>['field'];

export function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = parseAgreementListParams(params);
  const [creating, setCreating] = useState(false);
  const regions = useQuery(REGIONS_QUERY);
  const { data, previousData, loading, error, refetch } = useQuery(AGREEMENTS_LIST_QUERY, {
    variables: toAgreementsVariables(state),
    // Lists changed elsewhere (another page's mutation refetches only mounted queries) show fresh.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const update = (next: AgreementListState) => setParams(toAgreementListParams(next));
  const change = (changes: Partial<AgreementListState>) => update(withChanges(state, changes));
  const onCreated = useCallback((id: string) => void navigate(`/agreements/${id}`), [navigate]);

  const sortOrderOf = (field: SortField) =>
    state.sort?.field === field ? (state.sort.direction === 'DESC' ? 'descend' : 'ascend') : null;

  const columns: TableProps<AgreementRow>['columns'] = [
    {
      key: 'CODE',
      title: t('agreements.columns.code'),
      sorter: true,
      sortOrder: sortOrderOf('CODE'),
      render: (_, a) => <Link to={`/agreements/${a.id}`}>{a.code}</Link>,
    },
    {
      key: 'TITLE_ZH',
      title: t('agreements.columns.title'),
      sorter: true,
      sortOrder: sortOrderOf('TITLE_ZH'),
      render: (_, a) => <Link to={`/agreements/${a.id}`}>{pickLocalized(a.title, language)}</Link>,
    },
    { key: 'counterpart', title: t('agreements.columns.counterpart'), dataIndex: 'counterpart' },
    { key: 'kind', title: t('agreements.columns.kind'), render: (_, a) => t(`agreements.kindValue.${a.kind}`) },
    {
      key: 'regions',
      title: t('agreements.columns.regions'),
      render: (_, a) => a.regions.map((r) => pickLocalized(r.name, language)).join('、'),
    },
    {
      key: 'SIGNED_ON',
      title: t('agreements.columns.signedOn'),
      sorter: true,
      sortOrder: sortOrderOf('SIGNED_ON'),
      dataIndex: 'signedOn',
    },
    {
      key: 'VALID_UNTIL',
      title: t('agreements.columns.validUntil'),
      sorter: true,
      sortOrder: sortOrderOf('VALID_UNTIL'),
      render: (_, a) => (
        <Flex gap="small" wrap>
          <span>{a.validUntil}</span>
          <ExpiryTag agreement={a} />
          {a.archived && <Tag>{t('agreements.archived')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'overdue',
      title: t('agreements.columns.overdue'),
      render: (_, a) =>
        a.overdueCommitmentCount > 0 ? (
          <Tag color="red">{t('agreements.overdueCount', { count: a.overdueCommitmentCount })}</Tag>
        ) : null,
    },
  ];

  const onTableChange: TableProps<AgreementRow>['onChange'] = (_p, _f, sorter) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<AgreementRow> | undefined;
    const field = single?.order ? (single.columnKey as SortField) : undefined;
    change({ sort: field ? { field, direction: single?.order === 'descend' ? 'DESC' : 'ASC' } : undefined });
  };

  const connection = (data ?? previousData)?.agreements;
  const filtered = Boolean(
    state.search || state.regionCode || state.kind || state.field || state.expiringWithinDays || state.includeExpired,
  );

  let body;
  if (error && !data) {
    body = <ErrorState title={t('agreements.loadFailed')} error={error} onRetry={() => void refetch()} />;
  } else if (!connection) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else {
    body = (
      <>
        <Table<AgreementRow>
          aria-label={t('agreements.tableLabel')}
          rowKey="id"
          columns={columns}
          dataSource={connection.edges.map((e) => e.node)}
          loading={loading}
          pagination={false}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: filtered ? (
              <Empty description={t('agreements.noMatch')}>
                <Button onClick={() => update({ search: '', includeExpired: false, cursors: [], sort: state.sort })}>
                  {t('agreements.clearFilters')}
                </Button>
              </Empty>
            ) : (
              <Empty description={t('agreements.empty')} />
            ),
          }}
        />
        <CursorPager
          count={t('agreements.count', { total: connection.totalCount })}
          cursors={state.cursors}
          pageInfo={connection.pageInfo}
          loading={loading}
          onCursors={(cursors) => update({ ...state, cursors })}
        />
      </>
    );
  }

  return (
    <>
      <Flex justify="space-between" align="start" wrap gap="middle">
        <PageHeading>{t('agreements.title')}</PageHeading>
        <Flex wrap gap="small">
          <ExportButtons kind="agreements" filter={toAgreementsVariables(state).filter} />
          {canWriteLiaison(user.role) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('agreements.newAgreement')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card>
        <Flex vertical gap="middle">
          <FilterBar label={t('agreements.filtersLabel')}>
            <SearchFilter
              label={t('agreements.search')}
              placeholder={t('agreements.searchPlaceholder')}
              value={state.search}
              onSearch={(search) => change({ search })}
              width={260}
            />
            <SelectFilter
              label={t('agreements.region')}
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
              label={t('agreements.kind')}
              value={state.kind}
              onChange={(kind) => change({ kind })}
              options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kindValue.${k}`) }))}
              width={180}
            />
            <SelectFilter
              label={t('agreements.field')}
              value={state.field}
              onChange={(field) => change({ field })}
              options={COOPERATION_FIELDS.map((f) => ({ value: f, label: t(`agreements.fieldValue.${f}`) }))}
              width={160}
            />
            <SelectFilter
              label={t('agreements.expiring')}
              value={state.expiringWithinDays}
              onChange={(expiringWithinDays) => change({ expiringWithinDays })}
              options={EXPIRY_WINDOWS.map((days) => ({ value: days, label: t('agreements.expiringWithin', { days }) }))}
              width={160}
            />
            <Checkbox checked={state.includeExpired} onChange={(e) => change({ includeExpired: e.target.checked })}>
              {t('agreements.includeExpired')}
            </Checkbox>
          </FilterBar>
          {body}
        </Flex>
      </Card>
      <FormDrawer
        open={creating}
        title={t('agreements.form.createTitle')}
        onClose={() => setCreating(false)}
        size="large"
        destroyOnHidden
        maskClosable={false}
      >
        {creating && <AgreementForm onSaved={onCreated} onCancel={() => setCreating(false)} />}
      </FormDrawer>
    </>
  );
}
