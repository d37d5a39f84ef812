import { Empty, Table, Tag, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatOfficeDateTime } from '../../components/dates';
import type { AllocationStatus } from '../../generated/graphql';
import { pickLocalized } from '../projects/projectEnums';
import type { AllocationItem } from './fund.graphql';
import { Money } from './FundMoney';

export const ALLOCATION_STATUS_COLORS: Record<AllocationStatus, string> = {
  PROPOSED: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
};

type AllocationsTableProps<Row extends AllocationItem> = {
  rows: readonly Row[];
  label: string;
  loading?: boolean;
  emptyText: string;
  /** Hide the project column on a project's own page. */
  showProject?: boolean;
  /** The proposal columns (purpose, who proposed) matter in the queue; the balances elsewhere. */
  variant: 'queue' | 'balances';
  actions?: (row: Row) => ReactNode;
  expandable?: TableProps<Row>['expandable'];
};

export function AllocationsTable<Row extends AllocationItem>({
  rows,
  label,
  loading,
  emptyText,
  showProject = true,
  variant,
  actions,
  expandable,
}: AllocationsTableProps<Row>) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const columns: TableProps<Row>['columns'] = [
    ...(showProject
      ? [
          {
            key: 'project',
            title: t('fund.allocations.project'),
            render: (_: unknown, a: Row) =>
              a.project ? (
                <Link to={`/projects/${a.project.id}`}>
                  {a.project.code} {pickLocalized(a.project.name, language)}
                </Link>
              ) : (
                t('fund.allocations.projectHidden')
              ),
          },
        ]
      : []),
    { key: 'year', title: t('fund.allocations.year'), dataIndex: 'year' },
    {
      key: 'amount',
      title: t('fund.allocations.amount'),
      align: 'right',
      render: (_, a) => <Money fen={a.amount} />,
    },
    {
      key: 'status',
      title: t('fund.allocations.status'),
      render: (_, a) => (
        <>
          <Tag color={ALLOCATION_STATUS_COLORS[a.status]}>{t(`fund.allocationStatus.${a.status}`)}</Tag>
          {a.carriedFromId && <Tag>{t('fund.allocations.carriedIn')}</Tag>}
        </>
      ),
    },
    ...(variant === 'queue'
      ? [
          { key: 'purpose', title: t('fund.allocations.purpose'), dataIndex: 'purpose' },
          { key: 'fundingSource', title: t('fund.allocations.fundingSource'), dataIndex: 'fundingSource' },
        ]
      : [
          {
            key: 'disbursed',
            title: t('fund.allocations.disbursed'),
            align: 'right' as const,
            render: (_: unknown, a: Row) => <Money fen={a.disbursed} />,
          },
          {
            key: 'remaining',
            title: t('fund.allocations.remaining'),
            align: 'right' as const,
            render: (_: unknown, a: Row) => <Money fen={a.remaining} />,
          },
        ]),
    {
      key: 'proposed',
      title: t('fund.allocations.proposed'),
      render: (_, a) =>
        t('fund.allocations.proposedBy', {
          name: a.proposedBy?.displayName ?? t('fund.unknownUser'),
          at: formatOfficeDateTime(a.proposedAt, language),
        }),
    },
    ...(variant === 'balances'
      ? [
          {
            key: 'decided',
            title: t('fund.allocations.decided'),
            render: (_: unknown, a: Row) =>
              a.decidedAt ? (
                <>
                  {t('fund.allocations.decidedBy', {
                    name: a.decidedBy?.displayName ?? t('fund.unknownUser'),
                    at: formatOfficeDateTime(a.decidedAt, language),
                  })}
                  {a.reason && <div>{t('fund.allocations.reason', { reason: a.reason })}</div>}
                </>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    ...(actions
      ? [{ key: 'actions', title: t('fund.allocations.actions'), render: (_: unknown, a: Row) => actions(a) }]
      : []),
  ];
  return (
    <Table<Row>
      aria-label={label}
      rowKey="id"
      columns={columns}
      dataSource={rows as Row[]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={expandable}
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
  );
}
