// Column mapping and cell reading shared by the project and milestone imports.
import type { ImportProblem } from '@pat/shared';
import type { ExportColumn } from './export-kinds';
import type { Lang } from './labels';
import { yuanToFen } from './money';
import { problemMessage } from './problems';
import type { RawCell, Table } from './read-table';

export type ImportColumn = { key: string; zh: string; en: string; required: boolean };

export type Problems = {
  list: ImportProblem[];
  add: (row: number, column: string | undefined, code: string, v?: string, d?: string) => void;
  has: (row: number, column?: string) => boolean;
};

export function problemList(lang: Lang): Problems {
  const list: ImportProblem[] = [];
  const seen = new Set<string>();
  return {
    list,
    add: (row, column, code, v = '', d = '') => {
      seen.add(`${row}`);
      if (column) seen.add(`${row}|${column}`);
      list.push({ row, ...(column ? { column } : {}), code, message: problemMessage(code, lang, v, d) });
    },
    has: (row, column) => seen.has(column ? `${row}|${column}` : `${row}`),
  };
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

/** Where each known column is; unknown, duplicate and missing required columns are refused. */
export function mapHeaders(
  table: Table,
  columns: ImportColumn[],
  ignored: ExportColumn[],
  lang: Lang,
  problems: Problems,
): Map<string, number> {
  const index = new Map<string, number>();
  table.headers.forEach((header, i) => {
    if (!header) return;
    const h = norm(header);
    const column = columns.find((c) => norm(c.zh) === h || norm(c.en) === h || c.key.toLowerCase() === h);
    if (!column) {
      if (!ignored.some((c) => norm(c.zh) === h || norm(c.en) === h)) problems.add(1, header, 'UNKNOWN_COLUMN', header);
      return;
    }
    if (index.has(column.key)) return problems.add(1, header, 'DUPLICATE_COLUMN', header);
    index.set(column.key, i);
  });
  for (const c of columns)
    if (c.required && !index.has(c.key)) problems.add(1, headerOf(c, lang), 'MISSING_COLUMN', headerOf(c, lang));
  return index;
}

export const headerOf = (c: ImportColumn, lang: Lang) => (lang === 'en' ? c.en : c.zh);

const shown = (cell: RawCell) =>
  cell.t === 'text' || cell.t === 'formula' || cell.t === 'error'
    ? cell.s
    : cell.t === 'number'
      ? String(cell.n)
      : cell.t === 'date'
        ? cell.iso
        : '';

/** Reads one row's cells by column key, reporting each bad cell under its header. */
export function rowReader(
  row: { row: number; cells: RawCell[] },
  index: Map<string, number>,
  columns: ImportColumn[],
  lang: Lang,
  problems: Problems,
) {
  const header = (key: string) =>
    headerOf(
      columns.find((c) => c.key === key)!,
      lang,
    );
  const raw = (key: string): RawCell | undefined => {
    const i = index.get(key);
    return i === undefined ? undefined : (row.cells[i] ?? { t: 'empty' });
  };
  const refuse = (key: string, code: string, v = '', d = '') => {
    problems.add(row.row, header(key), code, v, d);
    return undefined;
  };
  /** undefined: the column is absent, or the cell was refused; null: the cell is empty. */
  const value = (key: string): RawCell | null | undefined => {
    const cell = raw(key);
    if (!cell) return undefined;
    if (cell.t === 'formula') return refuse(key, 'FORMULA', cell.s);
    if (cell.t === 'error') return refuse(key, 'CELL_ERROR', cell.s);
    if (cell.t === 'empty') {
      if (columns.find((c) => c.key === key)!.required) return refuse(key, 'REQUIRED');
      return null;
    }
    return cell;
  };
  return {
    has: (key: string) => index.has(key),
    refuse,
    text(key: string): string | null | undefined {
      const cell = value(key);
      return cell ? shown(cell).trim() : cell;
    },
    /** A code: text, or a whole number a spreadsheet turned a code like 653125 into. */
    code(key: string): string | null | undefined {
      const cell = value(key);
      if (!cell) return cell;
      if (cell.t === 'number' && Number.isInteger(cell.n)) return String(cell.n);
      return shown(cell).trim();
    },
    date(key: string): string | null | undefined {
      const cell = value(key);
      if (!cell) return cell;
      if (cell.t === 'date') return cell.iso;
      const text = shown(cell).trim().replace(/[/.]/g, '-');
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
      const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
      const d = new Date(`${iso}T00:00:00Z`);
      if (cell.t !== 'text' || !m || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(iso))
        return refuse(key, 'BAD_DATE', shown(cell));
      return iso;
    },
    money(key: string): number | null | undefined {
      const cell = value(key);
      if (!cell) return cell;
      if (cell.t === 'date') return refuse(key, 'NOT_A_NUMBER', cell.iso);
      const parsed = yuanToFen(cell.t === 'number' ? cell.n : shown(cell));
      if ('problem' in parsed) return refuse(key, parsed.problem, shown(cell));
      return parsed.fen;
    },
    percent(key: string): number | null | undefined {
      const cell = value(key);
      if (!cell) return cell;
      const n = cell.t === 'number' ? cell.n : Number(shown(cell).replace(/%$/, ''));
      if (cell.t === 'date' || !Number.isInteger(n) || n < 0 || n > 100) return refuse(key, 'BAD_PERCENT', shown(cell));
      return n;
    },
  };
}
