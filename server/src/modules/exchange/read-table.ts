// Reads an uploaded .xlsx or .csv into a header row and data rows of raw cells, refusing anything that
// is not a plain, macro-free table of values.
import ExcelJS from 'exceljs';
import { extensionOf } from '../documents/file-types';
import { parseCsv, undefuse } from './csv';
import { checkXlsxArchive } from './zip-guard';

export type RawCell =
  | { t: 'empty' }
  | { t: 'text'; s: string }
  | { t: 'number'; n: number }
  | { t: 'date'; iso: string }
  | { t: 'formula'; s: string }
  | { t: 'error'; s: string };

export type Table = { headers: string[]; rows: { row: number; cells: RawCell[] }[] };
/** A refusal of the whole file: its code and, for the message, a detail naming what is wrong. */
export type FileProblem = { code: string; detail: string; status?: number };

export const MAX_ROWS = 50_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export async function readTable(filename: string, content: Buffer): Promise<Table | FileProblem> {
  const ext = extensionOf(filename);
  if (content.length === 0) return { code: 'EMPTY_FILE', detail: filename };
  if (ext === 'xlsm' || ext === 'xltm' || ext === 'xlsb') return { code: 'MACRO', detail: `.${ext}` };
  if (ext === 'xlsx') {
    if (!startsWith(content, ZIP_MAGIC)) return { code: 'WRONG_TYPE', detail: `${filename} (not an .xlsx file)` };
    const problem = checkXlsxArchive(content);
    if (problem) return { code: problem.code, detail: problem.detail };
    return readXlsx(content);
  }
  if (ext === 'csv') {
    if (startsWith(content, ZIP_MAGIC) || startsWith(content, OLE_MAGIC) || content.subarray(0, 8192).includes(0))
      return { code: 'WRONG_TYPE', detail: `${filename} (binary content, not a CSV text file)` };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return { code: 'NOT_UTF8', detail: filename };
    }
    return readCsv(text);
  }
  return { code: 'WRONG_TYPE', detail: `.${ext || '(none)'}` };
}

function readCsv(text: string): Table | FileProblem {
  const parsed = parseCsv(text);
  if ('problem' in parsed) return { code: 'BAD_CSV', detail: parsed.problem };
  const [header = [], ...body] = parsed.rows;
  if (body.length > MAX_ROWS) return { code: 'TOO_MANY_ROWS', detail: String(body.length) };
  const rows = body
    .map((cells, i) => ({ row: i + 2, cells: cells.map(csvCellOf) }))
    .filter((r) => r.cells.some((c) => c.t !== 'empty'));
  return { headers: header.map((h) => h.trim()), rows };
}

function csvCellOf(text: string): RawCell {
  if (text.trim() === '') return { t: 'empty' };
  // Exports put an apostrophe before formula-like text; a bare = or @ is a formula for a spreadsheet.
  if (/^[=@]/.test(text)) return { t: 'formula', s: text };
  return { t: 'text', s: undefuse(text) };
}

async function readXlsx(content: Buffer): Promise<Table | FileProblem> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { code: 'BROKEN_ARCHIVE', detail: 'the workbook cannot be read' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { code: 'NO_SHEET', detail: '' };
  if (sheet.rowCount - 1 > MAX_ROWS) return { code: 'TOO_MANY_ROWS', detail: String(sheet.rowCount - 1) };
  const width = sheet.getRow(1).cellCount;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = xlsxCell(sheet.getRow(1).getCell(c).value);
    headers.push(cell.t === 'text' ? cell.s.trim() : cell.t === 'number' ? String(cell.n) : '');
  }
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: RawCell[] = [];
    const count = Math.max(width, row.cellCount);
    for (let c = 1; c <= count; c++) cells.push(xlsxCell(row.getCell(c).value));
    if (cells.some((cell) => cell.t !== 'empty')) rows.push({ row: number, cells });
  });
  return { headers, rows };
}

function xlsxCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return { t: 'empty' };
  if (typeof value === 'number') return { t: 'number', n: value };
  if (typeof value === 'string') return value.trim() === '' ? { t: 'empty' } : { t: 'text', s: value };
  if (typeof value === 'boolean') return { t: 'text', s: String(value) };
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { t: 'error', s: 'invalid date' }
      : { t: 'date', iso: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value)
    return {
      t: 'formula',
      s: `=${(value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? ''}`,
    };
  if ('richText' in value) return { t: 'text', s: value.richText.map((r) => r.text).join('') };
  if ('text' in value) return { t: 'text', s: String(value.text) };
  if ('error' in value) return { t: 'error', s: String(value.error) };
  return { t: 'error', s: 'unreadable cell' };
}
