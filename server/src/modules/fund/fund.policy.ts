import type { CurrentUser } from '../../graphql/context';
import { canWriteProject } from '../projects/projects.policy';

type ProjectLike = { regionPath: string[]; officerIds: { toString(): string }[] };

/** Proposing, withdrawing and paying out: the project's officers, managers and admins (in scope). */
export const canProposeFor = (user: CurrentUser, project: ProjectLike) => canWriteProject(user, project);

/** Appropriations, approvals, rejections and closing a year. */
export const canDecide = (user: CurrentUser) => user.role === 'admin' || user.role === 'manager';

/** Reversals and carry-overs: managers and admins, on projects in their scope. */
export const canReverse = (user: CurrentUser, project: ProjectLike) =>
  canDecide(user) && canWriteProject(user, project);
