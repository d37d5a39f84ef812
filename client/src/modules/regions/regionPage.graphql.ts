import { graphql } from '../../generated';
import type { RegionPageQuery, RegionProfileFieldsFragment } from '../../generated/graphql';

export type RegionDetail = RegionPageQuery['region'];
export type ContactItem = RegionDetail['contacts']['edges'][number]['node'];
export type RegionActivity = RegionDetail['liaisonActivities']['edges'][number]['node'];
export type RegionProfile = RegionProfileFieldsFragment;
export type RegionFundTotal = RegionPageQuery['fundTotals'][number];

// Short lists on the region page; the full lists are a link away.
export const REGION_PAGE_PROJECTS = 5;
export const REGION_PAGE_ACTIVITIES = 10;
export const REGION_PAGE_CONTACTS = 100;

export const REGION_PAGE_QUERY = graphql(`
  query RegionPage($code: String!, $projects: Int!, $activities: Int!, $contacts: Int!) {
    region(code: $code) {
      id
      code
      parentCode
      level
      name {
        zh
        en
      }
      ancestorRegions {
        id
        code
        name {
          zh
          en
        }
      }
      ...RegionProfileFields
      counts {
        projects
        projectsIncludingDescendants
        contacts
        liaisonActivities
      }
      archived
      projects(first: $projects) {
        totalCount
        edges {
          node {
            id
            code
            name {
              zh
              en
            }
            status
            region {
              id
              code
              name {
                zh
                en
              }
            }
          }
        }
      }
      contacts(first: $contacts) {
        totalCount
        edges {
          node {
            ...ContactFields
          }
        }
      }
      liaisonActivities(first: $activities) {
        totalCount
        edges {
          node {
            id
            kind
            date
            title
            summary
            followUps {
              id
              done
            }
          }
        }
      }
    }
    fundTotals(groupBy: REGION, regionCode: $code) {
      key
      budget
      allocated
      disbursed
      utilisation
    }
  }
`);

graphql(`
  fragment ContactFields on Contact {
    id
    regionCode
    region {
      id
      code
      name {
        zh
        en
      }
    }
    name
    title
    organisation
    phone
    email
    note
    canEdit
    version
  }
`);

export const CREATE_CONTACT_MUTATION = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      ...ContactFields
    }
  }
`);

export const UPDATE_CONTACT_MUTATION = graphql(`
  mutation UpdateContact($id: ID!, $version: Int!, $input: UpdateContactInput!) {
    updateContact(id: $id, version: $version, input: $input) {
      ...ContactFields
    }
  }
`);

export const ARCHIVE_CONTACT_MUTATION = graphql(`
  mutation ArchiveContact($id: ID!, $version: Int!) {
    archiveContact(id: $id, version: $version) {
      id
      archived
      version
    }
  }
`);

// What the profile form edits; the mutation answers the same fields, so the cached region updates.
graphql(`
  fragment RegionProfileFields on Region {
    id
    code
    population
    povertyStatus
    pairedUnits
    liaisonOffice {
      name
      address
      phone
      head
    }
    location {
      lng
      lat
    }
    canEdit
    version
  }
`);

export const UPDATE_REGION_MUTATION = graphql(`
  mutation UpdateRegionProfile($code: String!, $version: Int!, $input: UpdateRegionInput!) {
    updateRegion(code: $code, version: $version, input: $input) {
      ...RegionProfileFields
    }
  }
`);
