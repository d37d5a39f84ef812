import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../components/dates';
import { CompleteFollowUpButton } from './CompleteFollowUpButton';
import type { FollowUpItem } from './liaison.graphql';

export function FollowUpStatus({ followUp }: { followUp: Pick<FollowUpItem, 'done' | 'overdue'> }) {
  const { t } = useTranslation();
  if (followUp.done) return <Tag color="green">{t('liaison.followUp.done')}</Tag>;
  if (followUp.overdue) return <Tag color="red">{t('liaison.followUp.overdue')}</Tag>;
  return <Tag color="blue">{t('liaison.followUp.open')}</Tag>;
}

export function FollowUpList({ followUps }: { followUps: readonly FollowUpItem[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (followUps.length === 0) return <Typography.Text type="secondary">{t('liaison.followUp.none')}</Typography.Text>;
  return (
    <List
      size="small"
      aria-label={t('liaison.followUp.listLabel')}
      dataSource={[...followUps]}
      renderItem={(f) => (
        <List.Item
          key={f.id}
          actions={f.canComplete && !f.done ? [<CompleteFollowUpButton key="done" followUp={f} />] : undefined}
        >
          <Space direction="vertical" size={0}>
            <Space wrap>
              <FollowUpStatus followUp={f} />
              <span>{f.action}</span>
            </Space>
            <Typography.Text type={f.overdue ? 'danger' : 'secondary'}>
              {t('liaison.followUp.ownerDue', {
                owner: f.owner?.displayName ?? t('liaison.followUp.unknownOwner'),
                date: f.dueDate,
              })}
              {f.done &&
                f.doneAt &&
                ` · ${t('liaison.followUp.doneAt', { at: formatOfficeDateTime(f.doneAt, language) })}`}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
