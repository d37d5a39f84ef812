import { useQuery } from '@apollo/client/react';
import { Button, Descriptions, Empty, List, Progress, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatOfficeDateTime } from '../../components/dates';
import { LoadingState } from '../../components/LoadingState';
import { formatWanYuan } from '../../components/money';
import { MilestoneEvidence } from './MilestoneEvidence';
import { RISK_COLORS, pickLocalized } from './projectEnums';
import { PROJECT_HISTORY_QUERY, type MilestoneItem, type ProjectDetail } from './projects.graphql';

const useLanguage = () => {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? i18n.language;
};

export function OverviewTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const range = (start?: string | null, end?: string | null) =>
    start ? t('project.overview.dateRange', { start, end: end ?? '…' }) : t('project.overview.none');
  const b = project.budget;
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t('project.overview.description')}>
        {pickLocalized(project.description, language) || t('project.overview.none')}
      </Descriptions.Item>
      <Descriptions.Item label={t('project.overview.sector')}>
        {t(`projects.sectorValue.${project.sector}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('project.overview.dacCode')}>{project.dacCode}</Descriptions.Item>
      <Descriptions.Item label={t('project.overview.implementingUnit')}>{project.implementingUnit}</Descriptions.Item>
      <Descriptions.Item label={t('project.overview.officers')}>
        {project.officers.map((o) => o.displayName).join('、') || t('project.overview.none')}
      </Descriptions.Item>
      <Descriptions.Item label={t('project.overview.plannedDates')}>
        {range(project.plannedStart, project.plannedEnd)}
      </Descriptions.Item>
      <Descriptions.Item label={t('project.overview.actualDates')}>
        {range(project.actualStart, project.actualEnd)}
      </Descriptions.Item>
      <Descriptions.Item label={t('project.overview.budget')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('project.overview.specialFund')}>
            {formatWanYuan(b.specialFund)}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.overview.districtBudget')}>
            {formatWanYuan(b.districtBudget)}
          </Descriptions.Item>
          <Descriptions.Item label={t('project.overview.donation')}>{formatWanYuan(b.donation)}</Descriptions.Item>
          <Descriptions.Item label={t('project.overview.total')}>
            <strong>{formatWanYuan(b.total)}</strong>
          </Descriptions.Item>
        </Descriptions>
      </Descriptions.Item>
      <Descriptions.Item label={t('project.overview.risk')}>
        <Tag color={RISK_COLORS[project.risk]}>{t(`projects.riskValue.${project.risk}`)}</Tag>
      </Descriptions.Item>
      {project.statusReason && (
        <Descriptions.Item label={t('project.overview.statusReason')}>{project.statusReason}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('project.overview.agreements')}>
        {project.agreements.length
          ? project.agreements.map((a) => (
              <div key={a.id}>
                {a.code} {pickLocalized(a.title, language)}
              </div>
            ))
          : t('project.overview.none')}
      </Descriptions.Item>
    </Descriptions>
  );
}

const byPlannedDate = (a: MilestoneItem, b: MilestoneItem) => a.plannedDate.localeCompare(b.plannedDate);

type MilestoneTimelineProps = {
  milestones: readonly MilestoneItem[];
  /** Whether the user may add evidence (the project's canEdit). */
  canEdit?: boolean;
  onEvidenceUploaded?: () => void;
};

export function MilestoneTimeline({ milestones, canEdit = false, onEvidenceUploaded }: MilestoneTimelineProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (milestones.length === 0) return <Empty description={t('project.milestones.empty')} />;
  return (
    <Timeline
      items={[...milestones].sort(byPlannedDate).map((m) => ({
        key: m.id,
        color: m.overdue ? 'red' : m.status === 'DONE' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong type={m.overdue ? 'danger' : undefined}>
              {pickLocalized(m.title, language)}
            </Typography.Text>{' '}
            {m.overdue && <Tag color="red">{t('project.milestones.overdue')}</Tag>}
            <Tag>{t(`project.milestones.statusValue.${m.status}`)}</Tag>
            <div>
              <Typography.Text type={m.overdue ? 'danger' : 'secondary'}>
                {t('project.milestones.planned', { date: m.plannedDate })}
                {m.actualDate ? ` · ${t('project.milestones.actual', { date: m.actualDate })}` : ''}
                {' · '}
                {t('project.milestones.percent', { percent: m.percentComplete })}
              </Typography.Text>
            </div>
            {m.note && <div>{m.note}</div>}
            <MilestoneEvidence
              milestone={m}
              title={pickLocalized(m.title, language)}
              canEdit={canEdit}
              onUploaded={() => onEvidenceUploaded?.()}
            />
            {m.loggedBy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('project.milestones.loggedBy', {
                  name: m.loggedBy.displayName,
                  at: formatOfficeDateTime(m.loggedAt, language),
                })}
              </Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function IndicatorsTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  type Row = ProjectDetail['indicators'][number];
  const towardsTarget = (i: Row): number | undefined => {
    if (i.actual === null || i.actual === undefined || i.target === i.baseline) return undefined;
    const share = ((i.actual - i.baseline) / (i.target - i.baseline)) * 100;
    return Math.max(0, Math.min(100, Math.round(share)));
  };
  return (
    <Table<Row>
      rowKey="id"
      pagination={false}
      dataSource={project.indicators}
      locale={{ emptyText: <Empty description={t('project.indicators.empty')} /> }}
      columns={[
        { key: 'name', title: t('project.indicators.name'), render: (_, i) => pickLocalized(i.name, language) },
        { key: 'unit', title: t('project.indicators.unit'), dataIndex: 'unit' },
        { key: 'baseline', title: t('project.indicators.baseline'), dataIndex: 'baseline', align: 'right' },
        { key: 'target', title: t('project.indicators.target'), dataIndex: 'target', align: 'right' },
        {
          key: 'actual',
          title: t('project.indicators.actual'),
          align: 'right',
          render: (_, i) => i.actual ?? t('project.indicators.noActual'),
        },
        {
          key: 'progress',
          title: t('project.indicators.progress'),
          width: 180,
          render: (_, i) => {
            const percent = towardsTarget(i);
            return percent === undefined ? (
              '—'
            ) : (
              <Progress percent={percent} size="small" aria-label={t('project.indicators.progress')} />
            );
          },
        },
      ]}
    />
  );
}

export function DocumentsTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (project.documents.length === 0) return <Empty description={t('project.documents.empty')} />;
  return (
    <List
      dataSource={project.documents}
      renderItem={(d) => (
        <List.Item key={d.id}>
          <List.Item.Meta
            title={
              <a href={d.url} download={d.filename} aria-label={t('project.documents.download', { title: d.title })}>
                {d.title || d.filename}
              </a>
            }
            description={t('project.documents.uploaded', {
              name: d.uploadedBy?.displayName ?? t('project.documents.unknownUser'),
              at: formatOfficeDateTime(d.uploadedAt, language),
            })}
          />
        </List.Item>
      )}
    />
  );
}

const HISTORY_PAGE = 20;

export function HistoryTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data, loading, error, refetch, fetchMore } = useQuery(PROJECT_HISTORY_QUERY, {
    variables: { id: projectId, first: HISTORY_PAGE },
  });
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (error && !data) {
    return <ErrorState title={t('project.history.loadFailed')} error={error} onRetry={() => void refetch()} />;
  }
  const history = data?.project.history;
  const rows = history?.edges.map((e) => e.node) ?? [];
  type Row = (typeof rows)[number];
  const loadMore = () =>
    void fetchMore({
      variables: { after: history?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        project: {
          ...fetchMoreResult.project,
          history: {
            ...fetchMoreResult.project.history,
            edges: [...previous.project.history.edges, ...fetchMoreResult.project.history.edges],
          },
        },
      }),
    });
  return (
    <>
      <Table<Row>
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('project.history.empty')} /> }}
        columns={[
          { key: 'at', title: t('project.history.at'), render: (_, r) => formatOfficeDateTime(r.at, language) },
          { key: 'actor', title: t('project.history.actor'), dataIndex: 'actorName' },
          { key: 'action', title: t('project.history.action'), dataIndex: 'action' },
          {
            key: 'fields',
            title: t('project.history.fields'),
            render: (_, r) => r.changes.map((c) => c.field).join(', '),
          },
        ]}
      />
      {history?.pageInfo.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={loading} onClick={loadMore}>
          {t('project.history.more')}
        </Button>
      )}
    </>
  );
}
