/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    role\n    regionScope\n  }\n": typeof types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n      expiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query ProjectsList($filter: ProjectFilter, $sort: ProjectSort, $first: Int, $after: String) {\n    projects(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          code\n          name {\n            zh\n            en\n          }\n          region {\n            id\n            code\n            name {\n              zh\n              en\n            }\n          }\n          sector\n          status\n          plannedStart\n          plannedEnd\n          budget {\n            total\n          }\n          progress\n          milestoneSummary {\n            overdue\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectsListDocument,
    "\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      code\n      name {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      region {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      regionAncestors {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      sector\n      dacCode\n      implementingUnit\n      officers {\n        id\n        displayName\n      }\n      agreements {\n        id\n        code\n        title {\n          zh\n          en\n        }\n      }\n      plannedStart\n      plannedEnd\n      actualStart\n      actualEnd\n      budget {\n        specialFund\n        districtBudget\n        donation\n        total\n      }\n      status\n      statusReason\n      allowedNextStatuses\n      risk\n      progress\n      indicators {\n        id\n        name {\n          zh\n          en\n        }\n        unit\n        baseline\n        target\n        actual\n      }\n      milestones {\n        id\n        title {\n          zh\n          en\n        }\n        plannedDate\n        actualDate\n        percentComplete\n        status\n        overdue\n        note\n        loggedBy {\n          id\n          displayName\n        }\n        loggedAt\n      }\n      documents {\n        id\n        title\n        filename\n        url\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedAt\n      }\n      canEdit\n      version\n    }\n  }\n": typeof types.ProjectPageDocument,
    "\n  query ProjectHistory($id: ID!, $first: Int, $after: String) {\n    project(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            at\n            actorName\n            action\n            changes {\n              field\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectHistoryDocument,
    "\n  mutation ChangeProjectStatus($id: ID!, $version: Int!, $status: ProjectStatus!, $reason: String) {\n    changeProjectStatus(id: $id, version: $version, status: $status, reason: $reason) {\n      id\n      status\n      statusReason\n      allowedNextStatuses\n      version\n    }\n  }\n": typeof types.ChangeProjectStatusDocument,
    "\n  mutation LogMilestone($projectId: ID!, $input: MilestoneInput!) {\n    logMilestone(projectId: $projectId, input: $input) {\n      id\n    }\n  }\n": typeof types.LogMilestoneDocument,
    "\n  query Regions {\n    regions {\n      id\n      code\n      parentCode\n      level\n      name {\n        zh\n        en\n      }\n    }\n  }\n": typeof types.RegionsDocument,
};
const documents: Documents = {
    "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    role\n    regionScope\n  }\n": types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n      expiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query ProjectsList($filter: ProjectFilter, $sort: ProjectSort, $first: Int, $after: String) {\n    projects(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          code\n          name {\n            zh\n            en\n          }\n          region {\n            id\n            code\n            name {\n              zh\n              en\n            }\n          }\n          sector\n          status\n          plannedStart\n          plannedEnd\n          budget {\n            total\n          }\n          progress\n          milestoneSummary {\n            overdue\n          }\n        }\n      }\n    }\n  }\n": types.ProjectsListDocument,
    "\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      code\n      name {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      region {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      regionAncestors {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      sector\n      dacCode\n      implementingUnit\n      officers {\n        id\n        displayName\n      }\n      agreements {\n        id\n        code\n        title {\n          zh\n          en\n        }\n      }\n      plannedStart\n      plannedEnd\n      actualStart\n      actualEnd\n      budget {\n        specialFund\n        districtBudget\n        donation\n        total\n      }\n      status\n      statusReason\n      allowedNextStatuses\n      risk\n      progress\n      indicators {\n        id\n        name {\n          zh\n          en\n        }\n        unit\n        baseline\n        target\n        actual\n      }\n      milestones {\n        id\n        title {\n          zh\n          en\n        }\n        plannedDate\n        actualDate\n        percentComplete\n        status\n        overdue\n        note\n        loggedBy {\n          id\n          displayName\n        }\n        loggedAt\n      }\n      documents {\n        id\n        title\n        filename\n        url\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedAt\n      }\n      canEdit\n      version\n    }\n  }\n": types.ProjectPageDocument,
    "\n  query ProjectHistory($id: ID!, $first: Int, $after: String) {\n    project(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            at\n            actorName\n            action\n            changes {\n              field\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProjectHistoryDocument,
    "\n  mutation ChangeProjectStatus($id: ID!, $version: Int!, $status: ProjectStatus!, $reason: String) {\n    changeProjectStatus(id: $id, version: $version, status: $status, reason: $reason) {\n      id\n      status\n      statusReason\n      allowedNextStatuses\n      version\n    }\n  }\n": types.ChangeProjectStatusDocument,
    "\n  mutation LogMilestone($projectId: ID!, $input: MilestoneInput!) {\n    logMilestone(projectId: $projectId, input: $input) {\n      id\n    }\n  }\n": types.LogMilestoneDocument,
    "\n  query Regions {\n    regions {\n      id\n      code\n      parentCode\n      level\n      name {\n        zh\n        en\n      }\n    }\n  }\n": types.RegionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    role\n    regionScope\n  }\n"): (typeof documents)["\n  fragment CurrentUserFields on User {\n    id\n    username\n    displayName\n    role\n    regionScope\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      user {\n        ...CurrentUserFields\n      }\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectsList($filter: ProjectFilter, $sort: ProjectSort, $first: Int, $after: String) {\n    projects(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          code\n          name {\n            zh\n            en\n          }\n          region {\n            id\n            code\n            name {\n              zh\n              en\n            }\n          }\n          sector\n          status\n          plannedStart\n          plannedEnd\n          budget {\n            total\n          }\n          progress\n          milestoneSummary {\n            overdue\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectsList($filter: ProjectFilter, $sort: ProjectSort, $first: Int, $after: String) {\n    projects(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          code\n          name {\n            zh\n            en\n          }\n          region {\n            id\n            code\n            name {\n              zh\n              en\n            }\n          }\n          sector\n          status\n          plannedStart\n          plannedEnd\n          budget {\n            total\n          }\n          progress\n          milestoneSummary {\n            overdue\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      code\n      name {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      region {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      regionAncestors {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      sector\n      dacCode\n      implementingUnit\n      officers {\n        id\n        displayName\n      }\n      agreements {\n        id\n        code\n        title {\n          zh\n          en\n        }\n      }\n      plannedStart\n      plannedEnd\n      actualStart\n      actualEnd\n      budget {\n        specialFund\n        districtBudget\n        donation\n        total\n      }\n      status\n      statusReason\n      allowedNextStatuses\n      risk\n      progress\n      indicators {\n        id\n        name {\n          zh\n          en\n        }\n        unit\n        baseline\n        target\n        actual\n      }\n      milestones {\n        id\n        title {\n          zh\n          en\n        }\n        plannedDate\n        actualDate\n        percentComplete\n        status\n        overdue\n        note\n        loggedBy {\n          id\n          displayName\n        }\n        loggedAt\n      }\n      documents {\n        id\n        title\n        filename\n        url\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedAt\n      }\n      canEdit\n      version\n    }\n  }\n"): (typeof documents)["\n  query ProjectPage($id: ID!) {\n    project(id: $id) {\n      id\n      code\n      name {\n        zh\n        en\n      }\n      description {\n        zh\n        en\n      }\n      region {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      regionAncestors {\n        id\n        code\n        name {\n          zh\n          en\n        }\n      }\n      sector\n      dacCode\n      implementingUnit\n      officers {\n        id\n        displayName\n      }\n      agreements {\n        id\n        code\n        title {\n          zh\n          en\n        }\n      }\n      plannedStart\n      plannedEnd\n      actualStart\n      actualEnd\n      budget {\n        specialFund\n        districtBudget\n        donation\n        total\n      }\n      status\n      statusReason\n      allowedNextStatuses\n      risk\n      progress\n      indicators {\n        id\n        name {\n          zh\n          en\n        }\n        unit\n        baseline\n        target\n        actual\n      }\n      milestones {\n        id\n        title {\n          zh\n          en\n        }\n        plannedDate\n        actualDate\n        percentComplete\n        status\n        overdue\n        note\n        loggedBy {\n          id\n          displayName\n        }\n        loggedAt\n      }\n      documents {\n        id\n        title\n        filename\n        url\n        uploadedBy {\n          id\n          displayName\n        }\n        uploadedAt\n      }\n      canEdit\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectHistory($id: ID!, $first: Int, $after: String) {\n    project(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            at\n            actorName\n            action\n            changes {\n              field\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectHistory($id: ID!, $first: Int, $after: String) {\n    project(id: $id) {\n      id\n      history(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            at\n            actorName\n            action\n            changes {\n              field\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeProjectStatus($id: ID!, $version: Int!, $status: ProjectStatus!, $reason: String) {\n    changeProjectStatus(id: $id, version: $version, status: $status, reason: $reason) {\n      id\n      status\n      statusReason\n      allowedNextStatuses\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeProjectStatus($id: ID!, $version: Int!, $status: ProjectStatus!, $reason: String) {\n    changeProjectStatus(id: $id, version: $version, status: $status, reason: $reason) {\n      id\n      status\n      statusReason\n      allowedNextStatuses\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogMilestone($projectId: ID!, $input: MilestoneInput!) {\n    logMilestone(projectId: $projectId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LogMilestone($projectId: ID!, $input: MilestoneInput!) {\n    logMilestone(projectId: $projectId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions {\n    regions {\n      id\n      code\n      parentCode\n      level\n      name {\n        zh\n        en\n      }\n    }\n  }\n"): (typeof documents)["\n  query Regions {\n    regions {\n      id\n      code\n      parentCode\n      level\n      name {\n        zh\n        en\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;