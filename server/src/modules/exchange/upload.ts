// Reads one uploaded file of a multipart request into memory, within the upload size limit.
import busboy from 'busboy';
import type { Request } from 'express';
import { sanitizeFilename } from '../documents/file-types';

export type Upload =
  { filename: string; content: Buffer } | { problem: 'NO_FILE' | 'FILE_TOO_LARGE' | 'BAD_MULTIPART' };

export function readUpload(req: Request, maxBytes: number): Promise<Upload> {
  return new Promise((resolve) => {
    let result: Upload | undefined;
    const finish = (u: Upload) => {
      result ??= u;
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, files: 1, fields: 5 },
      });
    } catch {
      return resolve({ problem: 'BAD_MULTIPART' });
    }
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        finish({ problem: 'FILE_TOO_LARGE' });
        stream.resume();
      });
      stream.on('end', () =>
        finish({ filename: sanitizeFilename(info.filename ?? ''), content: Buffer.concat(chunks) }),
      );
    });
    parser.on('close', () => resolve(result ?? { problem: 'NO_FILE' }));
    parser.on('error', () => resolve({ problem: 'BAD_MULTIPART' }));
    req.pipe(parser);
  });
}
