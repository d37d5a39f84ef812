import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { officeDate } from '@pat/shared/dates';
import { expiryOf } from './expiry';

export function ExpiryTag({ agreement }: { agreement: Parameters<typeof expiryOf>[0] }) {
  const { t } = useTranslation();
  const expiry = expiryOf(agreement, officeDate());
  if (!expiry) return null;
  if (expiry.kind === 'expired') return <Tag>{t('agreements.expired')}</Tag>;
  return <Tag color="warning">{t('agreements.daysLeft', { days: expiry.daysLeft })}</Tag>;
}
