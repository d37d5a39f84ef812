import mongoose, { type mongo } from 'mongoose';
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

export const regionNodeOf = (r: Record<string, unknown>): RegionNode => ({
  code: String(r.code),
  parentCode: (r.parentCode as string | null) ?? null,
  ancestors: (r.ancestors as string[] | undefined) ?? [],
});

/** The live regions as tree nodes (a few dozen to a few hundred rows). */
export async function loadRegionNodes(): Promise<RegionNode[]> {
  const rows = await RegionModel.collection
    .find({}, { projection: { code: 1, parentCode: 1, ancestors: 1 } })
    .toArray();
  return rows.map(regionNodeOf);
}

export const pathOf = (node: string, regions: Map<string, RegionNode>): string[] =>
  node === ALL ? [] : [...(regions.get(node)?.ancestors ?? []), node];

// Where a key is kept. On FerretDB 1.24 (SQLite) a lookup by `_id` scans its collection until the
// match (docs/ferretdb.md), so what the dashboard reads sits in small collections of one budget
// year each: `rollups_<Y>` the tree documents, `rollups_<Y>_days` their day-level details,
// `rollups_<Y>_own` the own documents and details (read only when refreshing), and `rollups_years`
// the milestone-by-year documents. A read costs one year's tree, however many records and years.
export const ROLLUP_PREFIX = 'rollups_';
const LEGACY = ['analytics_cells', 'analytics_details'];
export function collectionOf(key: string): string {
  const [kind, year, , sector] = key.split('|');
  if (kind === 'y') return `${ROLLUP_PREFIX}years`;
  if (kind === 'o') return `${ROLLUP_PREFIX}${year}_own`;
  return sector === undefined ? `${ROLLUP_PREFIX}${year}` : `${ROLLUP_PREFIX}${year}_days`;
}
const collection = (name: string): mongo.Collection => mongoose.connection.db!.collection(name);
const collectionFor = (key: string) => collection(collectionOf(key));

/** The roll-up collections present in the database (reconcile, rebuild). */
export async function rollupCollections(): Promise<string[]> {
  const all = await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray();
  return all.map((c) => c.name).filter((name) => name.startsWith(ROLLUP_PREFIX));
}

// A stored row is `{ _id: keyId(key), key, v }`, `v` the document as JSON text. FerretDB's SQLite
// storage keeps a type description beside every value (two to four times the data) and a scan
// parses all of it; one string is parsed about fifteen times faster. Nothing queries inside `v`.
type StoredRow = { _id: ReturnType<typeof keyId>; key: string; v: string };
const unkeyed = <T>(row: unknown): T | null =>
  row ? ({ ...JSON.parse((row as StoredRow).v), _id: (row as StoredRow).key } as T) : null;
const keyed = ({ _id, ...doc }: { _id: string } & Record<string, unknown>): StoredRow => ({
  _id: keyId(_id),
  key: _id,
  v: JSON.stringify(doc),
});

/** Reads already started in this request, by key. */
export type ReadCache = Map<string, Promise<unknown>>;

/**
 * One lookup by `_id` per key (and per request, with a cache), all in parallel: the only filter
 * FerretDB evaluates in SQL (docs/ferretdb.md); `$in` decodes every document of the collection.
 */
function lookup(id: string, cache?: ReadCache): Promise<unknown> {
  let row = cache?.get(id);
  if (!row) {
    row = collectionFor(id).findOne({ _id: keyId(id) });
    cache?.set(id, row);
  }
  return row;
}

export async function readDocs(ids: string[], cache?: ReadCache): Promise<Map<string, CellDoc | null>> {
  const rows = await Promise.all(ids.map((id) => lookup(id, cache)));
  return new Map(ids.map((id, i) => [id, unkeyed<CellDoc>(rows[i])]));
}

export async function readDetails(ids: string[], cache?: ReadCache): Promise<Map<string, Detail | null>> {
  const rows = await Promise.all(ids.map((id) => lookup(id, cache)));
  return new Map(
    ids.map((id, i) => [id, rows[i] ? normalDetail(unkeyed<{ detail: Partial<Detail> }>(rows[i])!.detail) : null]),
  );
}

const byId = (key: string) => ({ _id: keyId(key) });

/** Replaces a cell document whole, or removes it when it holds nothing. */
export async function writeDoc(doc: CellDoc): Promise<void> {
  const empty = Object.keys(doc.s ?? {}).length === 0 && Object.keys(doc.y ?? {}).length === 0;
  if (empty) await collectionFor(doc._id).deleteOne(byId(doc._id));
  else await collectionFor(doc._id).replaceOne(byId(doc._id), keyed(doc), { upsert: true });
}

/** Replaces one cell's day-level detail, or removes it when empty. */
export async function writeDetail(id: string, year: number, regionPath: string[], detail: Detail): Promise<void> {
  if (isEmptyDetail(detail)) await collectionFor(id).deleteOne(byId(id));
  else await collectionFor(id).replaceOne(byId(id), keyed({ _id: id, year, regionPath, detail }), { upsert: true });
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
  const doc = unkeyed<CellDoc>(await collectionFor(_id).findOne(byId(_id)));
  const y = { ...(doc?.y ?? {}) };
  if (Object.keys(value).length === 0) delete y[String(year)];
  else y[String(year)] = value;
  await writeDoc({ _id, kind: 'y', node, regionPath, y });
}

/** Every stored roll-up document, by key (reconcile). */
export async function readAll(): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const name of await rollupCollections())
    for (const row of await collection(name).find({}).toArray())
      out.set(String(row.key), unkeyed<Record<string, unknown>>(row)!);
  return out;
}

/** Replaces one stored document whole (`doc._id` its key), or removes it (reconcile's repairs). */
export async function putDoc(key: string, doc: ({ _id: string } & Record<string, unknown>) | null): Promise<void> {
  if (doc) await collectionFor(key).replaceOne(byId(key), keyed(doc), { upsert: true });
  else await collectionFor(key).deleteOne(byId(key));
}

/** Drops every roll-up collection and writes `docs` (keyed by their `_id`) in bulk. */
export async function replaceAll(docs: ({ _id: string } & Record<string, unknown>)[], batch = 1000): Promise<void> {
  for (const name of await rollupCollections()) await collection(name).drop();
  // The layout before 2026-11-28 (two collections, documents as plain fields) goes too.
  const legacy = await mongoose.connection.db!.listCollections({ name: { $in: LEGACY } }, { nameOnly: true }).toArray();
  for (const { name } of legacy) await collection(name).drop();
  const groups = new Map<string, StoredRow[]>();
  for (const doc of docs) {
    const name = collectionOf(doc._id);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(keyed(doc));
  }
  for (const [name, rows] of groups)
    for (let i = 0; i < rows.length; i += batch)
      await collection(name).insertMany(rows.slice(i, i + batch), { ordered: false });
}
