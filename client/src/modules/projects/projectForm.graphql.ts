import { graphql } from '../../generated';
import type { ProjectFormQuery } from '../../generated/graphql';

export type EditableProject = ProjectFormQuery['project'];

// Everything the edit form shows, read at the version the save will be checked against.
export const PROJECT_FORM_QUERY = graphql(`
  query ProjectForm($id: ID!) {
    project(id: $id) {
      id
      code
      name {
        zh
        en
      }
      region {
        id
        code
      }
      sector
      implementingUnit
      officers {
        id
        displayName
      }
      plannedStart
      plannedEnd
      budget {
        specialFund
        districtBudget
        donation
      }
      risk
      indicators {
        id
        name {
          zh
          en
        }
        unit
        baseline
        target
        actual
      }
      canEdit
      version
    }
  }
`);

export const PROJECT_STAFF_QUERY = graphql(`
  query ProjectStaff {
    projectStaff {
      id
      displayName
      role
    }
  }
`);

export const CREATE_PROJECT_MUTATION = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      code
    }
  }
`);

export const UPDATE_PROJECT_MUTATION = graphql(`
  mutation UpdateProject($id: ID!, $version: Int!, $input: UpdateProjectInput!) {
    updateProject(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);
