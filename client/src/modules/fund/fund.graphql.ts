import { graphql } from '../../generated';
import type {
  AllocationFieldsFragment,
  FundYearOverviewQuery,
  LedgerEntriesQuery,
  ProjectFundQuery,
} from '../../generated/graphql';

export type AllocationItem = AllocationFieldsFragment;
export type FundYearDetail = NonNullable<FundYearOverviewQuery['fundYear']>;
export type LedgerRow = LedgerEntriesQuery['ledgerEntries']['edges'][number]['node'];
export type ProjectAllocation = ProjectFundQuery['allocations']['edges'][number]['node'];
export type DisbursementItem = ProjectAllocation['disbursements'][number];

graphql(`
  fragment AllocationFields on Allocation {
    id
    year
    projectId
    project {
      id
      code
      name {
        zh
        en
      }
    }
    amount
    purpose
    fundingSource
    status
    proposedBy {
      id
      displayName
    }
    proposedAt
    decidedBy {
      id
      displayName
    }
    decidedAt
    reason
    approved
    disbursed
    reversed
    carriedOut
    remaining
    carriedFromId
  }
`);

export const FUND_YEARS_QUERY = graphql(`
  query FundYears {
    fundYears {
      year
      closed
    }
  }
`);

export const FUND_YEAR_QUERY = graphql(`
  query FundYearOverview($year: Int!) {
    fundYear(year: $year) {
      year
      appropriated
      allocated
      disbursed
      available
      closed
      closedAt
      appropriations {
        id
        amount
        source
        documentRef
        date
        recordedBy {
          id
          displayName
        }
      }
    }
  }
`);

export const ALLOCATIONS_QUERY = graphql(`
  query Allocations($filter: AllocationFilter, $first: Int, $after: String) {
    allocations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...AllocationFields
        }
      }
    }
  }
`);

export const PENDING_ALLOCATIONS_QUERY = graphql(`
  query PendingAllocations {
    pendingAllocations {
      ...AllocationFields
    }
  }
`);

export const LEDGER_ENTRIES_QUERY = graphql(`
  query LedgerEntries($filter: LedgerFilter, $first: Int, $after: String) {
    ledgerEntries(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          year
          bookedYear
          date
          amount
          allocationId
          disbursementId
          projectId
          reversesEntryId
          counterpartYear
          source
          documentRef
          reason
          createdBy {
            id
            displayName
          }
          createdAt
        }
      }
    }
  }
`);

export const PROJECT_FUND_QUERY = graphql(`
  query ProjectFund($id: ID!, $filter: AllocationFilter!) {
    project(id: $id) {
      id
      fund {
        allocated
        disbursed
        available
        utilisation
      }
    }
    allocations(filter: $filter, first: 100) {
      totalCount
      edges {
        cursor
        node {
          ...AllocationFields
          disbursements {
            id
            amount
            reversed
            date
            voucherNo
            payee
            note
            recordedBy {
              id
              displayName
            }
          }
        }
      }
    }
    fundYears {
      year
      closed
    }
  }
`);

export const RECORD_APPROPRIATION_MUTATION = graphql(`
  mutation RecordAppropriation($input: AppropriationInput!) {
    recordAppropriation(input: $input) {
      id
      year
      amount
    }
  }
`);

export const CLOSE_FUND_YEAR_MUTATION = graphql(`
  mutation CloseFundYear($year: Int!) {
    closeFundYear(year: $year) {
      year
      closed
      closedAt
    }
  }
`);

export const PROPOSE_ALLOCATION_MUTATION = graphql(`
  mutation ProposeAllocation($input: ProposeAllocationInput!) {
    proposeAllocation(input: $input) {
      ...AllocationFields
    }
  }
`);

export const APPROVE_ALLOCATION_MUTATION = graphql(`
  mutation ApproveAllocation($id: ID!) {
    approveAllocation(id: $id) {
      ...AllocationFields
    }
  }
`);

export const REJECT_ALLOCATION_MUTATION = graphql(`
  mutation RejectAllocation($id: ID!, $reason: String!) {
    rejectAllocation(id: $id, reason: $reason) {
      ...AllocationFields
    }
  }
`);

export const WITHDRAW_ALLOCATION_MUTATION = graphql(`
  mutation WithdrawAllocation($id: ID!) {
    withdrawAllocation(id: $id) {
      ...AllocationFields
    }
  }
`);

export const RECORD_DISBURSEMENT_MUTATION = graphql(`
  mutation RecordDisbursement($input: DisbursementInput!) {
    recordDisbursement(input: $input) {
      id
      allocationId
      amount
      voucherNo
    }
  }
`);

export const REVERSE_DISBURSEMENT_MUTATION = graphql(`
  mutation ReverseDisbursement($id: ID!, $input: ReversalInput!) {
    reverseDisbursement(id: $id, input: $input) {
      id
      kind
      amount
    }
  }
`);

export const REVERSE_ALLOCATION_MUTATION = graphql(`
  mutation ReverseAllocation($id: ID!, $input: ReversalInput!) {
    reverseAllocation(id: $id, input: $input) {
      id
      kind
      amount
    }
  }
`);

export const CARRY_OVER_MUTATION = graphql(`
  mutation CarryOver($fromYear: Int!, $allocationId: ID!, $amount: Money!) {
    carryOver(fromYear: $fromYear, allocationId: $allocationId, amount: $amount) {
      ...AllocationFields
    }
  }
`);

// Every query whose figures a fund write can change; refetched (when on screen) after each write,
// so totals, queues and lists change without a reload.
export const FUND_QUERIES_TO_REFRESH = [
  'FundYears',
  'FundYearOverview',
  'Allocations',
  'PendingAllocations',
  'LedgerEntries',
  'ProjectFund',
  'ProjectPage',
];
