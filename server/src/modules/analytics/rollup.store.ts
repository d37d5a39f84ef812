import type { mongo } from 'mongoose';
import { keyId } from '../../db/key-id';
import { RegionModel } from '../regions/region.model';
import {
  ALL,
  emptyDetail,
  isEmptyDetail,
  type CellDoc,
  type Detail,
  type MsYear,
  type RegionNode,
} from './rollup.compute';
import { AnalyticsCellModel, AnalyticsDetailModel } from './rollup.model';

export type CellKind = 'o' | 't';

export const docId = (kind: CellKind, year: number, node: string) => `${kind}|${year}|${node}`;
export const yearsId = (node: string) => `y|${node}`;
export const detailId = (kind: CellKind, year: number, node: string, sector: string) =>
  `${kind}|${year}|${node}|${sector}`;

/** FerretDB may drop empty arrays and objects on upsert: readers default them. */
export const normalDetail = (d: Partial<Detail> | undefined | null): Detail => ({
  ...emptyDetail(),
  ...(d ?? {}),
  behind: d?.behind ?? [],
});

/** The live regions as tree nodes (a few dozen to a few hundred rows). */
export async function loadRegionNodes(): Promise<RegionNode[]> {
  const rows = await RegionModel.collection
    .find({}, { projection: { code: 1, parentCode: 1, ancestors: 1 } })
    .toArray();
  return rows.map((r) => ({
    code: String(r.code),
    parentCode: (r.parentCode as string | null) ?? null,
    ancestors: (r.ancestors as string[] | undefined) ?? [],
  }));
}

export const pathOf = (node: string, regions: Map<string, RegionNode>): string[] =>
  node === ALL ? [] : [...(regions.get(node)?.ancestors ?? []), node];

/** A stored roll-up row with its key back in `_id`, as the rest of the module sees it. */
const unkeyed = <T>(row: unknown): T | null =>
  row ? ({ ...(row as object), _id: (row as { key: string }).key } as T) : null;
const keyed = (doc: { _id: string } & Record<string, unknown>) => ({ ...doc, _id: keyId(doc._id), key: doc._id });

/** Reads already started in this request, by collection and key. */
export type ReadCache = Map<string, Promise<unknown>>;

/**
 * One lookup by `_id` per key (and per request, with a cache), all in parallel: the only filter
 * FerretDB evaluates in SQL (docs/ferretdb.md); `$in` decodes every document of the collection.
 */
function lookup(collection: mongo.Collection, id: string, cache?: ReadCache): Promise<unknown> {
  const key = `${collection.collectionName}|${id}`;
  let row = cache?.get(key);
  if (!row) {
    row = collection.findOne({ _id: keyId(id) });
    cache?.set(key, row);
  }
  return row;
}

export async function readDocs(ids: string[], cache?: ReadCache): Promise<Map<string, CellDoc | null>> {
  const rows = await Promise.all(ids.map((id) => lookup(AnalyticsCellModel.collection, id, cache)));
  return new Map(ids.map((id, i) => [id, unkeyed<CellDoc>(rows[i])]));
}

export async function readDetails(ids: string[], cache?: ReadCache): Promise<Map<string, Detail | null>> {
  const rows = await Promise.all(ids.map((id) => lookup(AnalyticsDetailModel.collection, id, cache)));
  return new Map(
    ids.map((id, i) => [id, rows[i] ? normalDetail((rows[i] as { detail: Partial<Detail> }).detail) : null]),
  );
}

const byId = (key: string) => ({ _id: keyId(key) });

/** Replaces a cell document whole, or removes it when it holds nothing. */
export async function writeDoc(doc: CellDoc): Promise<void> {
  const empty = Object.keys(doc.s ?? {}).length === 0 && Object.keys(doc.y ?? {}).length === 0;
  if (empty) await AnalyticsCellModel.collection.deleteOne(byId(doc._id));
  else await AnalyticsCellModel.collection.replaceOne(byId(doc._id), keyed(doc), { upsert: true });
}

/** Replaces one cell's day-level detail, or removes it when empty. */
export async function writeDetail(id: string, year: number, regionPath: string[], detail: Detail): Promise<void> {
  if (isEmptyDetail(detail)) await AnalyticsDetailModel.collection.deleteOne(byId(id));
  else
    await AnalyticsDetailModel.collection.replaceOne(byId(id), keyed({ _id: id, year, regionPath, detail }), {
      upsert: true,
    });
}

/**
 * Sets (or clears) one year of a node's milestone-by-year document. Read and replaced whole:
 * FerretDB 1.24's `$set` of an embedded document that differs only in its field names (a sector
 * replaced by another with the same figures) reports no change and writes nothing.
 */
export async function writeYear(
  node: string,
  regionPath: string[],
  year: number,
  value: Record<string, MsYear>,
): Promise<void> {
  const _id = yearsId(node);
  const doc = unkeyed<CellDoc>(await AnalyticsCellModel.collection.findOne(byId(_id)));
  const y = { ...(doc?.y ?? {}) };
  if (Object.keys(value).length === 0) delete y[String(year)];
  else y[String(year)] = value;
  await writeDoc({ _id, kind: 'y', node, regionPath, y });
}

/** Every stored row of a roll-up collection, keyed by its readable key (reconcile). */
export async function readAll(collection: mongo.Collection): Promise<Map<string, Record<string, unknown>>> {
  const rows = await collection.find({}).toArray();
  return new Map(rows.map((r) => [String(r.key), unkeyed<Record<string, unknown>>(r)!]));
}

/** Rows as stored (ObjectId `_id` from the key, key kept), for bulk inserts and repairs. */
export const storedRow = (doc: { _id: string }) => keyed(doc as { _id: string } & Record<string, unknown>);
export const storedFilter = byId;
