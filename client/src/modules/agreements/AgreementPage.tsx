import { ExportButtons } from '../../components/ExportButtons';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Breadcrumb, Button, Card, Descriptions, Empty, Flex, List, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { FormDrawer } from '../../components/FormDrawer';
import { LoadingState } from '../../components/LoadingState';
import { PageHeading, SectionHeading } from '../../components/PageHeading';
import { STATUS_COLORS, pickLocalized } from '../projects/projectEnums';
import { COMMITMENT_STATUS_COLORS } from './agreementEnums';
import { AgreementForm } from './AgreementForm';
import { AGREEMENT_PAGE_QUERY, type CommitmentItem } from './agreements.graphql';
import { CommitmentForm } from './CommitmentForm';
import { CommitmentStatusControl } from './CommitmentStatusControl';
import { ExpiryTag } from './ExpiryTag';

type Editing = { kind: 'agreement' } | { kind: 'commitment'; commitment?: CommitmentItem } | null;

export function AgreementPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [editing, setEditing] = useState<Editing>(null);
  const close = useCallback(() => setEditing(null), []);
  const { data, loading, error, refetch } = useQuery(AGREEMENT_PAGE_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  const agreement = data?.agreement;
  if (!agreement) {
    return (
      <>
        <Link to="/agreements">{t('agreements.page.backToList')}</Link>
        <ErrorState title={t('agreements.page.loadFailed')} error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  const none = t('agreements.page.none');

  const columns: TableProps<CommitmentItem>['columns'] = [
    {
      key: 'party',
      title: t('agreements.commitment.party'),
      render: (_, c) => t(`agreements.commitment.partyValue.${c.party}`),
    },
    {
      key: 'description',
      title: t('agreements.commitment.description'),
      render: (_, c) => (
        <>
          <div>{pickLocalized(c.description, language)}</div>
          {c.statusNote && <Typography.Text type="secondary">{c.statusNote}</Typography.Text>}
        </>
      ),
    },
    { key: 'unit', title: t('agreements.commitment.responsibleUnit'), dataIndex: 'responsibleUnit' },
    {
      key: 'due',
      title: t('agreements.commitment.dueDate'),
      render: (_, c) => (
        <Space size="small" wrap>
          <Typography.Text type={c.overdue ? 'danger' : undefined}>{c.dueDate}</Typography.Text>
          {c.overdue && <Tag color="red">{t('agreements.commitment.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('agreements.commitment.status'),
      render: (_, c) => (
        <Space size="small" wrap>
          <Tag color={COMMITMENT_STATUS_COLORS[c.status]}>{t(`agreements.commitment.statusValue.${c.status}`)}</Tag>
          {c.completedOn && (
            <Typography.Text type="secondary">
              {t('agreements.commitment.completedOn', { date: c.completedOn })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  if (agreement.commitments.some((c) => c.canEdit)) {
    columns.push({
      key: 'actions',
      title: t('agreements.commitment.actions'),
      render: (_, c) => {
        if (!c.canEdit) return null;
        const name = pickLocalized(c.description, language);
        return (
          <Space size="small">
            <CommitmentStatusControl commitment={c} label={t('agreements.commitment.changeStatusLabel', { name })} />
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              aria-label={t('agreements.commitment.editLabel', { name })}
              onClick={() => setEditing({ kind: 'commitment', commitment: c })}
            >
              {t('agreements.commitment.edit')}
            </Button>
          </Space>
        );
      },
    });
  }

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/agreements">{t('agreements.title')}</Link> }, { title: agreement.code }]}
      />
      <Flex justify="space-between" align="start" wrap gap="middle">
        <PageHeading>
          <Space wrap>
            <Typography.Text code style={{ fontSize: 20 }}>
              {agreement.code}
            </Typography.Text>
            <span>{pickLocalized(agreement.title, language)}</span>
            <ExpiryTag agreement={agreement} />
            {agreement.archived && <Tag>{t('agreements.archived')}</Tag>}
          </Space>
        </PageHeading>
        {agreement.canEdit && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing({ kind: 'agreement' })}>
            {t('agreements.page.edit')}
          </Button>
        )}
      </Flex>
      <Flex vertical gap="middle">
        <Card title={<SectionHeading>{t('agreements.page.details')}</SectionHeading>}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('agreements.page.counterpart')}>{agreement.counterpart}</Descriptions.Item>
            <Descriptions.Item label={t('agreements.page.kind')}>
              {t(`agreements.kindValue.${agreement.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('agreements.page.signedOn')}>{agreement.signedOn}</Descriptions.Item>
            <Descriptions.Item label={t('agreements.page.validity')}>
              {t('agreements.page.validRange', { from: agreement.validFrom, until: agreement.validUntil })}
            </Descriptions.Item>
            <Descriptions.Item label={t('agreements.page.fields')}>
              {agreement.fields.map((f) => t(`agreements.fieldValue.${f}`)).join('、') || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('agreements.page.regions')}>
              {agreement.regions.length
                ? agreement.regions.map((r, i) => (
                    <span key={r.code}>
                      {i > 0 && '、'}
                      <Link to={`/regions/${r.code}`}>{pickLocalized(r.name, language)}</Link>
                    </span>
                  ))
                : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('agreements.page.signatories')}>
              {agreement.signatories.join('、') || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('agreements.page.note')}>{agreement.note || none}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          title={<SectionHeading>{t('agreements.page.commitments')}</SectionHeading>}
          extra={
            <Flex wrap gap="small">
              <ExportButtons kind="commitments" filter={{ agreementId: agreement.id }} />
              {agreement.canEdit && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ kind: 'commitment' })}>
                  {t('agreements.page.addCommitment')}
                </Button>
              )}
            </Flex>
          }
        >
          <Table<CommitmentItem>
            aria-label={t('agreements.page.commitmentsLabel')}
            rowKey="id"
            columns={columns}
            dataSource={agreement.commitments}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('agreements.page.noCommitments')} /> }}
          />
        </Card>
        <Card title={<SectionHeading>{t('agreements.page.projects')}</SectionHeading>}>
          {agreement.projects.length === 0 ? (
            <Empty description={t('agreements.page.noProjects')} />
          ) : (
            <List
              dataSource={agreement.projects}
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
      </Flex>
      <FormDrawer
        open={editing !== null}
        title={
          editing?.kind === 'agreement'
            ? t('agreements.form.editTitle')
            : editing?.commitment
              ? t('agreements.commitmentForm.editTitle')
              : t('agreements.commitmentForm.createTitle')
        }
        onClose={close}
        size="large"
        destroyOnHidden
        maskClosable={false}
      >
        {editing?.kind === 'agreement' && <AgreementForm agreement={agreement} onSaved={close} onCancel={close} />}
        {editing?.kind === 'commitment' && (
          <CommitmentForm agreementId={agreement.id} commitment={editing.commitment} onDone={close} />
        )}
      </FormDrawer>
    </>
  );
}
