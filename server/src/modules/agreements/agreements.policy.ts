import type { Role } from '@pat/shared';
import type { CurrentUser } from '../../graphql/context';
import { inScope } from '../projects/projects.policy';

/** The roles that create, update and archive agreements and their commitments (docs/permissions.md). */
export const AGREEMENT_WRITERS: readonly Role[] = ['admin', 'manager', 'coordinator'];

export const canWriteAgreements = (user: CurrentUser): boolean => AGREEMENT_WRITERS.includes(user.role);

/** A scoped user reads an agreement (and its commitments) when it concerns a region in their scope. */
export const canReadAgreement = (user: CurrentUser, record: { regionPaths: string[] }): boolean =>
  inScope(user, { regionPath: record.regionPaths });

/**
 * A writer may change an agreement only when every region it concerns is within their scope.
 * `regionTrails` holds, per region, the region's ancestors and itself.
 */
export const canWriteAgreement = (user: CurrentUser, regionTrails: string[][]): boolean =>
  canWriteAgreements(user) && regionTrails.every((regionPath) => inScope(user, { regionPath }));
