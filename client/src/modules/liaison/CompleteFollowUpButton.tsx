import { CheckOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_ERROR, graphQLErrorsOf, hasErrorCode } from '../../app/apiErrors';
import { COMPLETE_FOLLOW_UP_MUTATION, LIAISON_QUERIES_TO_REFRESH } from './liaison.graphql';

type Props = { followUp: { id: string; version: number; action: string } };

// Shown only where the API says the user may complete it (FollowUp.canComplete).
export function CompleteFollowUpButton({ followUp }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [complete, { loading }] = useMutation(COMPLETE_FOLLOW_UP_MUTATION, {
    refetchQueries: LIAISON_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });

  const onClick = async () => {
    try {
      await complete({ variables: { id: followUp.id, version: followUp.version } });
      void message.success(t('liaison.followUp.completed'));
    } catch (error) {
      void message.error(
        hasErrorCode(error, API_ERROR.CONFLICT)
          ? t('liaison.followUp.conflict')
          : (graphQLErrorsOf(error)[0]?.message ?? t('errors.unexpected')),
      );
    }
  };

  return (
    <Button
      size="small"
      icon={<CheckOutlined aria-hidden />}
      loading={loading}
      aria-label={t('liaison.followUp.markDoneLabel', { action: followUp.action })}
      onClick={() => void onClick()}
    >
      {t('liaison.followUp.markDone')}
    </Button>
  );
}
