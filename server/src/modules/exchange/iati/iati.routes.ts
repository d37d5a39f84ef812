// GET /api/export/iati.xml (the project list's filter, or chosen ids, as one IATI 2.03 document) and
// POST /api/import/iati?mode=dry-run|apply (multipart, like document uploads).
import { IMPORT_MODES, type ImportMode } from '@pat/shared';
import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../../../config/config';
import type { Context, CurrentUser } from '../../../graphql/context';
import { createLoaders } from '../../../graphql/loaders';
import { SESSION_COOKIE, userForSession } from '../../users/auth.service';
import type { ProjectFilter } from '../../projects/projects.service';
import { buildIatiXml } from './iati.export';
import { IatiFileRefused, importIati, type Lang } from './iati.import';

type Problem = { status: number; code: string; message: string; field?: string };
const fail = (res: Response, p: Problem) =>
  res.status(p.status).json({ error: { code: p.code, message: p.message, ...(p.field ? { field: p.field } : {}) } });
const problemOf = (error: unknown): Problem | undefined => {
  const ext = (error as { extensions?: { code?: string; field?: string } }).extensions;
  if (!ext?.code) return undefined;
  const status = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, UNAUTHENTICATED: 401 }[ext.code] ?? 500;
  return { status, code: ext.code, message: (error as Error).message, field: ext.field };
};

async function currentUser(req: Request): Promise<CurrentUser | null> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof token === 'string' ? ((await userForSession(token))?.user ?? null) : null;
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) ? one(v[0]) : undefined);

/** The GraphQL `projects` filter, read from query parameters of the same names. */
export function filterFromQuery(q: Request['query']): ProjectFilter {
  const bool = (v: unknown) => one(v) === 'true' || one(v) === '1';
  const year = one(q.year);
  const int = (v: unknown) => (one(v) ? Number(one(v)) : null);
  return {
    regionCode: one(q.regionCode) || null,
    sector: one(q.sector) || null,
    status: one(q.status) || null,
    year: year ? Number(year) : null,
    officerId: one(q.officerId) || null,
    implementingUnit: one(q.implementingUnit) || null,
    overdueOnly: bool(q.overdueOnly),
    risk: one(q.risk) || null,
    search: one(q.search) || null,
    progressMin: int(q.progressMin),
    progressMax: int(q.progressMax),
    includeArchived: bool(q.includeArchived),
  };
}

const idsFromQuery = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v])
    .filter((x): x is string => typeof x === 'string')
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);

const langOf = (req: Request): Lang =>
  one(req.query.lang) === 'en' || (!req.query.lang && /^en\b/i.test(req.get('accept-language') ?? '')) ? 'en' : 'zh';

export function iatiRouter(config: Config): Router {
  const router = express.Router();
  const maxBytes = config.UPLOAD_MAX_MB * 1024 * 1024;

  router.get('/export/iati.xml', async (req, res) => {
    const user = await currentUser(req);
    if (!user) return fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' });
    try {
      const baseUrl = (config.IATI_PUBLIC_URL ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(
        /\/+$/,
        '',
      );
      const ids = idsFromQuery(req.query.ids);
      const { xml, count } = await buildIatiXml(user, config, { ids, filter: filterFromQuery(req.query), baseUrl });
      const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      res.setHeader('Content-Type', 'application/xml; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="iati-activities-${day}.xml"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Iati-Activities', String(count));
      res.send(xml);
    } catch (error) {
      const p = problemOf(error);
      if (p) return fail(res, p);
      req.log.error({ err: error }, 'IATI export failed');
      fail(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'The export failed; please try again.' });
    }
  });

  router.post('/import/iati', async (req, res) => {
    // A custom header cannot be sent cross-site without a CORS preflight: the CSRF guard for uploads.
    if (req.get('x-pat-upload') !== '1')
      return fail(res, { status: 400, code: 'BAD_REQUEST', message: 'missing the x-pat-upload: 1 header' });
    const user = await currentUser(req);
    if (!user) return fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' });
    if (!['admin', 'manager', 'officer'].includes(user.role))
      return fail(res, {
        status: 403,
        code: 'FORBIDDEN',
        message: 'Only officers, managers and admins import projects.',
      });
    const mode = (one(req.query.mode) ?? 'dry-run') as ImportMode;
    if (!IMPORT_MODES.includes(mode))
      return fail(res, {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'mode',
        message: 'mode must be dry-run or apply',
      });
    if (!req.is('multipart/form-data'))
      return fail(res, {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'file',
        message: 'send the file as multipart/form-data',
      });

    const file = await readUpload(req, maxBytes);
    if ('problem' in file) return fail(res, file.problem);
    const ctx = {
      config,
      log: req.log,
      requestId: String(req.id),
      req,
      res,
      user,
      sessionTokenHash: null,
      loaders: createLoaders(),
    } as Context;
    try {
      const report = await importIati(ctx, file.data, {
        mode,
        fallbackRegion: one(req.query.region) || file.fields.region || null,
        lang: langOf(req),
      });
      res.json(report);
    } catch (error) {
      if (error instanceof IatiFileRefused)
        return fail(res, {
          status: error.code === 'FORBIDDEN' ? 403 : error.code === 'XML_TOO_LARGE' ? 413 : 400,
          code: error.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'BAD_USER_INPUT',
          field: 'file',
          message: error.message,
        });
      const p = problemOf(error);
      if (p) return fail(res, p);
      req.log.error({ err: error }, 'IATI import failed');
      fail(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'The import failed; please try again.' });
    }
  });

  return router;
}

type Upload = { data: Buffer; fields: Record<string, string> } | { problem: Problem };

/** Reads the one file of a multipart request into memory, refusing it past `maxBytes`. */
function readUpload(req: Request, maxBytes: number): Promise<Upload> {
  return new Promise((resolve) => {
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let seen = false;
    let done = false;
    const finish = (u: Upload) => {
      if (done) return;
      done = true;
      resolve(u);
    };
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 2000 },
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_name, stream) => {
      seen = true;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        stream.resume();
        finish({
          problem: {
            status: 413,
            code: 'BAD_USER_INPUT',
            field: 'file',
            message: `the file is larger than the ${maxBytes / 1024 / 1024} MB limit`,
          },
        });
      });
    });
    parser.on('close', () => {
      if (!seen)
        return finish({ problem: { status: 400, code: 'BAD_USER_INPUT', field: 'file', message: 'no file was sent' } });
      const data = Buffer.concat(chunks);
      if (data.length === 0)
        return finish({
          problem: { status: 400, code: 'BAD_USER_INPUT', field: 'file', message: 'the file is empty' },
        });
      finish({ data, fields });
    });
    parser.on('error', () =>
      finish({
        problem: {
          status: 400,
          code: 'BAD_USER_INPUT',
          field: 'file',
          message: 'the upload is not valid multipart data',
        },
      }),
    );
    req.pipe(parser);
  });
}
