import { CheckOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPLETE_FOLLOW_UP_MUTATION } from './liaison.graphql';
import { useFollowUpAction } from './useFollowUpAction';

type Props = { followUp: { id: string; version: number; action: string } };

// Shown only where the API says the user may complete it (FollowUp.canComplete).
export function CompleteFollowUpButton({ followUp }: Props) {
  const { t } = useTranslation();
  const { act, loading } = useFollowUpAction(COMPLETE_FOLLOW_UP_MUTATION, t('liaison.followUp.completed'));

  return (
    <Button
      size="small"
      icon={<CheckOutlined aria-hidden />}
      loading={loading}
      aria-label={t('liaison.followUp.markDoneLabel', { action: followUp.action })}
      onClick={() => void act(followUp)}
    >
      {t('liaison.followUp.markDone')}
    </Button>
  );
}
