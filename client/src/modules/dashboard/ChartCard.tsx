import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Segmented, Skeleton, Table, Typography } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { csvFileName, toCsv, toTsv, type DataRow, type DataTable } from './dataTable';

type ChartCardProps = {
  /** Stable id for tests, CSS and the CSV file name. */
  name: string;
  title: string;
  description: string;
  year: number;
  loading: boolean;
  /** Why there is nothing to draw; shown instead of an empty chart. */
  emptyReason?: string;
  table?: DataTable;
  /** Controls beside the chart/table switch (e.g. month/year). */
  extra?: ReactNode;
  /** Draws the chart; called only when there is data. */
  children: ReactNode;
  drillLabel: (row: DataRow) => string;
};

function download(fileName: string, text: string) {
  // The BOM makes Excel read the file as UTF-8, so Chinese names survive.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** A chart with its title, an aria description, and a switch to the numbers behind it. */
export function ChartCard(props: ChartCardProps) {
  const { name, title, description, year, loading, emptyReason, table, extra, children, drillLabel } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const descriptionId = useId();
  const ready = !loading && table !== undefined;

  const copy = async () => {
    if (!table) return;
    try {
      await navigator.clipboard.writeText(toTsv(table));
      void message.success(t('dashboard.chart.copied'));
    } catch {
      void message.error(t('dashboard.chart.copyFailed'));
    }
  };

  let body: ReactNode;
  if (!ready) {
    body = <Skeleton active paragraph={{ rows: 6 }} title={false} />;
  } else if (emptyReason) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyReason} />;
  } else if (view === 'table') {
    body = (
      <Table<DataRow>
        className="dashboard-data-table"
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={table.rows}
        columns={[
          ...table.columns.map((column, index) => ({
            key: column.key,
            title: column.title,
            align: column.numeric ? ('right' as const) : undefined,
            render: (_: unknown, row: DataRow) =>
              index === 0 && row.href ? (
                <Link to={row.href} aria-label={drillLabel(row)}>
                  {row.cells[column.key]}
                </Link>
              ) : (
                <span data-column={column.key}>{row.cells[column.key]}</span>
              ),
          })),
        ]}
      />
    );
  } else {
    body = (
      <figure className="dashboard-figure" aria-labelledby={titleId} aria-describedby={descriptionId}>
        {children}
      </figure>
    );
  }

  return (
    <Card
      className="dashboard-card"
      data-chart={name}
      title={
        <h2 id={titleId} className="dashboard-card-title">
          {title}
        </h2>
      }
      extra={
        <Flex gap="small" wrap align="center" className="dashboard-no-print">
          {extra}
          <Segmented<'chart' | 'table'>
            aria-label={`${title}: ${t('dashboard.chart.viewLabel')}`}
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: t('dashboard.chart.showChart') },
              { value: 'table', label: t('dashboard.chart.showTable') },
            ]}
          />
          <Button
            size="small"
            icon={<CopyOutlined aria-hidden />}
            disabled={!ready || Boolean(emptyReason)}
            onClick={() => void copy()}
          >
            {t('dashboard.chart.copy')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined aria-hidden />}
            disabled={!ready || Boolean(emptyReason)}
            onClick={() => table && download(csvFileName(name, year), toCsv(table))}
          >
            {t('dashboard.chart.download')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph id={descriptionId} type="secondary" className="dashboard-card-description">
        {description}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}
