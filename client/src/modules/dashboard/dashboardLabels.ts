import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../projects/projectEnums';
import type { AmountUnit } from './dashboardParams';
import type { SpendingRow } from './dashboardSeries';
import type { DataRow } from './dataTable';

/** The dashboard's labels in the current language: series titles with the unit, months, regions, sectors. */
export function useDashboardLabels(unit: AmountUnit) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const unitName = t(`dashboard.unit.${unit}`);
  const amountTitle = (label: string) => t('dashboard.column.amountIn', { label, unit: unitName });
  const monthFormat = new Intl.DateTimeFormat(language === 'en' ? 'en' : 'zh-CN', { month: 'short', timeZone: 'UTC' });
  const monthLabel = (month: number) => monthFormat.format(new Date(Date.UTC(2000, month - 1, 1)));
  const firstCell = (row: DataRow) => Object.values(row.cells)[0] ?? '';
  return {
    amountTitle,
    monthLabel,
    periodLabel: (period: string) => (period.length === 7 ? monthLabel(Number(period.slice(5, 7))) : period),
    sectorName: (row: SpendingRow) => (row.sector ? t(`projects.sectorValue.${row.sector}`) : row.key),
    regionName: (row: SpendingRow) => (row.region ? pickLocalized(row.region.name, language) : row.key),
    // What a table row's link opens, for screen readers.
    openProjects: (row: DataRow) => t('dashboard.chart.openProjects', { label: firstCell(row) }),
    openLedger: (row: DataRow) => t('dashboard.chart.openLedger', { label: firstCell(row) }),
    openMilestones: (row: DataRow) => t('dashboard.chart.openMilestones', { label: firstCell(row) }),
  };
}
export type DashboardLabels = ReturnType<typeof useDashboardLabels>;
