import { Types } from 'mongoose';
import type { Context } from '../../graphql/context';
import { badInput, forbidden } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { hasRole, type PermissionMap } from '../../graphql/permissions';
import { canReadAudit } from '../projects/projects.policy';
import { AuditEntryModel } from './audit.model';

type Row = Record<string, unknown> & { _id: Types.ObjectId };
type Filter = { kind?: string | null; recordId?: string | null; actorId?: string | null };

function listEntries(filter: Filter, page: PageArgs) {
  const query: Record<string, unknown> = {};
  if (filter.kind) query.kind = filter.kind;
  if (filter.recordId) query.recordId = filter.recordId;
  if (filter.actorId) {
    if (!Types.ObjectId.isValid(filter.actorId)) throw badInput('filter.actorId', 'is not a valid id');
    query.actorId = new Types.ObjectId(filter.actorId);
  }
  return connection<Row>(AuditEntryModel, query, { field: 'at', direction: -1 }, page);
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export const auditResolvers = {
  AuditEntry: {
    id: (e: Row) => String(e._id),
    at: (e: Row) => (e.at as Date).toISOString(),
    actor: (e: Row, _: unknown, ctx: Context) => ctx.loaders.userById.load(String(e.actorId)),
    changes: (e: Row) =>
      ((e.changes as Row[]) ?? []).map((c) => ({ field: c.field, before: json(c.before), after: json(c.after) })),
  },
  Project: {
    history: (p: Row, a: PageArgs, ctx: Context) => {
      if (!ctx.user || !canReadAudit(ctx.user))
        throw forbidden('Audit history is for administrators, managers and viewers.');
      return listEntries({ kind: 'Project', recordId: String(p._id) }, a);
    },
  },
  Query: {
    auditEntries: (_: unknown, a: { filter?: Filter } & PageArgs) => listEntries(a.filter ?? {}, a),
  },
};

export const auditPermissions: PermissionMap = {
  Query: { auditEntries: hasRole('admin', 'manager', 'viewer') },
};
