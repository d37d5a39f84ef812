import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Flex, Popconfirm, Select, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { formatOfficeDateTime } from '../../components/dates';
import { SectionHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { AllocationsPanel } from './AllocationsPanel';
import { AppropriationForm } from './AppropriationForm';
import {
  CLOSE_FUND_YEAR_MUTATION,
  FUND_QUERIES_TO_REFRESH,
  FUND_YEAR_QUERY,
  FUND_YEARS_QUERY,
  type FundYearDetail,
} from './fund.graphql';
import { FormDialog } from './FundFormParts';
import { FundHeader } from './FundHeader';
import { Money, MoneyUnitProvider } from './FundMoney';
import { isFundManager } from './fundRoles';
import { firstErrorMessage } from './serverFieldErrors';

const YEAR = /^\d{4}$/;

export function FundPage() {
  const { t } = useTranslation();
  return (
    <MoneyUnitProvider>
      <FundHeader title={t('fund.title')} />
      <FundOverview />
    </MoneyUnitProvider>
  );
}

function FundOverview() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manager = isFundManager(user.role);
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const years = useQuery(FUND_YEARS_QUERY);
  const yearParam = params.get('year');
  const year = yearParam && YEAR.test(yearParam) ? Number(yearParam) : years.data?.fundYears[0]?.year;
  const selectYear = (next: number) => setParams({ year: String(next) });

  if (years.error && !years.data) {
    return <ErrorState title={t('fund.loadFailed')} error={years.error} onRetry={() => void years.refetch()} />;
  }
  if (!years.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const options = years.data.fundYears.map((y) => y.year);
  if (year !== undefined && !options.includes(year)) options.unshift(year);

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" align="center" wrap>
        <label htmlFor="fund-year-select">{t('fund.year')}</label>
        <Select<number>
          id="fund-year-select"
          aria-label={t('fund.year')}
          value={year}
          placeholder={t('fund.year')}
          onChange={selectYear}
          options={options.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 120 }}
        />
        {manager && <Button onClick={() => setRecording(true)}>{t('fund.appropriation.open')}</Button>}
      </Flex>
      {year === undefined ? (
        <Card>
          <Empty description={t('fund.noYears')} />
        </Card>
      ) : (
        <YearOverview year={year} manager={manager} onRecord={() => setRecording(true)} />
      )}
      {year !== undefined && <AllocationsPanel year={year} />}
      <FormDialog open={recording} title={t('fund.appropriation.title')} onClose={() => setRecording(false)}>
        <AppropriationForm
          year={year}
          onCancel={() => setRecording(false)}
          onDone={(recorded) => {
            setRecording(false);
            if (recorded !== year) selectYear(recorded);
          }}
        />
      </FormDialog>
    </Flex>
  );
}

const FIGURES = ['appropriated', 'allocated', 'disbursed', 'available'] as const;

function YearOverview({ year, manager, onRecord }: { year: number; manager: boolean; onRecord: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const { data, error, refetch } = useQuery(FUND_YEAR_QUERY, { variables: { year } });
  const [closeYear, { loading: closing }] = useMutation(CLOSE_FUND_YEAR_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });

  if (error && !data) return <ErrorState title={t('fund.loadFailed')} error={error} onRetry={() => void refetch()} />;
  if (!data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const fundYear = data.fundYear;
  if (!fundYear) {
    return (
      <Card>
        <Empty description={t('fund.yearEmpty', { year })}>
          {manager && (
            <Button type="primary" onClick={onRecord}>
              {t('fund.appropriation.open')}
            </Button>
          )}
        </Empty>
      </Card>
    );
  }

  const close = async () => {
    try {
      await closeYear({ variables: { year } });
      void message.success(t('fund.close.done', { year }));
    } catch (e) {
      void message.error(firstErrorMessage(e, t('errors.unexpected')));
    }
  };

  return (
    <>
      <Card
        title={
          <Space>
            <SectionHeading>{t('fund.overview.title', { year })}</SectionHeading>
            {fundYear.closed ? (
              <Tag color="default">{t('fund.overview.closed')}</Tag>
            ) : (
              <Tag color="green">{t('fund.overview.open')}</Tag>
            )}
          </Space>
        }
        extra={
          manager && !fundYear.closed ? (
            <Popconfirm
              title={t('fund.close.confirmTitle', { year })}
              description={t('fund.close.confirmBody')}
              okText={t('fund.close.ok')}
              cancelText={t('fund.form.cancel')}
              onConfirm={() => close()}
            >
              <Button danger loading={closing}>
                {t('fund.close.button')}
              </Button>
            </Popconfirm>
          ) : undefined
        }
      >
        <Flex wrap gap="large" role="list" aria-label={t('fund.overview.figures')}>
          {FIGURES.map((key) => (
            <div role="listitem" key={key} data-figure={key} style={{ minWidth: 200 }}>
              <Statistic title={t(`fund.overview.${key}`)} valueRender={() => <Money fen={fundYear[key]} />} />
            </div>
          ))}
        </Flex>
        {fundYear.closedAt && (
          <p style={{ marginTop: 12, marginBottom: 0 }}>
            {t('fund.overview.closedAt', { at: formatOfficeDateTime(fundYear.closedAt, language) })}
          </p>
        )}
      </Card>
      <AppropriationsCard fundYear={fundYear} />
    </>
  );
}

function AppropriationsCard({ fundYear }: { fundYear: FundYearDetail }) {
  const { t } = useTranslation();
  type Row = FundYearDetail['appropriations'][number];
  return (
    <Card title={<SectionHeading>{t('fund.appropriations.title')}</SectionHeading>}>
      <Table<Row>
        aria-label={t('fund.appropriations.title')}
        rowKey="id"
        pagination={false}
        dataSource={fundYear.appropriations}
        locale={{ emptyText: <Empty description={t('fund.appropriations.empty')} /> }}
        columns={[
          { key: 'date', title: t('fund.appropriations.date'), dataIndex: 'date' },
          {
            key: 'amount',
            title: t('fund.appropriations.amount'),
            align: 'right',
            render: (_, a) => <Money fen={a.amount} />,
          },
          { key: 'source', title: t('fund.appropriations.source'), dataIndex: 'source' },
          { key: 'documentRef', title: t('fund.appropriations.documentRef'), dataIndex: 'documentRef' },
          {
            key: 'recordedBy',
            title: t('fund.appropriations.recordedBy'),
            render: (_, a) => a.recordedBy?.displayName ?? t('fund.unknownUser'),
          },
        ]}
      />
    </Card>
  );
}
