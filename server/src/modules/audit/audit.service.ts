import type { Context } from '../../graphql/context';
import { AuditEntryModel } from './audit.model';

export type AuditKind =
  | 'Region'
  | 'Project'
  | 'Milestone'
  | 'Agreement'
  | 'Commitment'
  | 'LiaisonActivity'
  | 'Contact'
  | 'Document'
  | 'User'
  | 'FollowUp'
  | 'FundYear'
  | 'Allocation'
  | 'Disbursement'
  | 'LedgerEntry';

type Plain = Record<string, unknown>;
const IGNORED = new Set(['_id', 'version', 'createdAt', 'updatedAt', 'search', '__v']);

const normalise = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'toHexString' in value) return String(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Plain).map(([k, v]) => [k, normalise(v)]));
  }
  return value ?? null;
};

/** Field-level differences between two versions of a record (top-level fields). */
export function diff(before: Plain | null, after: Plain | null) {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const field of [...fields].sort()) {
    if (IGNORED.has(field)) continue;
    const b = normalise(before?.[field]);
    const a = normalise(after?.[field]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** Adds the audit entry of a successful write, in the same request. */
export async function recordAudit(
  ctx: Context,
  entry: { action: string; kind: AuditKind; recordId: string; before: Plain | null; after: Plain | null },
): Promise<void> {
  if (!ctx.user) throw new Error('audit needs a signed-in actor');
  await AuditEntryModel.create({
    at: new Date(),
    actorId: ctx.user.id,
    actorName: ctx.user.username,
    action: entry.action,
    kind: entry.kind,
    recordId: entry.recordId,
    changes: diff(entry.before, entry.after),
    requestId: ctx.requestId,
  });
}
