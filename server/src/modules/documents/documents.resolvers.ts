import { Types } from 'mongoose';
import type { Context } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors';
import { isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { recordAudit } from '../audit/audit.service';
import { DocumentModel } from './document.model';
import { resolveTarget } from './document-targets';

type Row = Record<string, unknown> & { _id: Types.ObjectId; version: number; recordKind: string; recordId: string };

export const documentsResolvers = {
  Document: {
    id: (d: Row) => String(d._id),
    uploadedBy: (d: Row, _: unknown, ctx: Context) => ctx.loaders.userById.load(String(d.uploadedBy)),
    uploadedAt: (d: Row) => (d.uploadedAt as Date).toISOString(),
    url: (d: Row) => `/api/documents/${String(d._id)}`,
  },
  Project: {
    documents: (p: { _id: Types.ObjectId }, _: unknown, ctx: Context) =>
      ctx.loaders.documentsByRecord.load(`PROJECT:${String(p._id)}`),
  },
  // A milestone is read only through its project, so the project's read check already applied.
  Milestone: {
    documents: (m: { _id: Types.ObjectId }, _: unknown, ctx: Context) =>
      ctx.loaders.documentsByRecord.load(`MILESTONE:${String(m._id)}`),
  },
  Query: {
    documents: async (_: unknown, a: { recordKind: string; recordId: string }, ctx: Context) => {
      await resolveTarget(ctx.user!, a.recordKind, a.recordId);
      return ctx.loaders.documentsByRecord.load(`${a.recordKind}:${a.recordId}`);
    },
  },
  Mutation: {
    archiveDocument: async (_: unknown, a: { id: string; version: number }, ctx: Context) => {
      if (!Types.ObjectId.isValid(a.id)) throw badInput('id', 'is not a valid id');
      const before = (await DocumentModel.collection.findOne({
        _id: new Types.ObjectId(a.id),
        archived: false,
      })) as Row | null;
      if (!before) throw notFound('Document', a.id);
      const target = await resolveTarget(ctx.user!, before.recordKind, before.recordId).catch(() => {
        throw notFound('Document', a.id);
      });
      if (!target.canAttach) throw forbidden('You may not remove documents from this record.');
      const after = await DocumentModel.collection.findOneAndUpdate(
        { _id: before._id, version: a.version },
        { $set: { archived: true, updatedAt: new Date() }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      );
      if (!after)
        throw conflict('This document was changed by someone else; reload and try again.', {
          currentVersion: before.version,
        });
      await recordAudit(ctx, { action: 'archive', kind: 'Document', recordId: a.id, before, after });
      return after;
    },
  },
};

// Record-level rules (read the record, attach to it) are checked through the document's target.
export const documentsPermissions: PermissionMap = {
  Query: { documents: isAuthenticated },
  Mutation: { archiveDocument: isAuthenticated },
};
