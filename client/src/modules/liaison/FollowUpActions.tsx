import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_ERROR, graphQLErrorsOf, hasErrorCode } from '../../app/apiErrors';
import { ARCHIVE_FOLLOW_UP_MUTATION, LIAISON_QUERIES_TO_REFRESH, type FollowUpItem } from './liaison.graphql';

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
  const { message } = App.useApp();
  const [archive, { loading }] = useMutation(ARCHIVE_FOLLOW_UP_MUTATION, {
    refetchQueries: LIAISON_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  const onConfirm = async () => {
    try {
      await archive({ variables: { id: followUp.id, version: followUp.version } });
      void message.success(t('liaison.edit.followUpArchived'));
    } catch (error) {
      void message.error(
        hasErrorCode(error, API_ERROR.CONFLICT)
          ? t('liaison.followUp.conflict')
          : (graphQLErrorsOf(error)[0]?.message ?? t('errors.unexpected')),
      );
    }
  };
  return (
    <Popconfirm
      title={t('liaison.edit.archiveFollowUpConfirm', { action: followUp.action })}
      okText={t('liaison.edit.archive')}
      cancelText={t('liaison.form.cancel')}
      onConfirm={() => onConfirm()}
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
