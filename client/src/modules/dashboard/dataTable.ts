// The table behind a chart: what the "table" view shows, and what is copied (TSV) or downloaded (CSV).
export type DataColumn = { key: string; title: string; numeric?: boolean };
export type DataRow = {
  key: string;
  cells: Record<string, string>;
  /** Where the row's drill-down leads (the records behind its numbers). */
  href?: string;
};
export type DataTable = { columns: DataColumn[]; rows: DataRow[] };

const tsvCell = (value: string): string => value.replace(/[\t\r\n]+/g, ' ');

// Quoted when needed (RFC 4180); a leading =, +, - or @ in text is escaped so a spreadsheet does not run it.
function csvCell(value: string, numeric: boolean): string {
  const safe = !numeric && /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Tab-separated, for pasting into Excel; numbers without thousands separators. */
export function toTsv(table: DataTable): string {
  const lines = [table.columns.map((c) => tsvCell(c.title)).join('\t')];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => tsvCell(plain(row.cells[c.key] ?? '', c.numeric))).join('\t'));
  }
  return lines.join('\n');
}

export function toCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => csvCell(c.title, false)).join(',')];
  for (const row of table.rows) {
    lines.push(
      table.columns.map((c) => csvCell(plain(row.cells[c.key] ?? '', c.numeric), Boolean(c.numeric))).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

// "1,234.50" → "1234.50": a spreadsheet reads it as a number in any locale setting.
const plain = (value: string, numeric: boolean | undefined): string => (numeric ? value.replace(/,/g, '') : value);

/** A file name that is safe on every system: "spending-by-region-2025.csv". */
export const csvFileName = (base: string, year: number): string => `${base.replace(/[^a-z0-9-]+/gi, '-')}-${year}.csv`;
