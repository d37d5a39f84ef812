import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_ERROR, hasErrorCode, isNetworkError } from '../app/apiErrors';

type ErrorStateProps = {
  title: string;
  error: unknown;
  onRetry?: () => void;
};

export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const detail = isNetworkError(error)
    ? t('errors.network')
    : hasErrorCode(error, API_ERROR.FORBIDDEN)
      ? t('errors.forbidden')
      : t('errors.unexpected');
  return (
    <Result
      status="warning"
      title={title}
      subTitle={detail}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
