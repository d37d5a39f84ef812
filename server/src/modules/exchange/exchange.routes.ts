// REST endpoints of the Excel/CSV exchange (files do not travel well through GraphQL):
//   GET  /api/export/:kind?format=xlsx|csv&lang=zh-CN|en&<list filters>
//   GET  /api/import/:kind/template?format=xlsx|csv&lang=..
//   POST /api/import/:kind?mode=dry-run|apply&lang=..   (multipart, one file; answers 202 with the job)
//   GET  /api/import/jobs/:id                           (progress and report, for the job's owner)
import crypto from 'node:crypto';
import { IMPORT_MODES, officeDate, type ImportMode } from '@pat/shared';
import express, { type Request, type Response, type Router } from 'express';
import { Types } from 'mongoose';
import type { Config } from '../../config/config';
import type { Context, CurrentUser } from '../../graphql/context';
import { createLoaders } from '../../graphql/loaders';
import { currentUser, fail, problemOf } from '../documents/documents.routes';
import { canCreateProject } from '../projects/projects.policy';
import { RegionModel } from '../regions/region.model';
import { EXPORT_KINDS, EXPORT_SPECS, exportRows, parseFilter, type ExportKind } from './export-kinds';
import { FORMATS, writeCsv, writeXlsx, type Format } from './export-writers';
import { ImportJobModel } from './import-job.model';
import { runImport, STALE_AFTER_MS, type TabularKind } from './import.service';
import { langOf, type Lang } from './labels';
import { problemMessage } from './problems';
import { readTable } from './read-table';
import { templateCsv, templateXlsx } from './template';
import { readUpload } from './upload';

const KIND_NAMES: Record<ExportKind, { zh: string; en: string }> = {
  projects: { zh: '项目', en: 'projects' },
  milestones: { zh: '里程碑', en: 'milestones' },
  ledger: { zh: '专项资金台账', en: 'fund-ledger' },
  liaison: { zh: '联络活动', en: 'liaison-activities' },
  agreements: { zh: '协议', en: 'agreements' },
  commitments: { zh: '协议承诺', en: 'commitments' },
};
const TABULAR_KINDS: TabularKind[] = ['projects', 'milestones'];
const MIME: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Every role reads every list (region scope applies inside the filters); import needs a project writer. */
const mayExport = (user: CurrentUser) => ['admin', 'manager', 'officer', 'coordinator', 'viewer'].includes(user.role);
const mayImport = (user: CurrentUser) => canCreateProject(user);

function attachment(res: Response, name: string, ascii: string) {
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('Cache-Control', 'private, no-store');
}

const formatOf = (value: unknown): Format | null =>
  value === undefined ? 'xlsx' : FORMATS.includes(value as Format) ? (value as Format) : null;

async function signedIn(req: Request, res: Response): Promise<CurrentUser | null> {
  const user = await currentUser(req);
  if (!user) fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first.' });
  return user;
}

export function exchangeRouter(config: Config): Router {
  const router = express.Router();
  const maxBytes = config.UPLOAD_MAX_MB * 1024 * 1024;

  router.get('/export/:kind', async (req, res, next) => {
    const kind = req.params.kind as ExportKind;
    // Other exports (IATI XML) are routers of their own, mounted after this one.
    if (!EXPORT_KINDS.includes(kind)) return next();
    const user = await signedIn(req, res);
    if (!user) return;
    if (!mayExport(user))
      return fail(res, { status: 403, code: 'FORBIDDEN', message: 'You may not export this list.' });
    const format = formatOf(req.query.format);
    if (!format)
      return fail(res, { status: 400, code: 'BAD_USER_INPUT', field: 'format', message: 'format must be xlsx or csv' });
    const lang = langOf(req.query.lang);
    let filter: Record<string, unknown>;
    try {
      filter = parseFilter(kind, req.query as Record<string, unknown>);
      await EXPORT_SPECS[kind].filter(user, filter); // refuses bad filter values before the download starts
    } catch (error) {
      const p = problemOf(error);
      if (p) return fail(res, p);
      throw error;
    }
    const spec = EXPORT_SPECS[kind];
    const day = officeDate();
    attachment(
      res,
      `${KIND_NAMES[kind][lang === 'en' ? 'en' : 'zh']}-${day}.${format}`,
      `${KIND_NAMES[kind].en}-${day}.${format}`,
    );
    res.setHeader('Content-Type', MIME[format]);
    const sheet = {
      name: KIND_NAMES[kind][lang === 'en' ? 'en' : 'zh'],
      headers: spec.columns.map((c) => (lang === 'en' ? c.en : c.zh)),
      types: spec.columns.map((c) => c.type),
    };
    try {
      const rows = exportRows(kind, user, filter, lang);
      await (format === 'xlsx' ? writeXlsx(res, sheet, rows) : writeCsv(res, sheet, rows));
    } catch (error) {
      req.log.error({ err: error }, 'export failed');
      // Headers are gone: cutting the connection tells the browser the download failed.
      res.destroy();
    }
  });

  router.get('/import/:kind/template', async (req, res) => {
    const user = await signedIn(req, res);
    if (!user) return;
    const kind = req.params.kind as TabularKind;
    if (!TABULAR_KINDS.includes(kind))
      return fail(res, { status: 404, code: 'NOT_FOUND', message: `No template for ${kind}.` });
    if (!mayImport(user))
      return fail(res, { status: 403, code: 'FORBIDDEN', message: 'Only officers, managers and admins import.' });
    const format = formatOf(req.query.format);
    if (!format)
      return fail(res, { status: 400, code: 'BAD_USER_INPUT', field: 'format', message: 'format must be xlsx or csv' });
    const lang = langOf(req.query.lang);
    const name = `${KIND_NAMES[kind][lang === 'en' ? 'en' : 'zh']}-${lang === 'en' ? 'template' : '导入模板'}.${format}`;
    attachment(res, name, `${KIND_NAMES[kind].en}-template.${format}`);
    res.setHeader('Content-Type', MIME[format]);
    if (format === 'csv') return res.send(templateCsv(kind, lang));
    res.send(await templateXlsx(kind, lang, await exampleRegion(user)));
  });

  router.get('/import/jobs/:id', async (req, res) => {
    const user = await signedIn(req, res);
    if (!user) return;
    const id = req.params.id;
    const job = Types.ObjectId.isValid(id)
      ? await ImportJobModel.collection.findOne({ _id: new Types.ObjectId(id), userId: new Types.ObjectId(user.id) })
      : null;
    if (!job) return fail(res, { status: 404, code: 'NOT_FOUND', message: `Import job ${id} was not found.` });
    const stale = job.status === 'RUNNING' && Date.now() - new Date(job.heartbeatAt as Date).getTime() > STALE_AFTER_MS;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ job: jobView(job, stale) });
  });

  router.post('/import/:kind', async (req, res, next) => {
    const kind = req.params.kind as TabularKind;
    // IATI files have their own endpoint (server/src/modules/exchange/iati), mounted after this router.
    if (!TABULAR_KINDS.includes(kind)) return next();
    if (req.get('x-pat-upload') !== '1')
      return fail(res, { status: 400, code: 'BAD_REQUEST', message: 'missing the x-pat-upload: 1 header' });
    const user = await signedIn(req, res);
    if (!user) return;
    if (!mayImport(user))
      return fail(res, { status: 403, code: 'FORBIDDEN', message: 'Only officers, managers and admins import.' });
    const mode = (req.query.mode ?? 'dry-run') as ImportMode;
    if (!IMPORT_MODES.includes(mode))
      return fail(res, {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'mode',
        message: 'mode must be dry-run or apply',
      });
    const lang = langOf(req.query.lang);
    if (!req.is('multipart/form-data'))
      return fail(res, {
        status: 400,
        code: 'BAD_USER_INPUT',
        field: 'file',
        message: 'send the file as multipart/form-data',
      });
    const upload = await readUpload(req, maxBytes);
    if ('problem' in upload)
      return refuseFile(
        res,
        lang,
        upload.problem,
        upload.problem === 'FILE_TOO_LARGE' ? String(config.UPLOAD_MAX_MB) : '',
      );
    const table = await readTable(upload.filename, upload.content);
    if ('code' in table) return refuseFile(res, lang, table.code, table.detail);
    const job = await ImportJobModel.create({
      kind,
      mode,
      userId: new Types.ObjectId(user.id),
      filename: upload.filename,
      sha256: crypto.createHash('sha256').update(upload.content).digest('hex'),
      total: table.rows.length,
      heartbeatAt: new Date(),
    });
    const ctx: Context = {
      config,
      log: req.log,
      requestId: String(req.id),
      req,
      res,
      user,
      sessionTokenHash: null,
      loaders: createLoaders(),
    };
    res.status(202).json({ job: jobView(job.toObject(), false) });
    void runImport(ctx, job._id, kind, mode, lang, table)
      .then((report) =>
        ImportJobModel.collection.updateOne(
          { _id: job._id },
          { $set: { status: 'DONE', phase: 'done', report, heartbeatAt: new Date() } },
        ),
      )
      .catch(async (error: unknown) => {
        req.log.error({ err: error }, 'import failed');
        await ImportJobModel.collection.updateOne(
          { _id: job._id },
          { $set: { status: 'FAILED', error: problemMessage('WRITE_FAILED', lang, '', (error as Error).message) } },
        );
      });
  });

  return router;
}

function refuseFile(res: Response, lang: Lang, code: string, detail: string) {
  return fail(res, {
    status: code === 'FILE_TOO_LARGE' ? 413 : 400,
    code: 'BAD_USER_INPUT',
    field: 'file',
    message: problemMessage(
      code === 'NO_FILE' || code === 'BAD_MULTIPART' ? 'BAD_CSV' : code,
      lang,
      '',
      detail || code,
    ),
  });
}

function jobView(job: Record<string, unknown>, stale: boolean) {
  return {
    id: String(job._id),
    kind: job.kind,
    mode: job.mode,
    filename: job.filename,
    status: stale ? 'FAILED' : job.status,
    phase: job.phase,
    processed: job.processed,
    total: job.total,
    report: job.report ?? null,
    error: stale
      ? 'The import stopped (the server restarted); run it again: rows already written are unchanged.'
      : (job.error ?? null),
  };
}

/** A county the user may create projects in, for the template's example row. */
async function exampleRegion(user: CurrentUser): Promise<string> {
  const scope = user.regionScope.length
    ? { $or: [{ code: { $in: user.regionScope } }, { ancestors: { $in: user.regionScope } }] }
    : {};
  const region = await RegionModel.collection.findOne(
    { archived: false, level: 'county', ...scope },
    { sort: { code: 1 } },
  );
  return String(region?.code ?? '653125');
}
