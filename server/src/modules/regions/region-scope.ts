import type { CurrentUser } from '../../graphql/context';

/**
 * The filter that limits a query to the user's region scope. `field` holds a region code on the
 * record; `ancestorsField`, when the record stores its region's ancestors, lets a scope on a
 * province reach records in its counties.
 */
export function regionScopeFilter(
  user: CurrentUser | null,
  field: string,
  ancestorsField = field === 'code' ? 'ancestors' : undefined,
): Record<string, unknown> {
  if (!user || user.regionScope.length === 0) return {};
  const scope = user.regionScope;
  const ors: Record<string, unknown>[] = [{ [field]: { $in: scope } }];
  if (ancestorsField) ors.push({ [ancestorsField]: { $in: scope } });
  return { $or: ors };
}
