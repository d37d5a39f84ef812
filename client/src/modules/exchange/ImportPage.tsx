import { InboxOutlined, DownloadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import type { ImportMode, ImportReport } from '@pat/shared';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Space, Table, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading, SectionHeading } from '../../components/PageHeading';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import {
  downloadFile,
  importIati,
  startImport,
  templateUrl,
  waitForJob,
  type ImportJob,
  type TabularImportKind,
} from './exchange.api';

type Kind = TabularImportKind | 'iati';
type Stage =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number; mode: ImportMode }
  | { step: 'running'; job: ImportJob; mode: ImportMode }
  | { step: 'report'; report: ImportReport; file: File; interrupted?: boolean };

/** Officers, managers and admins import projects and milestones from files: check first, then write. */
export function ImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('projects');
  return (
    <>
      <PageHeading>{t('exchange.import.title')}</PageHeading>
      <Typography.Paragraph>{t('exchange.import.intro')}</Typography.Paragraph>
      <Tabs
        aria-label={t('exchange.import.tabsLabel')}
        activeKey={kind}
        onChange={(k) => setKind(k as Kind)}
        destroyOnHidden
        items={(['projects', 'milestones', 'iati'] as const).map((k) => ({
          key: k,
          label: t(`exchange.import.tabs.${k}`),
          children: <ImportPanel kind={k} />,
        }))}
      />
    </>
  );
}

function ImportPanel({ kind }: { kind: Kind }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const apollo = useApolloClient();
  const lang = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'zh-CN';
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const checkedAndClean =
    stage.step === 'report' && stage.report.dryRun && stage.report.problems.length === 0 && stage.report.rows > 0;
  useUnsavedChangesWarning(checkedAndClean);

  const run = async (file: File, mode: ImportMode) => {
    setStage({ step: 'uploading', percent: 0, mode });
    try {
      const onProgress = (percent: number) => setStage({ step: 'uploading', percent, mode });
      if (kind === 'iati') {
        const report = await importIati(mode, lang, file, onProgress);
        setStage({ step: 'report', report, file });
      } else {
        const started = await startImport(kind, mode, lang, file, onProgress);
        const job = await waitForJob(started.id, (j) => setStage({ step: 'running', job: j, mode }));
        if (!job.report) throw new Error(job.error ?? 'no report');
        setStage({ step: 'report', report: job.report, file, interrupted: job.status === 'FAILED' });
      }
      // Lists, totals and the project pages show what was written without a reload.
      if (mode === 'apply') await apollo.refetchQueries({ include: 'active' });
    } catch (error) {
      void message.error(t('exchange.import.failed', { message: (error as Error).message }));
      setStage({ step: 'idle' });
    }
  };

  const template = (format: 'xlsx' | 'csv') =>
    void downloadFile(templateUrl(kind as TabularImportKind, format, lang), `${kind}-template.${format}`).catch(
      (error: Error) => void message.error(t('exchange.import.failed', { message: error.message })),
    );

  return (
    <Flex vertical gap="middle">
      {kind !== 'iati' && (
        <Space wrap>
          <span>{t('exchange.import.template')}:</span>
          <Button icon={<DownloadOutlined />} onClick={() => template('xlsx')}>
            {t('exchange.import.templateXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => template('csv')}>
            {t('exchange.import.templateCsv')}
          </Button>
        </Space>
      )}
      {stage.step === 'idle' && (
        <Upload.Dragger
          accept={kind === 'iati' ? '.xml' : '.xlsx,.csv'}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void run(file, 'dry-run');
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('exchange.import.drop')}</p>
          <p className="ant-upload-hint">
            {kind === 'iati' ? t('exchange.import.dropHintIati') : t('exchange.import.dropHint')}
          </p>
        </Upload.Dragger>
      )}
      {stage.step === 'uploading' && (
        <div>
          <div id={`upload-progress-${kind}`}>{t('exchange.import.uploading')}</div>
          <Progress percent={stage.percent} aria-labelledby={`upload-progress-${kind}`} />
        </div>
      )}
      {stage.step === 'running' && (
        <div>
          <div id={`job-progress-${kind}`}>
            {t(stage.job.phase === 'writing' ? 'exchange.import.writing' : 'exchange.import.checking')} (
            {stage.job.processed} / {stage.job.total})
          </div>
          <Progress
            percent={stage.job.total ? Math.floor((stage.job.processed / stage.job.total) * 100) : 0}
            status="active"
            aria-labelledby={`job-progress-${kind}`}
          />
        </div>
      )}
      {stage.step === 'report' && (
        <ReportView
          report={stage.report}
          interrupted={stage.interrupted ?? false}
          onApply={checkedAndClean ? () => void run(stage.file, 'apply') : undefined}
          onAgain={() => setStage({ step: 'idle' })}
        />
      )}
    </Flex>
  );
}

function ReportView({
  report,
  interrupted,
  onApply,
  onAgain,
}: {
  report: ImportReport;
  interrupted: boolean;
  onApply?: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const clean = report.problems.length === 0;
  const written = !report.dryRun;
  const alert =
    interrupted || (written && !clean)
      ? { type: 'error' as const, text: t('exchange.import.writeFailed') }
      : written
        ? { type: 'success' as const, text: t('exchange.import.applied', report) }
        : clean
          ? { type: 'success' as const, text: t('exchange.import.clean', { rows: report.rows }) }
          : { type: 'error' as const, text: t('exchange.import.refused', { refused: report.refused }) };
  return (
    <Card
      title={
        <SectionHeading>{t(written ? 'exchange.import.resultTitle' : 'exchange.import.reportTitle')}</SectionHeading>
      }
    >
      <Flex vertical gap="middle">
        <Alert type={alert.type} showIcon message={alert.text} role={alert.type === 'error' ? 'alert' : 'status'} />
        <Descriptions size="small" column={{ xs: 2, sm: 5 }}>
          {(['rows', 'created', 'updated', 'unchanged', 'refused'] as const).map((k) => (
            <Descriptions.Item key={k} label={t(`exchange.import.summary.${k}`)}>
              {report[k]}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {report.problems.length > 0 && (
          <Table
            aria-label={t('exchange.import.reportTitle')}
            size="small"
            rowKey={(p) => `${p.row}|${p.column ?? ''}|${p.code}|${p.message}`}
            dataSource={report.problems}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { key: 'row', title: t('exchange.import.columns.row'), dataIndex: 'row', width: 80 },
              { key: 'column', title: t('exchange.import.columns.column'), dataIndex: 'column', width: 200 },
              { key: 'message', title: t('exchange.import.columns.problem'), dataIndex: 'message' },
            ]}
          />
        )}
        {report.unmapped.length > 0 && (
          <Table
            aria-label={t('exchange.import.unmappedTitle')}
            title={() => t('exchange.import.unmappedTitle')}
            size="small"
            rowKey={(u) => `${u.row}|${u.path}|${u.note}`}
            dataSource={report.unmapped}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { key: 'row', title: t('exchange.import.unmappedColumns.row'), dataIndex: 'row', width: 80 },
              { key: 'path', title: t('exchange.import.unmappedColumns.path'), dataIndex: 'path', width: 240 },
              { key: 'note', title: t('exchange.import.unmappedColumns.note'), dataIndex: 'note' },
            ]}
          />
        )}
        <Space wrap>
          {report.dryRun && (
            <Button
              type="primary"
              disabled={!onApply}
              onClick={onApply}
              title={onApply ? undefined : t('exchange.import.applyDisabled')}
            >
              {t('exchange.import.apply')}
            </Button>
          )}
          <Button onClick={onAgain}>{t('exchange.import.again')}</Button>
        </Space>
        {report.dryRun && !onApply && (
          <Typography.Text type="secondary">{t('exchange.import.applyDisabled')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
