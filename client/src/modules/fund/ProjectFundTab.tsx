import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Flex, Popconfirm, Progress, Skeleton, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { SectionHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { AllocationsTable } from './AllocationsTable';
import { DisbursementForm } from './DisbursementForm';
import {
  FUND_QUERIES_TO_REFRESH,
  PROJECT_FUND_QUERY,
  WITHDRAW_ALLOCATION_MUTATION,
  type DisbursementItem,
  type ProjectAllocation,
} from './fund.graphql';
import { FormDialog } from './FundFormParts';
import { Money, MoneyUnitProvider, MoneyUnitSwitch } from './FundMoney';
import { isFundProjectStaff } from './fundRoles';
import { ProposeAllocationForm } from './ProposeAllocationForm';
import { firstErrorMessage } from './serverFieldErrors';

type ProjectFundTabProps = {
  projectId: string;
  /** The project's canEdit: officers act only on their own projects. */
  canEdit: boolean;
};

/** A project's special fund: position, allocations with their payments, and the actions on them. */
export function ProjectFundTab(props: ProjectFundTabProps) {
  return (
    <MoneyUnitProvider>
      <ProjectFund {...props} />
    </MoneyUnitProvider>
  );
}

function ProjectFund({ projectId, canEdit }: ProjectFundTabProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayAct = canEdit && isFundProjectStaff(user.role);
  const [proposing, setProposing] = useState(false);
  const [paying, setPaying] = useState<ProjectAllocation>();
  const { data, error, refetch } = useQuery(PROJECT_FUND_QUERY, {
    variables: { id: projectId, filter: { projectId } },
  });

  if (error && !data)
    return <ErrorState title={t('fund.project.loadFailed')} error={error} onRetry={() => void refetch()} />;
  if (!data) return <Skeleton active paragraph={{ rows: 5 }} />;
  const fund = data.project.fund;
  const openYears = data.fundYears.filter((y) => !y.closed).map((y) => y.year);
  const allocations = data.allocations.edges.map((e) => e.node);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex wrap gap="large" role="list" aria-label={t('fund.project.position')}>
          {(['allocated', 'disbursed', 'available'] as const).map((key) => (
            <div role="listitem" key={key} style={{ minWidth: 160 }}>
              <Statistic title={t(`fund.project.${key}`)} valueRender={() => <Money fen={fund[key]} />} />
            </div>
          ))}
          <div role="listitem" style={{ minWidth: 160 }}>
            <div>{t('fund.project.utilisation')}</div>
            <Progress
              percent={Math.round(fund.utilisation * 1000) / 10}
              aria-label={t('fund.project.utilisation')}
              style={{ width: 160 }}
            />
          </div>
        </Flex>
        <Flex gap="small" align="center">
          <MoneyUnitSwitch />
          {mayAct && (
            <Button type="primary" onClick={() => setProposing(true)}>
              {t('fund.propose.open')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small" title={<SectionHeading>{t('fund.project.allocations')}</SectionHeading>}>
        <AllocationsTable<ProjectAllocation>
          label={t('fund.project.allocations')}
          rows={allocations}
          showProject={false}
          variant="balances"
          emptyText={t('fund.project.noAllocations')}
          actions={
            mayAct
              ? (a) => (
                  <AllocationActions allocation={a} yearOpen={openYears.includes(a.year)} onPay={() => setPaying(a)} />
                )
              : undefined
          }
          expandable={{
            rowExpandable: (a) => a.disbursements.length > 0,
            expandedRowRender: (a) => <Disbursements rows={a.disbursements} />,
          }}
        />
        <p style={{ marginTop: 12, marginBottom: 0 }}>
          <Link to={`/fund/ledger?projectId=${projectId}`}>{t('fund.project.ledgerLink')}</Link>
        </p>
      </Card>
      <FormDialog open={proposing} title={t('fund.propose.title')} onClose={() => setProposing(false)}>
        <ProposeAllocationForm
          projectId={projectId}
          openYears={openYears}
          onCancel={() => setProposing(false)}
          onDone={() => setProposing(false)}
        />
      </FormDialog>
      <FormDialog open={Boolean(paying)} title={t('fund.disbursement.title')} onClose={() => setPaying(undefined)}>
        {paying && (
          <DisbursementForm
            allocation={paying}
            onCancel={() => setPaying(undefined)}
            onDone={() => setPaying(undefined)}
          />
        )}
      </FormDialog>
    </Flex>
  );
}

function AllocationActions({
  allocation,
  yearOpen,
  onPay,
}: {
  allocation: ProjectAllocation;
  yearOpen: boolean;
  onPay: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [withdraw, { loading }] = useMutation(WITHDRAW_ALLOCATION_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  if (allocation.status === 'PROPOSED') {
    return (
      <Popconfirm
        title={t('fund.withdraw.confirm')}
        okText={t('fund.withdraw.button')}
        cancelText={t('fund.form.cancel')}
        onConfirm={async () => {
          try {
            await withdraw({ variables: { id: allocation.id } });
            void message.success(t('fund.withdraw.done'));
          } catch (error) {
            void message.error(firstErrorMessage(error, t('errors.unexpected')));
          }
        }}
      >
        <Button size="small" loading={loading}>
          {t('fund.withdraw.button')}
        </Button>
      </Popconfirm>
    );
  }
  if (allocation.status === 'APPROVED' && yearOpen && BigInt(allocation.remaining) > 0n) {
    return (
      <Button size="small" type="primary" onClick={onPay}>
        {t('fund.disbursement.open')}
      </Button>
    );
  }
  return null;
}

function Disbursements({ rows }: { rows: readonly DisbursementItem[] }) {
  const { t } = useTranslation();
  return (
    <Table<DisbursementItem>
      aria-label={t('fund.project.disbursements')}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows as DisbursementItem[]}
      locale={{ emptyText: <Empty description={t('fund.project.noDisbursements')} /> }}
      columns={[
        { key: 'date', title: t('fund.disbursement.date'), dataIndex: 'date' },
        { key: 'voucherNo', title: t('fund.disbursement.voucherNo'), dataIndex: 'voucherNo' },
        { key: 'payee', title: t('fund.disbursement.payee'), dataIndex: 'payee' },
        {
          key: 'amount',
          title: t('fund.disbursement.amount'),
          align: 'right',
          render: (_, d) => <Money fen={d.amount} />,
        },
        {
          key: 'reversed',
          title: t('fund.project.reversed'),
          align: 'right',
          render: (_, d) => (BigInt(d.reversed) > 0n ? <Money fen={d.reversed} /> : '—'),
        },
        { key: 'note', title: t('fund.disbursement.note'), render: (_, d) => d.note || '—' },
        { key: 'recordedBy', title: t('fund.project.recordedBy'), render: (_, d) => d.recordedBy?.displayName ?? '—' },
      ]}
    />
  );
}
