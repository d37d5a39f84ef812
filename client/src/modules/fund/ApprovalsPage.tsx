import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { SectionHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { AllocationsTable } from './AllocationsTable';
import {
  APPROVE_ALLOCATION_MUTATION,
  FUND_QUERIES_TO_REFRESH,
  PENDING_ALLOCATIONS_QUERY,
  type AllocationItem,
} from './fund.graphql';
import { FormDialog } from './FundFormParts';
import { FundHeader } from './FundHeader';
import { useFormatMoney, MoneyUnitProvider } from './FundMoney';
import { isFundManager } from './fundRoles';
import { RejectAllocationForm } from './RejectAllocationForm';
import { firstErrorMessage } from './serverFieldErrors';

export function ApprovalsPage() {
  const { t } = useTranslation();
  return (
    <MoneyUnitProvider>
      <FundHeader title={t('fund.approvals.title')} />
      <ApprovalQueue />
    </MoneyUnitProvider>
  );
}

function ApprovalQueue() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manager = isFundManager(user.role);
  const { data, loading, error, refetch } = useQuery(PENDING_ALLOCATIONS_QUERY);
  const [rejecting, setRejecting] = useState<AllocationItem>();

  if (error && !data) {
    return <ErrorState title={t('fund.approvals.loadFailed')} error={error} onRetry={() => void refetch()} />;
  }
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Card
      title={<SectionHeading>{t('fund.approvals.queue', { count: data.pendingAllocations.length })}</SectionHeading>}
    >
      <Typography.Paragraph type="secondary">{t('fund.approvals.order')}</Typography.Paragraph>
      <AllocationsTable
        label={t('fund.approvals.title')}
        rows={data.pendingAllocations}
        loading={loading}
        emptyText={t('fund.approvals.empty')}
        variant="queue"
        actions={manager ? (a) => <Decision allocation={a} onReject={() => setRejecting(a)} /> : undefined}
      />
      <FormDialog
        open={Boolean(rejecting)}
        title={t('fund.reject.title', { code: rejecting?.project?.code ?? '' })}
        onClose={() => setRejecting(undefined)}
      >
        {rejecting && (
          <RejectAllocationForm
            allocationId={rejecting.id}
            onCancel={() => setRejecting(undefined)}
            onDone={() => setRejecting(undefined)}
          />
        )}
      </FormDialog>
    </Card>
  );
}

// Separation of duties: nobody approves their own proposal. The server refuses it too.
function Decision({ allocation, onReject }: { allocation: AllocationItem; onReject: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const formatMoney = useFormatMoney();
  const [approve, { loading }] = useMutation(APPROVE_ALLOCATION_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  const ownProposal = allocation.proposedBy?.id === user.id;
  const code = allocation.project?.code ?? '';
  const reasonId = `own-proposal-${allocation.id}`;

  const onApprove = async () => {
    try {
      await approve({ variables: { id: allocation.id } });
      void message.success(t('fund.approvals.approved', { code }));
    } catch (error) {
      void message.error(firstErrorMessage(error, t('errors.unexpected')));
    }
  };

  return (
    <Flex vertical gap={4}>
      <Flex gap="small">
        {ownProposal ? (
          <Button type="primary" size="small" disabled aria-describedby={reasonId}>
            {t('fund.approvals.approve')}
          </Button>
        ) : (
          <Popconfirm
            title={t('fund.approvals.confirmTitle', { code, amount: formatMoney(allocation.amount) })}
            okText={t('fund.approvals.approve')}
            cancelText={t('fund.form.cancel')}
            onConfirm={() => onApprove()}
          >
            <Button type="primary" size="small" loading={loading} aria-label={t('fund.approvals.approveOne', { code })}>
              {t('fund.approvals.approve')}
            </Button>
          </Popconfirm>
        )}
        <Button size="small" danger onClick={onReject} aria-label={t('fund.approvals.rejectOne', { code })}>
          {t('fund.approvals.reject')}
        </Button>
      </Flex>
      {ownProposal && (
        <Typography.Text id={reasonId} type="warning" style={{ fontSize: 12 }}>
          {t('fund.approvals.ownProposal')}
        </Typography.Text>
      )}
    </Flex>
  );
}
