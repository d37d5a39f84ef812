import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { agreementsPermissions, agreementsResolvers } from '../modules/agreements/agreements.resolvers';
import { agreementsTypeDefs } from '../modules/agreements/agreements.schema';
import { analyticsPermissions, analyticsResolvers } from '../modules/analytics/analytics.resolvers';
import { analyticsTypeDefs } from '../modules/analytics/analytics.schema';
import { regionsPermissions, regionsResolvers } from '../modules/regions/regions.resolvers';
import { regionsTypeDefs } from '../modules/regions/regions.schema';
import { usersPermissions, usersResolvers } from '../modules/users/users.resolvers';
import { usersTypeDefs } from '../modules/users/users.schema';
import { auditPermissions, auditResolvers } from '../modules/audit/audit.resolvers';
import { auditTypeDefs } from '../modules/audit/audit.schema';
import { documentsPermissions, documentsResolvers } from '../modules/documents/documents.resolvers';
import { documentsTypeDefs } from '../modules/documents/documents.schema';
import { fundPermissions, fundResolvers } from '../modules/fund/fund.resolvers';
import { fundTypeDefs } from '../modules/fund/fund.schema';
import { milestonesPermissions, milestonesResolvers } from '../modules/milestones/milestones.resolvers';
import { milestonesTypeDefs } from '../modules/milestones/milestones.schema';
import { contactsPermissions, contactsResolvers } from '../modules/contacts/contacts.resolvers';
import { contactsTypeDefs } from '../modules/contacts/contacts.schema';
import { liaisonPermissions, liaisonResolvers } from '../modules/liaison/liaison.resolvers';
import { liaisonTypeDefs } from '../modules/liaison/liaison.schema';
import { myWorkPermissions, myWorkResolvers } from '../modules/mywork/mywork.resolvers';
import { myWorkTypeDefs } from '../modules/mywork/mywork.schema';
import { projectsPermissions, projectsResolvers } from '../modules/projects/projects.resolvers';
import { projectsTypeDefs } from '../modules/projects/projects.schema';
import { pageInfoTypeDefs } from './pagination';
import { applyPermissions, type PermissionMap } from './permissions';
import { scalarResolvers, scalarTypeDefs } from './scalars';

const modules = [
  { typeDefs: scalarTypeDefs + pageInfoTypeDefs, resolvers: scalarResolvers, permissions: {} },
  { typeDefs: usersTypeDefs, resolvers: usersResolvers, permissions: usersPermissions },
  { typeDefs: regionsTypeDefs, resolvers: regionsResolvers, permissions: regionsPermissions },
  { typeDefs: projectsTypeDefs, resolvers: projectsResolvers, permissions: projectsPermissions },
  { typeDefs: milestonesTypeDefs, resolvers: milestonesResolvers, permissions: milestonesPermissions },
  { typeDefs: contactsTypeDefs, resolvers: contactsResolvers, permissions: contactsPermissions },
  { typeDefs: liaisonTypeDefs, resolvers: liaisonResolvers, permissions: liaisonPermissions },
  { typeDefs: myWorkTypeDefs, resolvers: myWorkResolvers, permissions: myWorkPermissions },
  { typeDefs: agreementsTypeDefs, resolvers: agreementsResolvers, permissions: agreementsPermissions },
  { typeDefs: documentsTypeDefs, resolvers: documentsResolvers, permissions: documentsPermissions },
  { typeDefs: auditTypeDefs, resolvers: auditResolvers, permissions: auditPermissions },
  { typeDefs: fundTypeDefs, resolvers: fundResolvers, permissions: fundPermissions },
  { typeDefs: analyticsTypeDefs, resolvers: analyticsResolvers, permissions: analyticsPermissions },
];

function mergePermissions(maps: PermissionMap[]): PermissionMap {
  const merged: PermissionMap = { Query: {}, Mutation: {} };
  for (const map of maps) {
    Object.assign(merged.Query!, map.Query);
    Object.assign(merged.Mutation!, map.Mutation);
  }
  return merged;
}

export const permissionMap = mergePermissions(modules.map((m) => m.permissions));

export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: modules.map((m) => m.typeDefs),
    resolvers: modules.map((m) => m.resolvers),
  });
  return applyPermissions(schema, permissionMap);
}
