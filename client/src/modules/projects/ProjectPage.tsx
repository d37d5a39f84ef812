import { useQuery } from '@apollo/client/react';
import { EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiRole } from '../../app/roles';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { ProjectFundTab } from '../fund/ProjectFundTab';
import { MilestoneForm } from './MilestoneForm';
import { STATUS_COLORS, pickLocalized } from './projectEnums';
import { PROJECT_PAGE_QUERY } from './projects.graphql';
import { DocumentsTab, HistoryTab, IndicatorsTab, MilestoneTimeline, OverviewTab } from './ProjectTabs';
import { StatusControl } from './StatusControl';

// The roles that may list audit entries (docs/permissions.md).
const HISTORY_ROLES: readonly ApiRole[] = ['ADMIN', 'MANAGER', 'VIEWER'];

export function ProjectPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(PROJECT_PAGE_QUERY, { variables: { id } });

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  const project = data?.project;
  if (!project) {
    return (
      <>
        <Link to="/projects">{t('project.backToList')}</Link>
        <ErrorState title={t('project.loadFailed')} error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const regionPath = [...project.regionAncestors, project.region];
  const tabs = [
    { key: 'overview', label: t('project.tabs.overview'), children: <OverviewTab project={project} /> },
    {
      key: 'milestones',
      label: t('project.tabs.milestones'),
      children: (
        <Flex vertical gap="large">
          <MilestoneTimeline
            milestones={project.milestones}
            canEdit={project.canEdit}
            onEvidenceUploaded={() => void refetch()}
          />
          {project.canEdit && <MilestoneForm projectId={project.id} onEvidenceUploaded={() => void refetch()} />}
        </Flex>
      ),
    },
    { key: 'indicators', label: t('project.tabs.indicators'), children: <IndicatorsTab project={project} /> },
    { key: 'documents', label: t('project.tabs.documents'), children: <DocumentsTab project={project} /> },
    {
      key: 'fund',
      label: t('fund.project.tab'),
      children: <ProjectFundTab projectId={project.id} canEdit={project.canEdit} />,
    },
    ...(HISTORY_ROLES.includes(user.role)
      ? [{ key: 'history', label: t('project.tabs.history'), children: <HistoryTab projectId={project.id} /> }]
      : []),
  ];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/projects">{t('projects.title')}</Link> }, { title: project.code }]}
      />
      <Flex justify="space-between" align="start" wrap gap="middle">
        <div>
          <PageHeading>
            <Space wrap>
              <Typography.Text code style={{ fontSize: 20 }}>
                {project.code}
              </Typography.Text>
              <span>{pickLocalized(project.name, language)}</span>
              <Tag color={STATUS_COLORS[project.status]}>{t(`projects.statusValue.${project.status}`)}</Tag>
            </Space>
          </PageHeading>
          <nav aria-label={t('project.regionPath')}>
            <Breadcrumb items={regionPath.map((r) => ({ key: r.code, title: pickLocalized(r.name, language) }))} />
          </nav>
        </div>
        {project.canEdit && (
          <Flex gap="small" wrap>
            <Button icon={<EditOutlined />} onClick={() => void navigate(`/projects/${project.id}/edit`)}>
              {t('projectForm.editButton')}
            </Button>
            <StatusControl
              projectId={project.id}
              version={project.version}
              allowedNextStatuses={project.allowedNextStatuses}
              onReload={() => void refetch()}
            />
          </Flex>
        )}
      </Flex>
      <Card style={{ marginTop: 16 }}>
        <Tabs items={tabs} />
      </Card>
    </>
  );
}
