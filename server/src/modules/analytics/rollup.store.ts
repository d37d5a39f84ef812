import {
  ALL,
  emptyDetail,
  isEmptyPair,
  type Cell,
  type CellPair,
  type Detail,
  type RegionNode,
} from './rollup.compute';
import { AnalyticsCellModel, AnalyticsDetailModel, AnalyticsMetaModel } from './rollup.model';
import { RegionModel } from '../regions/region.model';
import type { mongo } from 'mongoose';

export type CellKind = 'o' | 't';

export const cellId = (kind: CellKind, year: number, node: string, sector: string) =>
  `${kind}|${year}|${node}|${sector}`;

type CellDoc = { _id: string; cell: Cell };
type DetailDoc = { _id: string; detail: Partial<Detail> };

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

/**
 * Reads cells by _id, one primary-key lookup each (in parallel): FerretDB answers those without
 * scanning, while `$in` on _id scans the collection. Missing cells are null.
 */
export type ReadCache = Map<string, Promise<unknown>>;

/** One lookup per _id and request: the dashboard's fields read many of the same cells. */
function lookup(collection: mongo.Collection, id: string, cache?: ReadCache): Promise<unknown> {
  const key = `${collection.collectionName}|${id}`;
  let row = cache?.get(key);
  if (!row) {
    row = collection.findOne({ _id: id } as Record<string, unknown>);
    cache?.set(key, row);
  }
  return row;
}

export async function readCells(ids: string[], cache?: ReadCache): Promise<Map<string, Cell | null>> {
  const rows = await Promise.all(ids.map((id) => lookup(AnalyticsCellModel.collection, id, cache)));
  return new Map(ids.map((id, i) => [id, (rows[i] as unknown as CellDoc | null)?.cell ?? null]));
}

export async function readDetails(ids: string[], cache?: ReadCache): Promise<Map<string, Detail | null>> {
  const rows = await Promise.all(ids.map((id) => lookup(AnalyticsDetailModel.collection, id, cache)));
  return new Map(ids.map((id, i) => [id, rows[i] ? normalDetail((rows[i] as unknown as DetailDoc).detail) : null]));
}

export async function readPairs(ids: string[], cache?: ReadCache): Promise<Map<string, CellPair | null>> {
  const [cells, details] = await Promise.all([readCells(ids, cache), readDetails(ids, cache)]);
  return new Map(
    ids.map((id) => {
      const cell = cells.get(id);
      return [id, cell ? { cell, detail: details.get(id) ?? emptyDetail() } : null];
    }),
  );
}

/** Replaces one cell (or removes it when empty): the same write whether it is new, changed or unchanged. */
export async function writePair(
  kind: CellKind,
  year: number,
  node: string,
  sector: string,
  regionPath: string[],
  pair: CellPair | null,
): Promise<void> {
  const _id = cellId(kind, year, node, sector);
  const filter = { _id } as Record<string, unknown>;
  if (!pair || isEmptyPair(pair)) {
    await Promise.all([
      AnalyticsCellModel.collection.deleteOne(filter),
      AnalyticsDetailModel.collection.deleteOne(filter),
    ]);
    return;
  }
  await Promise.all([
    AnalyticsCellModel.collection.replaceOne(
      filter,
      { kind, year, node, sector, regionPath, cell: pair.cell },
      { upsert: true },
    ),
    AnalyticsDetailModel.collection.replaceOne(filter, { year, regionPath, detail: pair.detail }, { upsert: true }),
  ]);
}

export async function addYears(years: number[]): Promise<void> {
  if (years.length === 0) return;
  await AnalyticsMetaModel.collection.updateOne(
    { _id: 'years' } as Record<string, unknown>,
    { $addToSet: { years: { $each: years } } },
    { upsert: true },
  );
}

export async function readYears(): Promise<number[]> {
  const doc = await AnalyticsMetaModel.collection.findOne({ _id: 'years' } as Record<string, unknown>);
  return ((doc?.years as number[] | undefined) ?? []).slice().sort((a, b) => a - b);
}
