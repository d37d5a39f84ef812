import { DeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { API_ERROR, graphQLErrorsOf, hasErrorCode } from '../../app/apiErrors';
import { ARCHIVE_LIAISON_ACTIVITY_MUTATION, LIAISON_QUERIES_TO_REFRESH } from './liaison.graphql';

type Props = { activity: { id: string; version: number; title: string } };

// Archives the activity with its follow-ups, then goes back to the log (whose lists are read again).
export function ArchiveActivityButton({ activity }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [archive, { loading }] = useMutation(ARCHIVE_LIAISON_ACTIVITY_MUTATION, {
    refetchQueries: LIAISON_QUERIES_TO_REFRESH.filter((name) => name !== 'LiaisonActivityPage'),
    awaitRefetchQueries: true,
  });
  const onConfirm = async () => {
    try {
      await archive({ variables: { id: activity.id, version: activity.version } });
      void message.success(t('liaison.edit.archived'));
      void navigate('/liaison');
    } catch (error) {
      void message.error(
        hasErrorCode(error, API_ERROR.CONFLICT)
          ? t('liaison.edit.conflict')
          : (graphQLErrorsOf(error)[0]?.message ?? t('errors.unexpected')),
      );
    }
  };
  return (
    <Popconfirm
      title={t('liaison.edit.archiveConfirm', { title: activity.title })}
      okText={t('liaison.edit.archive')}
      cancelText={t('liaison.form.cancel')}
      onConfirm={() => onConfirm()}
    >
      <Button danger loading={loading} icon={<DeleteOutlined aria-hidden />}>
        {t('liaison.edit.archive')}
      </Button>
    </Popconfirm>
  );
}
