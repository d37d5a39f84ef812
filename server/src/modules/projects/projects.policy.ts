import type { CurrentUser } from '../../graphql/context';

type ScopedRecord = { regionPath: string[] };
type ProjectLike = ScopedRecord & { officerIds: { toString(): string }[] };

/** A scoped user reaches a record when one of their regions is the record's region or above it. */
export const inScope = (user: CurrentUser, record: ScopedRecord): boolean =>
  user.regionScope.length === 0 || record.regionPath.some((code) => user.regionScope.includes(code));

export const canRead = (user: CurrentUser, record: ScopedRecord) => inScope(user, record);

export const canCreateProject = (user: CurrentUser) => ['admin', 'manager', 'officer'].includes(user.role);

/** Managers and admins edit any project in scope; officers only the projects they are responsible for. */
export function canWriteProject(user: CurrentUser, project: ProjectLike): boolean {
  if (!inScope(user, project)) return false;
  if (user.role === 'admin' || user.role === 'manager') return true;
  return user.role === 'officer' && project.officerIds.some((id) => id.toString() === user.id);
}

export const canReadAudit = (user: CurrentUser) => ['admin', 'manager', 'viewer'].includes(user.role);
