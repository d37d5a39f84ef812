import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Breadcrumb, Button, Card, Descriptions, Flex, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { FormDrawer } from '../../components/FormDrawer';
import { LoadingState } from '../../components/LoadingState';
import { PageHeading, SectionHeading } from '../../components/PageHeading';
import { pickLocalized } from '../projects/projectEnums';
import { ActivityForm } from './ActivityForm';
import { ArchiveActivityButton } from './ArchiveActivityButton';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpList } from './FollowUpList';
import { LIAISON_ACTIVITY_QUERY } from './liaison.graphql';
import { LIAISON_KIND_COLORS } from './liaisonEnums';
import { formatYuan } from '../../components/money';

export function ActivityPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const closeEditor = useCallback(() => setEditing(false), []);
  const { data, loading, error, refetch } = useQuery(LIAISON_ACTIVITY_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  const activity = data?.liaisonActivity;
  if (!activity) {
    return (
      <>
        <Link to="/liaison">{t('liaison.backToList')}</Link>
        <ErrorState title={t('liaison.activityLoadFailed')} error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  const none = t('liaison.none');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/liaison">{t('liaison.title')}</Link> }, { title: activity.title }]}
      />
      <Flex justify="space-between" align="start" wrap gap="small">
        <PageHeading>
          <Space wrap>
            <Tag color={LIAISON_KIND_COLORS[activity.kind]}>{t(`liaison.kindValue.${activity.kind}`)}</Tag>
            <span>{activity.title}</span>
          </Space>
        </PageHeading>
        {activity.canEdit && (
          <Space>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('liaison.edit.edit')}
            </Button>
            <ArchiveActivityButton activity={activity} />
          </Space>
        )}
      </Flex>
      <Flex vertical gap="middle">
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('liaison.columns.date')}>{activity.date}</Descriptions.Item>
            <Descriptions.Item label={t('liaison.columns.region')}>
              <Link to={`/regions/${activity.region.code}`}>{pickLocalized(activity.region.name, language)}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('liaison.form.participants')}>
              {activity.participants.join('、') || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('liaison.form.receptionExpenses')}>
              {t('liaison.yuanAmount', { amount: formatYuan(activity.receptionExpenses) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('liaison.form.summary')} span={2}>
              {activity.summary || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('liaison.createdBy')}>
              {activity.createdBy?.displayName ?? none}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          title={<SectionHeading>{t('liaison.form.followUps')}</SectionHeading>}
          extra={
            activity.canEdit &&
            !adding && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                {t('liaison.form.addFollowUp')}
              </Button>
            )
          }
        >
          <Flex vertical gap="middle">
            <FollowUpList followUps={activity.followUps} regionCode={activity.region.code} />
            {adding && (
              <FollowUpForm
                activityId={activity.id}
                regionCode={activity.region.code}
                onDone={() => setAdding(false)}
              />
            )}
          </Flex>
        </Card>
      </Flex>
      <FormDrawer
        open={editing}
        title={t('liaison.edit.editTitle')}
        onClose={closeEditor}
        size="large"
        destroyOnHidden
        maskClosable={false}
      >
        {editing && (
          <ActivityForm
            activity={activity}
            onReload={async () => (await refetch()).data?.liaisonActivity}
            onDone={closeEditor}
          />
        )}
      </FormDrawer>
    </>
  );
}
