import { graphql } from '../../generated';
import type { AgreementPageQuery, AgreementsListQuery } from '../../generated/graphql';

export type AgreementRow = AgreementsListQuery['agreements']['edges'][number]['node'];
export type AgreementDetail = AgreementPageQuery['agreement'];
export type CommitmentItem = AgreementDetail['commitments'][number];

export const AGREEMENTS_LIST_QUERY = graphql(`
  query AgreementsList($filter: AgreementFilter, $sort: AgreementSort, $first: Int, $after: String) {
    agreements(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          code
          title {
            zh
            en
          }
          counterpart
          kind
          signedOn
          validUntil
          expiringSoon
          expired
          overdueCommitmentCount
          archived
          regions {
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
  }
`);

export const AGREEMENT_PAGE_QUERY = graphql(`
  query AgreementPage($id: ID!) {
    agreement(id: $id) {
      id
      code
      title {
        zh
        en
      }
      counterpart
      kind
      fields
      signedOn
      validFrom
      validUntil
      signatories
      regionCodes
      regions {
        id
        code
        name {
          zh
          en
        }
      }
      note
      expiringSoon
      expired
      overdueCommitmentCount
      archived
      canEdit
      version
      commitments {
        ...CommitmentFields
      }
      projects {
        id
        code
        name {
          zh
          en
        }
        status
      }
    }
  }
`);

graphql(`
  fragment CommitmentFields on Commitment {
    id
    agreementId
    party
    description {
      zh
      en
    }
    responsibleUnit
    dueDate
    status
    statusNote
    completedOn
    overdue
    canEdit
    version
  }
`);

export const CREATE_AGREEMENT_MUTATION = graphql(`
  mutation CreateAgreement($input: CreateAgreementInput!) {
    createAgreement(input: $input) {
      id
      code
    }
  }
`);

export const UPDATE_AGREEMENT_MUTATION = graphql(`
  mutation UpdateAgreement($id: ID!, $version: Int!, $input: UpdateAgreementInput!) {
    updateAgreement(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

export const CREATE_COMMITMENT_MUTATION = graphql(`
  mutation CreateCommitment($agreementId: ID!, $input: CommitmentInput!) {
    createCommitment(agreementId: $agreementId, input: $input) {
      ...CommitmentFields
    }
  }
`);

export const UPDATE_COMMITMENT_MUTATION = graphql(`
  mutation UpdateCommitment($id: ID!, $version: Int!, $input: UpdateCommitmentInput!) {
    updateCommitment(id: $id, version: $version, input: $input) {
      ...CommitmentFields
    }
  }
`);

export const CHANGE_COMMITMENT_STATUS_MUTATION = graphql(`
  mutation ChangeCommitmentStatus($id: ID!, $version: Int!, $status: CommitmentStatus!, $note: String) {
    changeCommitmentStatus(id: $id, version: $version, status: $status, note: $note) {
      ...CommitmentFields
    }
  }
`);
