import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_FOLLOW_UP_MUTATION, type FollowUpItem } from './liaison.graphql';
import { useFollowUpAction } from './useFollowUpAction';

export function EditFollowUpButton({ followUp, onClick }: { followUp: FollowUpItem; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<EditOutlined aria-hidden />}
      aria-label={t('liaison.edit.editFollowUpLabel', { action: followUp.action })}
      onClick={onClick}
    >
      {t('liaison.edit.edit')}
    </Button>
  );
}

// Shown only where the API says the user may (FollowUp.canEdit); the lists are read again after it.
export function ArchiveFollowUpButton({ followUp }: { followUp: FollowUpItem }) {
  const { t } = useTranslation();
  const { act, loading } = useFollowUpAction(ARCHIVE_FOLLOW_UP_MUTATION, t('liaison.edit.followUpArchived'));
  return (
    <Popconfirm
      title={t('liaison.edit.archiveFollowUpConfirm', { action: followUp.action })}
      okText={t('liaison.edit.archive')}
      cancelText={t('liaison.form.cancel')}
      onConfirm={() => act(followUp)}
    >
      <Button
        size="small"
        danger
        loading={loading}
        icon={<DeleteOutlined aria-hidden />}
        aria-label={t('liaison.edit.archiveFollowUpLabel', { action: followUp.action })}
      >
        {t('liaison.edit.archive')}
      </Button>
    </Popconfirm>
  );
}
