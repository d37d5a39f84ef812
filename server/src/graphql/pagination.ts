import { LIMITS } from '@pat/shared';
import { Types, type mongo } from 'mongoose';
import { badInput } from './errors';

export type PageArgs = { first?: number | null; after?: string | null };
export type SortSpec = { field: string; direction: 1 | -1 };

type Cursor = { v: unknown; id: string };

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.id !== 'string' || !/^[a-f0-9]{24}$/.test(parsed.id)) throw new Error('bad id');
    return parsed;
  } catch {
    throw badInput('after', 'is not a cursor from this list');
  }
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return LIMITS.pageSizeDefault;
  if (!Number.isInteger(first) || first < 1) throw badInput('first', 'must be a whole number of at least 1');
  return Math.min(first, LIMITS.pageSizeMax);
}

const getPath = (doc: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), doc);

/**
 * A cursor-paginated connection over `filter`, ordered by `sort` then _id (so ties are stable).
 * Dates in cursors travel as ISO strings and are turned back into Dates.
 */
export async function connection<T extends { _id: unknown }>(
  model: { collection: mongo.Collection },
  filter: Record<string, unknown>,
  sort: SortSpec,
  args: PageArgs,
) {
  const limit = pageSize(args.first);
  let pageFilter = filter;
  if (args.after) {
    const c = decode(args.after);
    const value = typeof c.v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(c.v) ? new Date(c.v) : c.v;
    const op = sort.direction === 1 ? '$gt' : '$lt';
    pageFilter = {
      $and: [
        filter,
        { $or: [{ [sort.field]: { [op]: value } }, { [sort.field]: value, _id: { [op]: new Types.ObjectId(c.id) } }] },
      ],
    };
  }
  const [rows, totalCount] = await Promise.all([
    model.collection
      .find(pageFilter)
      .sort({ [sort.field]: sort.direction, _id: sort.direction })
      .limit(limit + 1)
      .toArray() as Promise<T[]>,
    model.collection.countDocuments(filter),
  ]);
  const hasNextPage = rows.length > limit;
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => {
    const v = getPath(node as Record<string, unknown>, sort.field);
    return { node, cursor: encode({ v: v instanceof Date ? v.toISOString() : (v ?? null), id: String(node._id) }) };
  });
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      endCursor: edges.at(-1)?.cursor ?? null,
      startCursor: edges[0]?.cursor ?? null,
    },
  };
}

export const pageInfoTypeDefs = /* GraphQL */ `
  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }
  enum SortDirection {
    ASC
    DESC
  }
`;
