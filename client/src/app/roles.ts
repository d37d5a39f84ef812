import type { Role } from '@pat/shared';

// The API sends the shared roles as upper-case GraphQL enum values.
export type ApiRole = Uppercase<Role>;

// A Record so that a role added in shared/ is a type error here until it is listed.
const ROLE_RANK: Record<ApiRole, number> = { ADMIN: 0, MANAGER: 1, OFFICER: 2, COORDINATOR: 3, VIEWER: 4 };

export const API_ROLES = (Object.keys(ROLE_RANK) as ApiRole[]).sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);

export const isApiRole = (value: unknown): value is ApiRole =>
  typeof value === 'string' && (API_ROLES as readonly string[]).includes(value);
