// The one report shape of every import (Excel, CSV, IATI), for its dry run and its apply.

export const IMPORT_KINDS = ['projects', 'milestones', 'iati'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_MODES = ['dry-run', 'apply'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** One refused cell or row. `row` is the spreadsheet row number (header = 1) or the activity's position. */
export type ImportProblem = {
  row: number;
  /** Column header (or IATI element path) the problem is in, when it is about one. */
  column?: string;
  /** Stable machine code, e.g. BAD_DATE, UNKNOWN_REGION. */
  code: string;
  /** Human message in the request's language, naming the value and what is expected. */
  message: string;
};

/** Something in the file that has no place in the project records (IATI mostly). */
export type ImportUnmapped = { row: number; path: string; note: string };

export type ImportReport = {
  kind: ImportKind;
  mode: ImportMode;
  /** Data rows (or activities) read. */
  rows: number;
  created: number;
  updated: number;
  /** Matched by code and already equal: re-importing a file changes nothing twice. */
  unchanged: number;
  refused: number;
  problems: ImportProblem[];
  unmapped: ImportUnmapped[];
  /** True when nothing was written (a dry run, or an apply refused as a whole). */
  dryRun: boolean;
};
