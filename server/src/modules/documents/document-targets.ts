import { Types } from 'mongoose';
import type { CurrentUser } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { agreementAccess } from '../agreements/agreements.service';
import { canWriteRegionRecord } from '../regions/region-records';
import { getActivity } from '../liaison/liaison.service';
import { MilestoneModel } from '../milestones/milestone.model';
import { canRead, canWriteProject, inScope } from '../projects/projects.policy';
import { getProject } from '../projects/projects.service';
import { RegionModel } from '../regions/region.model';
import type { DocumentRecordKind } from './document.model';

/** What a document needs to know about the record it is attached to. */
export type DocumentTarget = { regionPath: string[]; canRead: boolean; canAttach: boolean };
type Resolver = (user: CurrentUser, id: string) => Promise<DocumentTarget>;

const coordinatorRoles = ['admin', 'manager', 'coordinator'];

const resolvers: Partial<Record<DocumentRecordKind, Resolver>> = {
  PROJECT: async (user, id) => {
    const project = await getProject(user, id);
    return { regionPath: project.regionPath, canRead: true, canAttach: canWriteProject(user, project) };
  },
  MILESTONE: async (user, id) => {
    if (!Types.ObjectId.isValid(id)) throw badInput('recordId', 'is not a valid id');
    const milestone = await MilestoneModel.collection.findOne({ _id: new Types.ObjectId(id) });
    if (!milestone) throw notFound('Milestone', id);
    const project = await getProject(user, String(milestone.projectId)).catch(() => {
      throw notFound('Milestone', id);
    });
    return { regionPath: project.regionPath, canRead: true, canAttach: canWriteProject(user, project) };
  },
  REGION: async (user, code) => {
    const region = await RegionModel.collection.findOne({ code });
    const regionPath = region ? [...((region.ancestors as string[]) ?? []), code] : [];
    if (!region || !canRead(user, { regionPath })) throw notFound('Region', code);
    return {
      regionPath,
      canRead: true,
      canAttach: coordinatorRoles.includes(user.role) && inScope(user, { regionPath }),
    };
  },
  AGREEMENT: agreementAccess,
  LIAISON_ACTIVITY: async (user, id) => {
    const activity = await getActivity(user, id, 'recordId');
    return { regionPath: activity.regionPath, canRead: true, canAttach: canWriteRegionRecord(user, activity) };
  },
};

/** Other modules register the records they own (agreements, liaison activities). */
export function registerDocumentTarget(kind: DocumentRecordKind, resolve: Resolver): void {
  resolvers[kind] = resolve;
}

export async function resolveTarget(user: CurrentUser, kind: string, id: string): Promise<DocumentTarget> {
  const resolve = resolvers[kind as DocumentRecordKind];
  if (!resolve) throw badInput('recordKind', `documents cannot be attached to ${kind}`);
  return resolve(user, id);
}
