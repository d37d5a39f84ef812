export const regionsTypeDefs = /* GraphQL */ `
  enum RegionLevel {
    PROVINCE
    PREFECTURE
    COUNTY
  }

  type LocalizedText {
    zh: String!
    en: String!
  }

  type GeoPoint {
    lng: Float!
    lat: Float!
  }

  type Region {
    id: ID!
    code: String!
    parentCode: String
    level: RegionLevel!
    name: LocalizedText!
    location: GeoPoint
    "Codes of the ancestors, root first."
    ancestors: [String!]!
  }

  extend type Query {
    "Every region the signed-in user may see, parents before children."
    regions: [Region!]!
  }
`;
