import { useQuery } from '@apollo/client/react';
import { Button, Card, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../components/CursorPager';
import { ErrorState } from '../../components/ErrorState';
import { SectionHeading } from '../../components/PageHeading';
import type { AllocationStatus } from '../../generated/graphql';
import { useCurrentUser } from '../auth/currentUser';
import { AllocationsTable } from './AllocationsTable';
import { CarryOverForm } from './CarryOverForm';
import { ALLOCATIONS_QUERY, FUND_YEARS_QUERY, type AllocationItem } from './fund.graphql';
import { FormDialog } from './FundFormParts';
import { isFundManager } from './fundRoles';

const ALLOCATION_STATUSES: readonly AllocationStatus[] = ['PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];
const PAGE_SIZE = 20;

/** A year's allocations, filtered by status, with carry-over of unspent money once the year is closed. */
export function AllocationsPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [status, setStatus] = useState<AllocationStatus>();
  const [cursors, setCursors] = useState<string[]>([]);
  const [carrying, setCarrying] = useState<AllocationItem>();
  const years = useQuery(FUND_YEARS_QUERY);
  const { data, previousData, loading, error, refetch } = useQuery(ALLOCATIONS_QUERY, {
    variables: { filter: { year, status }, first: PAGE_SIZE, after: cursors.at(-1) },
    notifyOnNetworkStatusChange: true,
  });
  const closed = years.data?.fundYears.find((y) => y.year === year)?.closed ?? false;
  const nextClosed = years.data?.fundYears.find((y) => y.year === year + 1)?.closed ?? false;
  const canCarry = closed && !nextClosed && isFundManager(user.role);
  const connection = (data ?? previousData)?.allocations;

  return (
    <Card
      title={<SectionHeading>{t('fund.allocations.title', { year })}</SectionHeading>}
      extra={
        <Select<AllocationStatus>
          aria-label={t('fund.allocations.statusFilter')}
          placeholder={t('fund.allocations.statusFilter')}
          allowClear
          value={status}
          onChange={(value) => {
            setStatus(value);
            setCursors([]);
          }}
          options={ALLOCATION_STATUSES.map((s) => ({ value: s, label: t(`fund.allocationStatus.${s}`) }))}
          style={{ width: 140 }}
        />
      }
    >
      {error && !connection ? (
        <ErrorState title={t('fund.allocations.loadFailed')} error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <AllocationsTable
            label={t('fund.allocations.title', { year })}
            rows={connection?.edges.map((e) => e.node) ?? []}
            loading={loading}
            emptyText={status ? t('fund.allocations.noMatch') : t('fund.allocations.empty')}
            variant="balances"
            actions={
              canCarry
                ? (a) =>
                    a.status === 'APPROVED' && BigInt(a.remaining) > 0n ? (
                      <Button size="small" onClick={() => setCarrying(a)}>
                        {t('fund.carryOver.button')}
                      </Button>
                    ) : null
                : undefined
            }
          />
          <CursorPager
            count={t('fund.allocations.count', { total: connection?.totalCount ?? 0 })}
            cursors={cursors}
            pageInfo={connection?.pageInfo ?? { hasNextPage: false }}
            loading={loading}
            onCursors={setCursors}
          />
        </>
      )}
      <FormDialog open={Boolean(carrying)} title={t('fund.carryOver.title')} onClose={() => setCarrying(undefined)}>
        {carrying && (
          <CarryOverForm
            allocation={carrying}
            onCancel={() => setCarrying(undefined)}
            onDone={() => setCarrying(undefined)}
          />
        )}
      </FormDialog>
    </Card>
  );
}
