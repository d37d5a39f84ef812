import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { RegionsPanel } from './RegionsPanel';

export function RegionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('regions.title')}</PageHeading>
      <Card>
        <RegionsPanel showCount />
      </Card>
    </>
  );
}
