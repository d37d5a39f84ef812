import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../app/i18n';
import { PageHeading, SectionHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { RegionsPanel } from '../regions/RegionsPanel';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const user = useCurrentUser();
  // Same query as the panel below: Apollo answers both from one request.
  const { data } = useQuery(REGIONS_QUERY);

  const regionName = (code: string): string => {
    const region = data?.regions.find((r) => r.code === code);
    if (!region) return code;
    return language === 'en' ? region.name.en : region.name.zh;
  };

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <Flex vertical gap="large">
        <Card title={<SectionHeading>{t('home.welcome', { name: user.displayName })}</SectionHeading>}>
          <Descriptions
            column={1}
            items={[
              { key: 'username', label: t('home.username'), children: user.username },
              { key: 'role', label: t('home.role'), children: <Tag color="blue">{t(`role.${user.role}`)}</Tag> },
              {
                key: 'scope',
                label: t('home.regionScope'),
                children:
                  user.regionScope.length === 0
                    ? t('home.allRegions')
                    : user.regionScope.map((code) => <Tag key={code}>{regionName(code)}</Tag>),
              },
            ]}
          />
        </Card>
        <Card title={<SectionHeading>{t('home.regionsTitle')}</SectionHeading>}>
          <RegionsPanel />
        </Card>
      </Flex>
    </>
  );
}
