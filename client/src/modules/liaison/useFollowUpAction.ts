import { useMutation } from '@apollo/client/react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_ERROR, graphQLErrorsOf, hasErrorCode } from '../../app/apiErrors';
import {
  type ARCHIVE_FOLLOW_UP_MUTATION,
  type COMPLETE_FOLLOW_UP_MUTATION,
  LIAISON_QUERIES_TO_REFRESH,
} from './liaison.graphql';

/**
 * Completing or archiving a follow-up (both take its id and version): the liaison lists are read
 * again afterwards, and the outcome is a message (a version conflict says to reload).
 */
export function useFollowUpAction(
  mutation: typeof COMPLETE_FOLLOW_UP_MUTATION | typeof ARCHIVE_FOLLOW_UP_MUTATION,
  doneMessage: string,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [run, { loading }] = useMutation(mutation, {
    refetchQueries: LIAISON_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  const act = async (followUp: { id: string; version: number }) => {
    try {
      await run({ variables: { id: followUp.id, version: followUp.version } });
      void message.success(doneMessage);
    } catch (error) {
      void message.error(
        hasErrorCode(error, API_ERROR.CONFLICT)
          ? t('liaison.followUp.conflict')
          : (graphQLErrorsOf(error)[0]?.message ?? t('errors.unexpected')),
      );
    }
  };
  return { act, loading };
}
