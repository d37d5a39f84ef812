import crypto from 'node:crypto';
import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import mongoose, { Types } from 'mongoose';
import type { Config } from '../../config/config';
import type { CurrentUser } from '../../graphql/context';
import { recordAudit } from '../audit/audit.service';
import { SESSION_COOKIE, userForSession } from '../users/auth.service';
import { DocumentModel, type DocumentRecordKind } from './document.model';
import { resolveTarget } from './document-targets';
import { detectType, sanitizeFilename } from './file-types';

export const bucket = () => new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: 'documents' });

export type Problem = { status: number; code: string; message: string; field?: string };
export const fail = (res: Response, p: Problem) =>
  res.status(p.status).json({ error: { code: p.code, message: p.message, ...(p.field ? { field: p.field } : {}) } });
export const problemOf = (error: unknown): Problem | undefined => {
  const ext = (error as { extensions?: { code?: string; field?: string } }).extensions;
  if (!ext?.code) return undefined;
  const status = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, UNAUTHENTICATED: 401 }[ext.code] ?? 500;
  return { status, code: ext.code, message: (error as Error).message, field: ext.field };
};

export async function currentUser(req: Request): Promise<CurrentUser | null> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof token === 'string' ? ((await userForSession(token))?.user ?? null) : null;
}

const HEAD_BYTES = 16;

/**
 * POST /api/documents (multipart: recordKind, recordId, title?, then file) and
 * GET /api/documents/:id (download for users who may read the record).
 */
export function documentsRouter(config: Config): Router {
  const router = express.Router();
  const maxBytes = config.UPLOAD_MAX_MB * 1024 * 1024;

  router.post('/', async (req, res) => {
    // A custom header cannot be sent cross-site without a CORS preflight: the CSRF guard for uploads.
    if (req.get('x-pat-upload') !== '1')
      return fail(res, { status: 400, code: 'BAD_REQUEST', message: 'missing the x-pat-upload: 1 header' });
    const user = await currentUser(req);
    if (!user) return fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' });
    if (!req.is('multipart/form-data'))
      return fail(res, {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'file',
        message: 'send the file as multipart/form-data',
      });

    const fields: Record<string, string> = {};
    let handled = false;
    const finish = (fn: () => unknown) => {
      if (handled) return;
      handled = true;
      fn();
    };
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 2000 },
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    let fileSeen = false;
    parser.on('file', (_name, stream, info) => {
      fileSeen = true;
      void (async () => {
        try {
          const target = await resolveTarget(user, fields.recordKind ?? '', fields.recordId ?? '');
          if (!target.canAttach)
            throw Object.assign(new Error('You may not attach documents to this record.'), {
              extensions: { code: 'FORBIDDEN' },
            });
          const filename = sanitizeFilename(info.filename ?? '');
          const title = (fields.title ?? '').trim().slice(0, 200) || filename;
          const upload = await storeStream(stream, filename, maxBytes);
          if ('problem' in upload) return finish(() => fail(res, upload.problem));
          const doc = await DocumentModel.create({
            recordKind: fields.recordKind as DocumentRecordKind,
            recordId: fields.recordId,
            regionPath: target.regionPath,
            title,
            filename,
            contentType: upload.mime,
            size: upload.size,
            sha256: upload.sha256,
            fileId: upload.fileId,
            uploadedBy: new Types.ObjectId(user.id),
            uploadedAt: new Date(),
          });
          const row = doc.toObject();
          await recordAudit({ user, requestId: String(req.id) } as Parameters<typeof recordAudit>[0], {
            action: 'upload',
            kind: 'Document',
            recordId: String(row._id),
            before: null,
            after: row,
          });
          finish(() =>
            res.status(201).json({
              document: { id: String(row._id), filename, title, contentType: upload.mime, size: upload.size },
            }),
          );
        } catch (error) {
          stream.resume();
          const p = problemOf(error);
          if (p) return finish(() => fail(res, p));
          req.log.error({ err: error }, 'upload failed');
          finish(() =>
            fail(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'The upload failed; please try again.' }),
          );
        }
      })();
    });
    parser.on('close', () => {
      if (!fileSeen)
        finish(() => fail(res, { status: 400, code: 'BAD_USER_INPUT', field: 'file', message: 'no file was sent' }));
    });
    parser.on('error', () =>
      finish(() =>
        fail(res, {
          status: 400,
          code: 'BAD_USER_INPUT',
          field: 'file',
          message: 'the upload is not valid multipart data',
        }),
      ),
    );
    req.pipe(parser);
  });

  router.get('/:id', async (req, res) => {
    const user = await currentUser(req);
    if (!user) return fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' });
    const id = req.params.id;
    const doc = Types.ObjectId.isValid(id) ? await DocumentModel.findOne({ _id: id, archived: false }).lean() : null;
    const notFoundProblem = { status: 404, code: 'NOT_FOUND', message: `Document ${id} was not found.` };
    if (!doc) return fail(res, notFoundProblem);
    try {
      const target = await resolveTarget(user, doc.recordKind, doc.recordId);
      if (!target.canRead) return fail(res, notFoundProblem);
    } catch {
      return fail(res, notFoundProblem);
    }
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Length', String(doc.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    bucket()
      .openDownloadStream(doc.fileId)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  return router;
}

type Stored = { fileId: Types.ObjectId; size: number; sha256: string; mime: string } | { problem: Problem };

/** Streams the file into GridFS, checking its type from the first bytes and its size as it goes. */
function storeStream(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  filename: string,
  maxBytes: number,
): Promise<Stored> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    let head = Buffer.alloc(0);
    let size = 0;
    let upload: ReturnType<ReturnType<typeof bucket>['openUploadStream']> | undefined;
    let mime = '';
    let aborted = false;
    const abort = async (problem: Problem) => {
      aborted = true;
      stream.resume();
      // Nothing half-written stays behind: the chunks written so far are removed.
      if (upload) {
        await upload.abort().catch(() => {});
        await mongoose.connection.db!.collection('documents.chunks').deleteMany({ files_id: upload.id });
      }
      resolve({ problem });
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
      if (!upload) {
        head = Buffer.concat([head, chunk]);
        if (head.length < HEAD_BYTES) return;
        const type = detectType(filename, head);
        if ('problem' in type) {
          stream.removeAllListeners('data');
          void abort({ status: 400, code: 'BAD_USER_INPUT', field: 'file', message: `${filename}: ${type.problem}` });
          return;
        }
        mime = type.mime;
        upload = bucket().openUploadStream(filename, { metadata: { contentType: mime } });
        upload.write(head);
        return;
      }
      if (!upload.write(chunk)) {
        stream.pause();
        upload.once('drain', () => stream.resume());
      }
    });
    stream.on('limit', () => {
      stream.removeAllListeners('data');
      void abort({
        status: 413,
        code: 'BAD_USER_INPUT',
        field: 'file',
        message: `${filename} is larger than the ${maxBytes / 1024 / 1024} MB limit`,
      });
    });
    stream.on('end', () => {
      if (aborted) return;
      if (!upload) {
        // Ended before HEAD_BYTES arrived: a tiny (or empty) file, checked with what there is.
        const type = size > 0 ? detectType(filename, head) : { problem: 'the file is empty' };
        if ('problem' in type)
          return void abort({
            status: 400,
            code: 'BAD_USER_INPUT',
            field: 'file',
            message: `${filename}: ${type.problem}`,
          });
        mime = type.mime;
        upload = bucket().openUploadStream(filename, { metadata: { contentType: mime } });
        upload.write(head);
      }
      const done = upload;
      done.end(() => resolve({ fileId: done.id as Types.ObjectId, size, sha256: hash.digest('hex'), mime }));
    });
    stream.on('error', reject);
  });
}
