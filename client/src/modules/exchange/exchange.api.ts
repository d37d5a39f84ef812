// The REST side of the exchange (server/src/modules/exchange): downloads, uploads with progress, and
// the import job the page polls.
import type { ImportMode, ImportReport } from '@pat/shared';

export type ExportKind = 'projects' | 'milestones' | 'ledger' | 'liaison' | 'agreements' | 'commitments';
export type TabularImportKind = 'projects' | 'milestones';
export type FileFormat = 'xlsx' | 'csv';
export type ExportFilter = Record<string, string | number | boolean | null | undefined>;

/** The server's CSRF guard for uploads: a custom header a cross-site form cannot send. */
export const UPLOAD_HEADER = 'x-pat-upload';

export type ImportJob = {
  id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  phase: 'checking' | 'writing' | 'done';
  processed: number;
  total: number;
  report: ImportReport | null;
  error: string | null;
};

export class ExchangeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}

export function exportUrl(kind: ExportKind, format: FileFormat, lang: string, filter: ExportFilter): string {
  const params = new URLSearchParams({ format, lang });
  for (const [key, value] of Object.entries(filter))
    if (value !== null && value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  return `/api/export/${kind}?${params.toString()}`;
}

export const templateUrl = (kind: TabularImportKind, format: FileFormat, lang: string) =>
  `/api/import/${kind}/template?format=${format}&lang=${encodeURIComponent(lang)}`;

async function errorOf(res: Response): Promise<ExchangeError> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new ExchangeError(res.status, body?.error?.message ?? res.statusText);
}

/** The file name the server chose (RFC 5987 filename* first). */
export function filenameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Downloads a file, reporting the bytes received as they stream in, and saves it under its name. */
export async function downloadFile(
  url: string,
  fallbackName: string,
  onBytes?: (bytes: number) => void,
): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await errorOf(res);
  const chunks: BlobPart[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onBytes?.(received);
    }
  } else chunks.push(await res.blob());
  const blob = new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filenameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Sends the file (XMLHttpRequest: only it reports upload progress); resolves with the parsed JSON answer. */
export function uploadFile<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader(UPLOAD_HEADER, '1');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      const message = (parsed as { error?: { message?: string } } | null)?.error?.message ?? xhr.statusText;
      reject(new ExchangeError(xhr.status, message || `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new ExchangeError(0, 'network error'));
    xhr.send(body);
  });
}

export const startImport = (
  kind: TabularImportKind,
  mode: ImportMode,
  lang: string,
  file: File,
  onProgress: (percent: number) => void,
) =>
  uploadFile<{ job: ImportJob }>(
    `/api/import/${kind}?mode=${mode}&lang=${encodeURIComponent(lang)}`,
    file,
    onProgress,
  ).then((r) => r.job);

export const importIati = (mode: ImportMode, lang: string, file: File, onProgress: (percent: number) => void) =>
  uploadFile<ImportReport>(`/api/import/iati?mode=${mode}&lang=${encodeURIComponent(lang)}`, file, onProgress);

export async function fetchJob(id: string): Promise<ImportJob> {
  const res = await fetch(`/api/import/jobs/${id}`, { credentials: 'same-origin' });
  if (!res.ok) throw await errorOf(res);
  return ((await res.json()) as { job: ImportJob }).job;
}

/** Polls the job until it finishes, reporting each state on the way. */
export async function waitForJob(id: string, onUpdate: (job: ImportJob) => void, intervalMs = 500): Promise<ImportJob> {
  for (;;) {
    const job = await fetchJob(id);
    onUpdate(job);
    if (job.status !== 'RUNNING') return job;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
