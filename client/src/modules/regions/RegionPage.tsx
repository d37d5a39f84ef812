import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  List,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { FormDrawer } from '../../components/FormDrawer';
import { LoadingState } from '../../components/LoadingState';
import { formatWanYuan } from '../../components/money';
import { PageHeading, SectionHeading } from '../../components/PageHeading';
import { useCurrentUser } from '../auth/currentUser';
import { ActivityForm } from '../liaison/ActivityForm';
import { LIAISON_KIND_COLORS } from '../liaison/liaisonEnums';
import { canWriteLiaison } from '../liaison/liaisonRoles';
import { STATUS_COLORS, pickLocalized } from '../projects/projectEnums';
import { ArchiveContactButton } from './ArchiveContactButton';
import { ContactForm } from './ContactForm';
import { RegionProfileForm } from './RegionProfileForm';
import {
  REGION_PAGE_ACTIVITIES,
  REGION_PAGE_CONTACTS,
  REGION_PAGE_PROJECTS,
  REGION_PAGE_QUERY,
  type ContactItem,
} from './regionPage.graphql';

type Editing = { kind: 'contact'; contact?: ContactItem } | { kind: 'activity' } | { kind: 'profile' } | null;

export function RegionPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useCurrentUser();
  const [editing, setEditing] = useState<Editing>(null);
  const close = useCallback(() => setEditing(null), []);
  const { data, loading, error, refetch } = useQuery(REGION_PAGE_QUERY, {
    variables: {
      code,
      projects: REGION_PAGE_PROJECTS,
      activities: REGION_PAGE_ACTIVITIES,
      contacts: REGION_PAGE_CONTACTS,
    },
    // Lists changed elsewhere (another page's mutation refetches only mounted queries) show fresh.
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  const region = data?.region;
  if (!region) {
    return (
      <>
        <Link to="/regions">{t('regionPage.backToList')}</Link>
        <ErrorState title={t('regionPage.loadFailed')} error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  const none = t('regionPage.none');
  const mayWrite = canWriteLiaison(user.role);
  const fund = data.fundTotals.find((f) => f.key === region.code);
  const office = region.liaisonOffice;

  const contactColumns: TableProps<ContactItem>['columns'] = [
    { key: 'name', title: t('regionPage.contactForm.name'), dataIndex: 'name' },
    { key: 'title', title: t('regionPage.contactForm.title'), dataIndex: 'title' },
    { key: 'organisation', title: t('regionPage.contactForm.organisation'), dataIndex: 'organisation' },
    {
      key: 'phone',
      title: t('regionPage.contactForm.phone'),
      render: (_, c) => (c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : null),
    },
    {
      key: 'email',
      title: t('regionPage.contactForm.email'),
      render: (_, c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null),
    },
    {
      key: 'region',
      title: t('regionPage.contacts.region'),
      render: (_, c) => pickLocalized(c.region.name, language),
    },
  ];
  if (region.contacts.edges.some((e) => e.node.canEdit)) {
    contactColumns.push({
      key: 'actions',
      title: t('regionPage.contacts.actions'),
      render: (_, c) =>
        c.canEdit ? (
          <Space size="small">
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              aria-label={t('regionPage.contacts.editLabel', { name: c.name })}
              onClick={() => setEditing({ kind: 'contact', contact: c })}
            >
              {t('regionPage.contacts.edit')}
            </Button>
            <ArchiveContactButton contact={c} />
          </Space>
        ) : null,
    });
  }

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/regions">{t('regions.title')}</Link> },
          ...region.ancestorRegions.map((a) => ({
            key: a.code,
            title: <Link to={`/regions/${a.code}`}>{pickLocalized(a.name, language)}</Link>,
          })),
          { title: pickLocalized(region.name, language) },
        ]}
      />
      <PageHeading>
        <Space wrap>
          <span>{pickLocalized(region.name, language)}</span>
          <Typography.Text code style={{ fontSize: 20 }}>
            {region.code}
          </Typography.Text>
          <Tag>{t(`regions.level.${region.level}`)}</Tag>
          {region.archived && <Tag>{t('regionPage.archived')}</Tag>}
        </Space>
      </PageHeading>
      <Flex vertical gap="middle">
        <Card
          title={<SectionHeading>{t('regionPage.profile.heading')}</SectionHeading>}
          extra={
            region.canEdit && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing({ kind: 'profile' })}>
                {t('regionPage.profile.edit')}
              </Button>
            )
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('regionPage.profile.population')}>
              {region.population != null ? region.population.toLocaleString(language) : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('regionPage.profile.povertyStatus')}>
              {region.povertyStatus ? t(`regionPage.povertyStatus.${region.povertyStatus}`) : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('regionPage.profile.pairedUnits')} span={2}>
              {region.pairedUnits.join('、') || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('regionPage.profile.liaisonOffice')} span={2}>
              {office ? [office.name, office.address, office.head, office.phone].filter(Boolean).join(' · ') : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('regionPage.profile.location')} span={2}>
              {region.location ? `${region.location.lng}, ${region.location.lat}` : none}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Flex gap="middle" wrap>
          <Card
            style={{ flex: '1 1 360px' }}
            title={<SectionHeading>{t('regionPage.projects.heading')}</SectionHeading>}
            extra={
              <Link to={`/projects?region=${region.code}`}>
                {t('regionPage.projects.all', { total: region.projects.totalCount })}
              </Link>
            }
          >
            {region.projects.totalCount === 0 ? (
              <Empty description={t('regionPage.projects.empty')} />
            ) : (
              <List
                size="small"
                dataSource={region.projects.edges.map((e) => e.node)}
                renderItem={(p) => (
                  <List.Item key={p.id}>
                    <Space wrap>
                      <Link to={`/projects/${p.id}`}>
                        {p.code} {pickLocalized(p.name, language)}
                      </Link>
                      <Tag color={STATUS_COLORS[p.status]}>{t(`projects.statusValue.${p.status}`)}</Tag>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card style={{ flex: '1 1 360px' }} title={<SectionHeading>{t('regionPage.fund.heading')}</SectionHeading>}>
            {fund ? (
              <Flex gap="large" wrap>
                <Statistic title={t('regionPage.fund.budget')} value={formatWanYuan(fund.budget)} />
                <Statistic title={t('regionPage.fund.allocated')} value={formatWanYuan(fund.allocated)} />
                <Statistic title={t('regionPage.fund.disbursed')} value={formatWanYuan(fund.disbursed)} />
                <Statistic title={t('regionPage.fund.utilisation')} value={`${(fund.utilisation * 100).toFixed(1)}%`} />
              </Flex>
            ) : (
              <Empty description={t('regionPage.fund.empty')} />
            )}
          </Card>
        </Flex>
        <Card
          title={
            <SectionHeading>{t('regionPage.contacts.heading', { total: region.contacts.totalCount })}</SectionHeading>
          }
          extra={
            mayWrite && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ kind: 'contact' })}>
                {t('regionPage.contacts.add')}
              </Button>
            )
          }
        >
          <Table<ContactItem>
            aria-label={t('regionPage.contacts.tableLabel')}
            rowKey="id"
            size="small"
            columns={contactColumns}
            dataSource={region.contacts.edges.map((e) => e.node)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('regionPage.contacts.empty')} /> }}
          />
        </Card>
        <Card
          title={
            <SectionHeading>
              {t('regionPage.liaison.heading', { total: region.liaisonActivities.totalCount })}
            </SectionHeading>
          }
          extra={
            <Space>
              <Link to={`/liaison?region=${region.code}`}>{t('regionPage.liaison.all')}</Link>
              {mayWrite && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ kind: 'activity' })}>
                  {t('regionPage.liaison.add')}
                </Button>
              )}
            </Space>
          }
        >
          {region.liaisonActivities.totalCount === 0 ? (
            <Empty description={t('regionPage.liaison.empty')} />
          ) : (
            <List
              size="small"
              dataSource={region.liaisonActivities.edges.map((e) => e.node)}
              renderItem={(a) => {
                const open = a.followUps.filter((f) => !f.done).length;
                return (
                  <List.Item key={a.id}>
                    <Space wrap>
                      <span>{a.date}</span>
                      <Tag color={LIAISON_KIND_COLORS[a.kind]}>{t(`liaison.kindValue.${a.kind}`)}</Tag>
                      <Link to={`/liaison/${a.id}`}>{a.title}</Link>
                      {open > 0 && (
                        <Typography.Text type="secondary">
                          {t('regionPage.liaison.openFollowUps', { count: open })}
                        </Typography.Text>
                      )}
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
        </Card>
      </Flex>
      <FormDrawer
        open={editing !== null}
        title={
          editing?.kind === 'profile'
            ? t('regionPage.profileForm.title')
            : editing?.kind === 'activity'
              ? t('liaison.form.createTitle')
              : editing?.kind === 'contact' && editing.contact
                ? t('regionPage.contactForm.editTitle')
                : t('regionPage.contactForm.createTitle')
        }
        onClose={close}
        size="large"
        destroyOnHidden
        maskClosable={false}
      >
        {editing?.kind === 'contact' && (
          <ContactForm regionCode={region.code} contact={editing.contact} onDone={close} />
        )}
        {editing?.kind === 'activity' && <ActivityForm regionCode={region.code} onDone={close} />}
        {editing?.kind === 'profile' && (
          <RegionProfileForm region={region} onReload={async () => (await refetch()).data?.region} onDone={close} />
        )}
      </FormDrawer>
    </>
  );
}
