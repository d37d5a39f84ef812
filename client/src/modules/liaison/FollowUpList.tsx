import { List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../components/dates';
import { CompleteFollowUpButton } from './CompleteFollowUpButton';
import { ArchiveFollowUpButton, EditFollowUpButton } from './FollowUpActions';
import { FollowUpForm } from './FollowUpForm';
import type { FollowUpItem } from './liaison.graphql';

export function FollowUpStatus({ followUp }: { followUp: Pick<FollowUpItem, 'done' | 'overdue'> }) {
  const { t } = useTranslation();
  if (followUp.done) return <Tag color="green">{t('liaison.followUp.done')}</Tag>;
  if (followUp.overdue) return <Tag color="red">{t('liaison.followUp.overdue')}</Tag>;
  return <Tag color="blue">{t('liaison.followUp.open')}</Tag>;
}

type FollowUpListProps = {
  followUps: readonly FollowUpItem[];
  /** The activity's region; with it, follow-ups the user may edit get edit and archive actions. */
  regionCode?: string;
};

export function FollowUpList({ followUps, regionCode }: FollowUpListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [editingId, setEditingId] = useState<string>();
  if (followUps.length === 0) return <Typography.Text type="secondary">{t('liaison.followUp.none')}</Typography.Text>;
  return (
    <List
      size="small"
      aria-label={t('liaison.followUp.listLabel')}
      dataSource={[...followUps]}
      renderItem={(f) =>
        regionCode && f.id === editingId ? (
          <List.Item key={f.id}>
            <div style={{ width: '100%' }}>
              <FollowUpForm
                activityId={f.activityId}
                regionCode={regionCode}
                followUp={f}
                onDone={() => setEditingId(undefined)}
              />
            </div>
          </List.Item>
        ) : (
          <List.Item
            key={f.id}
            actions={[
              ...(f.canComplete && !f.done ? [<CompleteFollowUpButton key="done" followUp={f} />] : []),
              ...(regionCode && f.canEdit
                ? [
                    <EditFollowUpButton key="edit" followUp={f} onClick={() => setEditingId(f.id)} />,
                    <ArchiveFollowUpButton key="archive" followUp={f} />,
                  ]
                : []),
            ]}
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
        )
      }
    />
  );
}
