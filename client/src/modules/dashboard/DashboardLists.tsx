import { Card, Col, Empty, Progress, Row, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toAgreementListParams } from '../agreements/agreementListParams';
import { pickLocalized } from '../projects/projectEnums';

type Localized = { zh: string; en: string };
export type BehindRow = {
  overdueMilestones: number;
  daysBehind: number;
  project: { id: string; code: string; name: Localized; region: { code: string; name: Localized }; progress: number };
};
export type OverdueCommitmentRow = {
  id: string;
  description: Localized;
  responsibleUnit: string;
  dueDate: string;
  agreement: { id: string; code: string; title: Localized };
};
export type ExpiringAgreementRow = {
  id: string;
  code: string;
  title: Localized;
  counterpart: string;
  validUntil: string;
};

type DashboardListsProps = {
  loading: boolean;
  behind?: readonly BehindRow[];
  overdueCommitments?: readonly OverdueCommitmentRow[];
  expiring?: readonly ExpiringAgreementRow[];
  /** Office date (YYYY-MM-DD), for the days left. */
  today: string;
  /** The filter's region, for the link to every expiring agreement. */
  regionCode?: string | null;
};

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

type ListCardProps = { title: string; loading: boolean; extra?: React.ReactNode; children: React.ReactNode };

function ListCard({ title, loading, extra, children }: ListCardProps) {
  return (
    <Card
      className="dashboard-card"
      title={<h2 className="dashboard-card-title">{title}</h2>}
      extra={extra}
      size="small"
    >
      {loading ? <Skeleton active paragraph={{ rows: 4 }} title={false} /> : children}
    </Card>
  );
}

/** Projects most behind, overdue commitments, agreements expiring within 90 days. */
export function DashboardLists({
  loading,
  behind,
  overdueCommitments,
  expiring,
  today,
  regionCode,
}: DashboardListsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const empty = (text: string) => ({ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} /> });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <ListCard title={t('dashboard.lists.behind')} loading={loading}>
          <Table<BehindRow>
            size="small"
            pagination={false}
            rowKey={(r) => r.project.id}
            dataSource={behind ? [...behind] : []}
            locale={empty(t('dashboard.lists.behindEmpty'))}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'project',
                title: t('dashboard.lists.project'),
                render: (_, r) => (
                  <Link to={`/projects/${r.project.id}`}>
                    {r.project.code} {pickLocalized(r.project.name, language)}
                  </Link>
                ),
              },
              {
                key: 'region',
                title: t('dashboard.lists.region'),
                render: (_, r) => pickLocalized(r.project.region.name, language),
              },
              {
                key: 'overdue',
                title: t('dashboard.lists.overdueMilestones'),
                align: 'right',
                dataIndex: 'overdueMilestones',
              },
              { key: 'days', title: t('dashboard.lists.daysBehind'), align: 'right', dataIndex: 'daysBehind' },
              {
                key: 'progress',
                title: t('dashboard.lists.progress'),
                width: 110,
                render: (_, r) => (
                  <Progress percent={r.project.progress} size="small" aria-label={t('dashboard.lists.progress')} />
                ),
              },
            ]}
          />
        </ListCard>
      </Col>
      <Col xs={24} xl={12}>
        <ListCard title={t('dashboard.lists.overdueCommitments')} loading={loading}>
          <Table<OverdueCommitmentRow>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={overdueCommitments ? [...overdueCommitments] : []}
            locale={empty(t('dashboard.lists.overdueCommitmentsEmpty'))}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'commitment',
                title: t('dashboard.lists.commitment'),
                render: (_, c) => pickLocalized(c.description, language),
              },
              {
                key: 'agreement',
                title: t('dashboard.lists.agreement'),
                render: (_, c) => <Link to={`/agreements/${c.agreement.id}`}>{c.agreement.code}</Link>,
              },
              { key: 'unit', title: t('dashboard.lists.responsibleUnit'), dataIndex: 'responsibleUnit' },
              { key: 'due', title: t('dashboard.lists.dueDate'), dataIndex: 'dueDate' },
            ]}
          />
        </ListCard>
      </Col>
      <Col xs={24} xl={12}>
        <ListCard
          title={t('dashboard.lists.expiring')}
          loading={loading}
          extra={
            <Link
              to={`/agreements?${toAgreementListParams({
                search: '',
                regionCode: regionCode ?? undefined,
                expiringWithinDays: 90,
                includeExpired: false,
                cursors: [],
              }).toString()}`}
            >
              {t('dashboard.lists.expiringAll')}
            </Link>
          }
        >
          <Table<ExpiringAgreementRow>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={expiring ? [...expiring] : []}
            locale={empty(t('dashboard.lists.expiringEmpty'))}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'agreement',
                title: t('dashboard.lists.agreement'),
                render: (_, a) => (
                  <Link to={`/agreements/${a.id}`}>
                    {a.code} {pickLocalized(a.title, language)}
                  </Link>
                ),
              },
              { key: 'counterpart', title: t('dashboard.lists.counterpart'), dataIndex: 'counterpart' },
              { key: 'until', title: t('dashboard.lists.validUntil'), dataIndex: 'validUntil' },
              {
                key: 'left',
                title: t('dashboard.lists.daysLeft'),
                align: 'right',
                render: (_, a) => daysBetween(today, a.validUntil),
              },
            ]}
          />
        </ListCard>
      </Col>
    </Row>
  );
}
