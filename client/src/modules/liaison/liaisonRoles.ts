import type { ApiRole } from '../../app/roles';

// docs/permissions.md: contacts, liaison activities, agreements and commitments are written by these.
export const LIAISON_WRITERS: readonly ApiRole[] = ['ADMIN', 'MANAGER', 'COORDINATOR'];

export const canWriteLiaison = (role: ApiRole): boolean => LIAISON_WRITERS.includes(role);
