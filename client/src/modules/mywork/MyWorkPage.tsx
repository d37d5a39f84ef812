import { useQuery } from '@apollo/client/react';
import { Badge, Card, Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiRole } from '../../app/roles';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeading, SectionHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { CompleteFollowUpButton } from '../liaison/CompleteFollowUpButton';
import { FollowUpStatus } from '../liaison/FollowUpList';
import { pickLocalized } from '../projects/projectEnums';
import { MilestoneProgress } from './MilestoneProgress';
import { MY_WORK_QUERY } from './mywork.graphql';

// docs/permissions.md: milestones are updated by admins, managers and the project's own officers;
// "my work" lists only milestones of the user's own projects.
const MILESTONE_WRITERS: readonly ApiRole[] = ['ADMIN', 'MANAGER', 'OFFICER'];

export function MyWorkPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(MY_WORK_QUERY, { fetchPolicy: 'cache-and-network' });

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) return <ErrorState title={t('myWork.loadFailed')} error={error} onRetry={() => void refetch()} />;
  const { overdueMilestones, openFollowUps } = data.myWork;
  const mayUpdateMilestones = MILESTONE_WRITERS.includes(user.role);

  return (
    <>
      <PageHeading>{t('myWork.title')}</PageHeading>
      <Flex vertical gap="middle">
        <Card
          title={
            <Space>
              <SectionHeading>{t('myWork.followUps')}</SectionHeading>
              <Badge count={openFollowUps.length} showZero color="blue" />
            </Space>
          }
          extra={<Link to="/liaison?tab=mine">{t('myWork.allFollowUps')}</Link>}
        >
          {openFollowUps.length === 0 ? (
            <Empty description={t('myWork.noFollowUps')} />
          ) : (
            <List
              aria-label={t('myWork.followUps')}
              dataSource={openFollowUps}
              renderItem={(f) => (
                <List.Item
                  key={f.id}
                  actions={f.canComplete ? [<CompleteFollowUpButton key="done" followUp={f} />] : undefined}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <FollowUpStatus followUp={f} />
                        <span>{f.action}</span>
                      </Space>
                    }
                    description={
                      <Space wrap size="small">
                        <Typography.Text type={f.overdue ? 'danger' : 'secondary'}>
                          {t('myWork.due', { date: f.dueDate })}
                        </Typography.Text>
                        <Link to={`/liaison/${f.activity.id}`}>
                          {t('myWork.fromActivity', { date: f.activity.date, title: f.activity.title })}
                        </Link>
                        <Typography.Text type="secondary">
                          {pickLocalized(f.activity.region.name, language)}
                        </Typography.Text>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card
          title={
            <Space>
              <SectionHeading>{t('myWork.milestones')}</SectionHeading>
              <Badge count={overdueMilestones.length} showZero color={overdueMilestones.length ? 'red' : 'green'} />
            </Space>
          }
        >
          {overdueMilestones.length === 0 ? (
            <Empty description={t('myWork.noMilestones')} />
          ) : (
            <List
              aria-label={t('myWork.milestones')}
              dataSource={overdueMilestones}
              renderItem={(m) => {
                const title = pickLocalized(m.title, language);
                return (
                  <List.Item
                    key={m.id}
                    actions={
                      mayUpdateMilestones
                        ? [<MilestoneProgress key="progress" milestone={m} title={title} />]
                        : undefined
                    }
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          <Tag color="red">{t('myWork.overdue')}</Tag>
                          <span>{title}</span>
                        </Space>
                      }
                      description={
                        <Space wrap size="middle">
                          <Typography.Text type="danger">
                            {t('myWork.planned', { date: m.plannedDate })}
                          </Typography.Text>
                          <Progress
                            percent={m.percentComplete}
                            size="small"
                            style={{ width: 140 }}
                            aria-label={t('myWork.percent')}
                          />
                          <span>
                            {t('myWork.project')}
                            <Link to={`/projects/${m.projectId}`}>
                              {m.project.code} {pickLocalized(m.project.name, language)}
                            </Link>
                          </span>
                        </Space>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
