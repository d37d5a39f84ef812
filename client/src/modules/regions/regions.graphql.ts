import { graphql } from '../../generated';
import type { RegionTreeQuery, RegionsQuery } from '../../generated/graphql';

export type Region = RegionsQuery['regions'][number];
export type RegionLevel = Region['level'];

export const REGIONS_QUERY = graphql(`
  query Regions {
    regions {
      id
      code
      parentCode
      level
      name {
        zh
        en
      }
    }
  }
`);

export type RegionWithCounts = RegionTreeQuery['regions'][number];

// The regions page's tree: the same list with each region's record counts.
export const REGION_TREE_QUERY = graphql(`
  query RegionTree {
    regions {
      id
      code
      parentCode
      level
      name {
        zh
        en
      }
      counts {
        projectsIncludingDescendants
        contacts
        liaisonActivities
      }
    }
  }
`);
