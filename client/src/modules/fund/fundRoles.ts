import type { ApiRole } from '../../app/roles';

// Who may do what with the special fund (docs/permissions.md); the server refuses the rest.
/** Record appropriations, close years, approve or reject, reverse, carry over. */
export const FUND_MANAGERS: readonly ApiRole[] = ['ADMIN', 'MANAGER'];
/** Propose, withdraw and pay: officers only on their own projects (the project's canEdit). */
export const FUND_PROJECT_STAFF: readonly ApiRole[] = ['ADMIN', 'MANAGER', 'OFFICER'];

export const isFundManager = (role: ApiRole) => FUND_MANAGERS.includes(role);
export const isFundProjectStaff = (role: ApiRole) => FUND_PROJECT_STAFF.includes(role);
