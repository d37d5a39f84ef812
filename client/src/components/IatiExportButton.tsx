import { GlobalOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, type ExportFilter } from '../modules/exchange/exchange.api';

/** The address of the IATI export of a project-list filter (same names as the GraphQL filter), or of chosen ids. */
export function iatiExportUrl(filter: ExportFilter, ids: string[] = []): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  if (ids.length > 0) params.set('ids', ids.join(','));
  const query = params.toString();
  return `/api/export/iati.xml${query ? `?${query}` : ''}`;
}

/** Downloads the projects of the list's current filter (or the chosen ones) as one IATI 2.03 file. */
export function IatiExportButton({ filter, ids = [] }: { filter: ExportFilter; ids?: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(iatiExportUrl(filter, ids), 'iati-activities.xml');
    } catch (error) {
      void message.error(t('iati.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip title={t('iati.hint')}>
      <Button icon={<GlobalOutlined />} loading={busy} onClick={() => void run()} style={{ marginInlineStart: 8 }}>
        {busy ? t('iati.busy') : ids.length > 0 ? t('iati.exportSelected') : t('iati.export')}
      </Button>
    </Tooltip>
  );
}
