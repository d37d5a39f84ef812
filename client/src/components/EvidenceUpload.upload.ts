// The records documents attach to: the multipart form's recordKind (the GraphQL enum DocumentRecordKind,
// which codegen emits only once an operation uses it).
export type DocumentRecordKind = 'PROJECT' | 'MILESTONE' | 'REGION' | 'AGREEMENT' | 'LIAISON_ACTIVITY';

export type UploadedDocument = { id: string; filename: string; title: string; contentType: string; size: number };

/** Why the server (or the network) refused an upload; `status` 0 means no answer arrived. */
export class UploadRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefusal';
  }
}

export type UploadRequest = {
  recordKind: DocumentRecordKind;
  recordId: string;
  file: File;
  title?: string;
  /** Share of the file sent so far, 0–100. */
  onProgress?: (percent: number) => void;
};

export type UploadHandle = { done: Promise<UploadedDocument>; abort: () => void };

// The server's CSRF guard for uploads (server/src/modules/documents/documents.routes.ts): a custom
// header a cross-site form cannot send.
export const UPLOAD_HEADER = 'x-pat-upload';
export const DOCUMENTS_ENDPOINT = '/api/documents';

type ErrorBody = { error?: { code?: string; message?: string } };

// XMLHttpRequest rather than fetch: only it reports upload progress.
export function uploadDocument({ recordKind, recordId, file, title, onProgress }: UploadRequest): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedDocument>((resolve, reject) => {
    const body = new FormData();
    // The server reads the fields before the file: they go first.
    body.append('recordKind', recordKind);
    body.append('recordId', recordId);
    if (title) body.append('title', title);
    body.append('file', file, file.name);

    xhr.open('POST', DOCUMENTS_ENDPOINT);
    xhr.withCredentials = true;
    xhr.setRequestHeader(UPLOAD_HEADER, '1');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let parsed: (ErrorBody & { document?: UploadedDocument }) | undefined;
      try {
        parsed = JSON.parse(xhr.responseText) as ErrorBody & { document?: UploadedDocument };
      } catch {
        parsed = undefined;
      }
      if (xhr.status === 201 && parsed?.document) {
        onProgress?.(100);
        resolve(parsed.document);
        return;
      }
      reject(
        new UploadRefusal(
          xhr.status,
          parsed?.error?.code ?? 'UNKNOWN',
          parsed?.error?.message ?? `The server answered ${xhr.status}.`,
        ),
      );
    };
    xhr.onerror = () => reject(new UploadRefusal(0, 'NETWORK', 'The connection was lost.'));
    xhr.onabort = () => reject(new UploadRefusal(0, 'ABORTED', 'The upload was cancelled.'));
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}
