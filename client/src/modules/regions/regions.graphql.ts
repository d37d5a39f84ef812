import { graphql } from '../../generated';
import type { RegionsQuery } from '../../generated/graphql';

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
