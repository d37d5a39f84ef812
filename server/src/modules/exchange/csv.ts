// CSV as Excel opens it: UTF-8 with a byte-order mark (else Chinese shows as mojibake), CRLF rows,
// RFC 4180 quoting, and cells that a spreadsheet would run as a formula defused with an apostrophe.

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when needed; text starting like a formula gets a leading apostrophe. */
export function csvCell(value: string | number | null | undefined, { defuse = true } = {}): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (defuse && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: string[]) => `${cells.join(',')}\r\n`;

/** The apostrophe `csvCell` added in front of a formula-like text is taken off again on import. */
export const undefuse = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

export type CsvParse = { rows: string[][] } | { problem: string };

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; rows end in CRLF or LF. */
export function parseCsv(text: string): CsvParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.startsWith(BOM) ? 1 : 0;
  let quoted = false;
  let line = 1;
  let cellStarted = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cellStarted && cell !== '') return { problem: `line ${line}: a quote in the middle of an unquoted cell` };
      quoted = true;
      cellStarted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      cellStarted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStarted = false;
      line++;
    } else {
      cell += c;
      cellStarted = true;
    }
  }
  if (quoted) return { problem: `line ${line}: a quoted cell is never closed` };
  if (cellStarted || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { rows };
}
