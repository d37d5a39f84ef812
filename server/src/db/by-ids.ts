import type { mongo, Types } from 'mongoose';

/**
 * Up to this many ids (a full page of any list) are read as parallel `findOne({ _id })`, more as one
 * `$in`: FerretDB 1.24 evaluates a lookup by `_id` alone in SQL and stops at the match, while `$in`
 * decodes every document of the collection (20-31 s at 20,000 projects; docs/ferretdb.md). On
 * MongoDB both are index reads.
 */
export const FEW_IDS = 100;

/** The documents with these ids (missing ones left out), in no particular order. */
export async function findByIds(
  collection: mongo.Collection,
  ids: Types.ObjectId[],
  options: mongo.FindOptions = {},
): Promise<mongo.WithId<mongo.Document>[]> {
  if (ids.length <= FEW_IDS) {
    const rows = await Promise.all(ids.map((_id) => collection.findOne({ _id }, options)));
    return rows.filter((r): r is mongo.WithId<mongo.Document> => r !== null);
  }
  return collection.find({ _id: { $in: ids } }, options).toArray();
}
