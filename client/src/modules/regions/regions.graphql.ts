import { gql, type TypedDocumentNode } from '@apollo/client';

export type RegionLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export type Region = {
  __typename?: 'Region';
  id: string;
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  name: { __typename?: 'LocalizedText'; zh: string; en: string };
};

export type RegionsQuery = { regions: Region[] };

export const REGIONS_QUERY: TypedDocumentNode<RegionsQuery, Record<string, never>> = gql`
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
`;
