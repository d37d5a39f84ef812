// Writes export rows as .xlsx (streamed by exceljs: money as number cells with 0.00, dates as date
// cells) or as CSV (BOM, RFC 4180, formula-like text defused).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { BOM, csvCell, csvLine } from './csv';
import type { Cell, CellType } from './export-kinds';
import { fenToYuan } from './money';

export const FORMATS = ['xlsx', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export type Sheet = { name: string; headers: string[]; types: CellType[] };

/** A YYYY-MM-DD office date as the Excel date of that day (Excel dates carry no time zone). */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONEY_FORMAT = '0.00';

/** The cell value for a spreadsheet: money (integer fen) as yuan, exactly as its decimal text. */
export function xlsxValue(value: Cell, type: CellType): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (type === 'money') return Number(fenToYuan(Number(value)));
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? excelDate(String(value)) : String(value);
  return value;
}

export function csvValue(value: Cell, type: CellType): string {
  if (value === null) return '';
  if (type === 'money') return csvCell(fenToYuan(Number(value)), { defuse: false });
  if (type === 'number') return csvCell(value, { defuse: false });
  return csvCell(String(value));
}

const widthOf = (type: CellType, header: string) =>
  type === 'date' ? 12 : type === 'money' ? 16 : Math.max(10, Math.min(40, header.length * 2 + 2));

export async function writeXlsx(out: Writable, sheet: Sheet, batches: AsyncIterable<Cell[][]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.headers.map((header, i) => ({ header, key: String(i), width: widthOf(sheet.types[i]!, header) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const rows of batches) {
    for (const cells of rows) {
      const row = ws.addRow(cells.map((c, i) => xlsxValue(c, sheet.types[i]!)));
      sheet.types.forEach((type, i) => {
        if (type === 'money') row.getCell(i + 1).numFmt = MONEY_FORMAT;
        if (type === 'date') row.getCell(i + 1).numFmt = DATE_FORMAT;
      });
      row.commit();
    }
  }
  ws.commit();
  await workbook.commit();
}

export async function writeCsv(out: Writable, sheet: Sheet, batches: AsyncIterable<Cell[][]>): Promise<void> {
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(text)) return resolve();
      out.once('drain', resolve);
      out.once('error', reject);
    });
  await write(BOM + csvLine(sheet.headers.map((h) => csvCell(h))));
  for await (const rows of batches) {
    await write(rows.map((cells) => csvLine(cells.map((c, i) => csvValue(c, sheet.types[i]!)))).join(''));
  }
  out.end();
}
