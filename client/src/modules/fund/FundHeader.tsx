import { Flex, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { MoneyUnitSwitch } from './FundMoney';

const SECTIONS = [
  { path: '/fund', key: 'overview' },
  { path: '/fund/approvals', key: 'approvals' },
  { path: '/fund/ledger', key: 'ledger' },
] as const;

/** The fund pages' heading, their sub-navigation and the 万元/元 switch. */
export function FundHeader({ title }: { title: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
        <nav aria-label={t('fund.sections.label')} style={{ flex: 1, minWidth: 280 }}>
          <Menu
            mode="horizontal"
            selectedKeys={SECTIONS.filter((s) => s.path === pathname).map((s) => s.key)}
            items={SECTIONS.map((s) => ({ key: s.key, label: <Link to={s.path}>{t(`fund.sections.${s.key}`)}</Link> }))}
            style={{ background: 'transparent' }}
          />
        </nav>
        <MoneyUnitSwitch />
      </Flex>
    </>
  );
}
