import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  downloadFile,
  exportUrl,
  type ExportFilter,
  type ExportKind,
  type FileFormat,
} from '../modules/exchange/exchange.api';

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Downloads the list as it is filtered now, as .xlsx or CSV, in the current language. */
export function ExportButtons({ kind, filter }: { kind: ExportKind; filter: ExportFilter }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<FileFormat | null>(null);
  const [received, setReceived] = useState(0);
  const lang = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'zh-CN';

  const run = async (format: FileFormat) => {
    setBusy(format);
    setReceived(0);
    try {
      await downloadFile(exportUrl(kind, format, lang, filter), `${kind}.${format}`, setReceived);
    } catch (error) {
      void message.error(t('exchange.export.failed', { message: (error as Error).message }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space.Compact aria-label={t('exchange.export.group')} role="group">
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={busy === format}
          disabled={busy !== null && busy !== format}
          onClick={() => void run(format)}
        >
          {busy === format
            ? received > 0
              ? t('exchange.export.received', { size: sizeOf(received) })
              : t('exchange.export.busy')
            : t(`exchange.export.${format}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
