// The import template of a kind: the headers in the chosen language, lists to pick sector, status and
// risk from, and an example row on a sheet of its own (so the example is never imported by mistake).
import ExcelJS from 'exceljs';
import { BOM, csvCell, csvLine } from './csv';
import { DATE_FORMAT, excelDate, MONEY_FORMAT } from './export-writers';
import type { ImportColumn } from './import-table';
import { MILESTONE_IMPORT_COLUMNS } from './import-milestones';
import { PROJECT_IMPORT_COLUMNS } from './import-projects';
import { MILESTONE_STATUS_LABELS, PROJECT_STATUS_LABELS, RISK_LABELS, SECTOR_LABELS, type Lang } from './labels';
import type { TabularKind } from './import.service';

type Labels = Record<string, { zh: string; en: string }>;
const LISTS: Record<TabularKind, Record<string, Labels>> = {
  projects: { sector: SECTOR_LABELS, status: PROJECT_STATUS_LABELS, risk: RISK_LABELS },
  milestones: { status: MILESTONE_STATUS_LABELS },
};

const DATE_KEYS = new Set(['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'plannedDate', 'actualDate']);
const MONEY_KEYS = new Set(['specialFund', 'districtBudget', 'donation']);

export const templateColumns = (kind: TabularKind): ImportColumn[] =>
  kind === 'projects' ? PROJECT_IMPORT_COLUMNS : MILESTONE_IMPORT_COLUMNS;

function example(kind: TabularKind, lang: Lang, regionCode: string): Record<string, string | number> {
  const zh = lang !== 'en';
  if (kind === 'projects')
    return {
      code: 'XJ-2027-001',
      nameZh: '示例：乡村学校改扩建',
      nameEn: 'Example: rural school extension',
      regionCode,
      sector: zh ? SECTOR_LABELS.EDUCATION.zh : SECTOR_LABELS.EDUCATION.en,
      implementingUnit: zh ? '市教育局' : 'City education bureau',
      plannedStart: '2027-03-01',
      plannedEnd: '2027-12-31',
      specialFund: 1250000.5,
      districtBudget: 0,
      donation: 0,
      status: zh ? PROJECT_STATUS_LABELS.PROPOSED.zh : PROJECT_STATUS_LABELS.PROPOSED.en,
      risk: zh ? RISK_LABELS.LOW.zh : RISK_LABELS.LOW.en,
    };
  return {
    projectCode: 'XJ-2027-001',
    titleZh: '示例：完成招标',
    titleEn: 'Example: tender completed',
    plannedDate: '2027-05-31',
    percentComplete: 0,
    status: zh ? MILESTONE_STATUS_LABELS.PENDING.zh : MILESTONE_STATUS_LABELS.PENDING.en,
  };
}

const header = (c: ImportColumn, lang: Lang) => (lang === 'en' ? c.en : c.zh);

export async function templateXlsx(kind: TabularKind, lang: Lang, regionCode: string): Promise<Buffer> {
  const columns = templateColumns(kind);
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(lang === 'en' ? 'Data' : '数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  const sample = workbook.addWorksheet(lang === 'en' ? 'Example' : '示例');
  for (const ws of [data, sample]) {
    ws.columns = columns.map((c) => ({
      header: header(c, lang),
      key: c.key,
      width: Math.max(12, header(c, lang).length * 2 + 2),
    }));
    ws.getRow(1).font = { bold: true };
    columns.forEach((c, i) => {
      if (c.required)
        ws.getRow(1).getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      if (DATE_KEYS.has(c.key)) ws.getColumn(i + 1).numFmt = DATE_FORMAT;
      if (MONEY_KEYS.has(c.key)) ws.getColumn(i + 1).numFmt = MONEY_FORMAT;
    });
  }
  const values = example(kind, lang, regionCode);
  sample.addRow(
    columns.map((c) =>
      DATE_KEYS.has(c.key) && values[c.key] ? excelDate(String(values[c.key])) : (values[c.key] ?? null),
    ),
  );
  const validations = (
    data as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }
  ).dataValidations;
  columns.forEach((c, i) => {
    const labels = LISTS[kind][c.key];
    if (!labels) return;
    const letter = data.getColumn(i + 1).letter;
    const list = Object.values(labels).map((l) => (lang === 'en' ? l.en : l.zh));
    validations.add(`${letter}2:${letter}5001`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function templateCsv(kind: TabularKind, lang: Lang): string {
  return BOM + csvLine(templateColumns(kind).map((c) => csvCell(header(c, lang))));
}
