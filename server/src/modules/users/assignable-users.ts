import type { Role } from '@pat/shared';
import type { CurrentUser } from '../../graphql/context';
import { getRegion, pathOf } from '../regions/regions.service';
import { UserModel } from './user.model';

export type UserSummary = { id: string; displayName: string; role: Role };

// Viewers change nothing, so nothing is assigned to them. Coordinators come first: they own most follow-ups.
const ASSIGNABLE_ORDER: Role[] = ['coordinator', 'manager', 'officer', 'admin'];

/**
 * Active users a follow-up (or a project) can be assigned to, as pickers show them: id, name and
 * role only. With a region, only those whose region scope reaches it (else they could not see the
 * record); the region itself must be within the caller's scope (NOT_FOUND otherwise).
 */
export async function assignableUsers(
  caller: CurrentUser,
  filter: { role?: Role | null; regionCode?: string | null },
): Promise<UserSummary[]> {
  const roles = filter.role ? ASSIGNABLE_ORDER.filter((r) => r === filter.role) : ASSIGNABLE_ORDER;
  if (roles.length === 0) return [];
  const path = filter.regionCode ? pathOf(await getRegion(caller, filter.regionCode)) : null;
  const rows = await UserModel.collection
    .find(
      { active: { $ne: false }, role: { $in: roles } },
      { projection: { displayName: 1, username: 1, role: 1, regionScope: 1 } },
    )
    .toArray();
  return rows
    .filter((u) => {
      const scope = (u.regionScope as string[] | undefined) ?? [];
      return !path || scope.length === 0 || path.some((code) => scope.includes(code));
    })
    .map((u) => ({ id: String(u._id), displayName: String(u.displayName || u.username), role: u.role as Role }))
    .sort(
      (a, b) =>
        ASSIGNABLE_ORDER.indexOf(a.role) - ASSIGNABLE_ORDER.indexOf(b.role) ||
        a.displayName.localeCompare(b.displayName, 'zh-CN'),
    );
}
