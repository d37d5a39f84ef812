import { useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Empty, Flex, Skeleton, Table, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CursorPager } from '../../components/CursorPager';
import { ErrorState } from '../../components/ErrorState';
import type { LedgerKind } from '../../generated/graphql';
import { useCurrentUser } from '../auth/currentUser';
import { FUND_YEARS_QUERY, LEDGER_ENTRIES_QUERY, type LedgerRow } from './fund.graphql';
import { FormDialog } from './FundFormParts';
import { ExportButtons } from '../../components/ExportButtons';
import { FilterBar, RegionFilter, SelectFilter } from '../../components/FilterBar';
import { FundHeader } from './FundHeader';
import { Money, MoneyUnitProvider } from './FundMoney';
import { isFundManager } from './fundRoles';
import {
  LEDGER_KINDS,
  hasLedgerFilters,
  parseLedgerParams,
  toLedgerParams,
  toLedgerVariables,
  withFilters,
  type LedgerState,
} from './ledgerParams';
import { ReversalForm, type ReversalTarget } from './ReversalForm';

const KIND_COLORS: Record<LedgerKind, string> = {
  APPROPRIATION: 'blue',
  ALLOCATION: 'green',
  ALLOCATION_REVERSAL: 'volcano',
  DISBURSEMENT: 'cyan',
  DISBURSEMENT_REVERSAL: 'orange',
  CARRY_OUT: 'purple',
  CARRY_IN: 'geekblue',
};

/** The entry a reversal action undoes, or nothing for kinds that cannot be reversed. */
function reversalTargetOf(entry: LedgerRow): ReversalTarget | undefined {
  if (entry.kind === 'DISBURSEMENT' && entry.disbursementId)
    return { kind: 'DISBURSEMENT', id: entry.disbursementId, amount: entry.amount, year: entry.year };
  if (entry.kind === 'ALLOCATION' && entry.allocationId)
    return { kind: 'ALLOCATION', id: entry.allocationId, amount: entry.amount, year: entry.year };
  return undefined;
}

export function LedgerPage() {
  const { t } = useTranslation();
  return (
    <MoneyUnitProvider>
      <FundHeader title={t('fund.ledger.title')} />
      <Ledger />
    </MoneyUnitProvider>
  );
}

function Ledger() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manager = isFundManager(user.role);
  const [params, setParams] = useSearchParams();
  const state = parseLedgerParams(params);
  const update = (next: LedgerState) => setParams(toLedgerParams(next));
  const change = (changes: Partial<Omit<LedgerState, 'cursors'>>) => update(withFilters(state, changes));
  const years = useQuery(FUND_YEARS_QUERY);
  const { data, previousData, loading, error, refetch } = useQuery(LEDGER_ENTRIES_QUERY, {
    variables: toLedgerVariables(state),
    notifyOnNetworkStatusChange: true,
  });
  const [reversing, setReversing] = useState<{ target: ReversalTarget }>();
  const fundYears = years.data?.fundYears ?? [];
  const closedYears = new Set(fundYears.filter((y) => y.closed).map((y) => y.year));
  const openYears = fundYears.filter((y) => !y.closed).map((y) => y.year);

  const columns: TableProps<LedgerRow>['columns'] = [
    { key: 'date', title: t('fund.ledger.date'), dataIndex: 'date' },
    {
      key: 'kind',
      title: t('fund.ledger.kind'),
      render: (_, e) => <Tag color={KIND_COLORS[e.kind]}>{t(`fund.ledgerKind.${e.kind}`)}</Tag>,
    },
    {
      key: 'year',
      title: t('fund.ledger.year'),
      render: (_, e) =>
        e.bookedYear !== e.year ? t('fund.ledger.bookedIn', { year: e.year, booked: e.bookedYear }) : e.year,
    },
    { key: 'amount', title: t('fund.ledger.amount'), align: 'right', render: (_, e) => <Money fen={e.amount} /> },
    {
      key: 'project',
      title: t('fund.ledger.project'),
      render: (_, e) =>
        e.projectId ? (
          <Flex gap="small" wrap>
            <Link to={`/projects/${e.projectId}`}>{t('fund.ledger.openProject')}</Link>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => change({ projectId: e.projectId ?? undefined })}
            >
              {t('fund.ledger.filterProject')}
            </Button>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'detail',
      title: t('fund.ledger.detail'),
      render: (_, e) =>
        [
          e.source,
          e.documentRef,
          e.counterpartYear ? t('fund.ledger.counterpart', { year: e.counterpartYear }) : null,
          e.reason ? t('fund.ledger.reason', { reason: e.reason }) : null,
        ]
          .filter(Boolean)
          .join(' · ') || '—',
    },
    { key: 'createdBy', title: t('fund.ledger.createdBy'), render: (_, e) => e.createdBy?.displayName ?? '—' },
    ...(manager
      ? [
          {
            key: 'actions',
            title: t('fund.ledger.actions'),
            render: (_: unknown, e: LedgerRow) => {
              const target = reversalTargetOf(e);
              return target ? (
                <Button
                  size="small"
                  danger
                  aria-label={t('fund.reversal.buttonFor', { date: e.date })}
                  onClick={() => setReversing({ target })}
                >
                  {t('fund.reversal.button')}
                </Button>
              ) : null;
            },
          },
        ]
      : []),
  ];

  const connection = (data ?? previousData)?.ledgerEntries;
  const filtered = hasLedgerFilters(state);
  return (
    <Card>
      <Flex vertical gap="middle">
        <FilterBar label={t('fund.ledger.filters')}>
          <SelectFilter
            label={t('fund.ledger.year')}
            value={state.year}
            onChange={(year) => change({ year })}
            options={fundYears.map((y) => ({ value: y.year, label: String(y.year) }))}
            width={110}
          />
          <SelectFilter<LedgerKind>
            label={t('fund.ledger.kind')}
            value={state.kind}
            onChange={(kind) => change({ kind })}
            options={LEDGER_KINDS.map((k) => ({ value: k, label: t(`fund.ledgerKind.${k}`) }))}
            width={150}
          />
          <RegionFilter
            label={t('fund.ledger.region')}
            value={state.regionCode}
            onChange={(regionCode) => change({ regionCode })}
            width={200}
          />
          <DatePicker.RangePicker
            aria-label={t('fund.ledger.dates')}
            placeholder={[t('fund.ledger.from'), t('fund.ledger.to')]}
            allowEmpty={[true, true]}
            value={[state.from ? dayjs(state.from) : null, state.to ? dayjs(state.to) : null]}
            onChange={(range) =>
              change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
          {state.projectId && (
            <Tag
              closable
              onClose={() => change({ projectId: undefined })}
              closeIcon={<span aria-label={t('fund.ledger.clearProject')}>×</span>}
            >
              {t('fund.ledger.projectFilter')}
            </Tag>
          )}
          {filtered && <Button onClick={() => update({ cursors: [] })}>{t('fund.ledger.clearFilters')}</Button>}
          <div style={{ marginLeft: 'auto' }}>
            <ExportButtons kind="ledger" filter={toLedgerVariables(state).filter} />
          </div>
        </FilterBar>
        {error && !connection ? (
          <ErrorState title={t('fund.ledger.loadFailed')} error={error} onRetry={() => void refetch()} />
        ) : !connection ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <>
            <Table<LedgerRow>
              aria-label={t('fund.ledger.title')}
              rowKey="id"
              columns={columns}
              dataSource={connection.edges.map((e) => e.node)}
              loading={loading}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{
                emptyText: <Empty description={filtered ? t('fund.ledger.noMatch') : t('fund.ledger.empty')} />,
              }}
            />
            <CursorPager
              count={t('fund.ledger.count', { total: connection.totalCount })}
              cursors={state.cursors}
              pageInfo={connection.pageInfo}
              loading={loading}
              onCursors={(cursors) => update({ ...state, cursors })}
            />
          </>
        )}
      </Flex>
      <FormDialog open={Boolean(reversing)} title={t('fund.reversal.title')} onClose={() => setReversing(undefined)}>
        {reversing && (
          <ReversalForm
            target={reversing.target}
            yearClosed={closedYears.has(reversing.target.year)}
            openYears={openYears}
            onCancel={() => setReversing(undefined)}
            onDone={() => setReversing(undefined)}
          />
        )}
      </FormDialog>
    </Card>
  );
}
