import DataLoader from 'dataloader';
import type { mongo } from 'mongoose';
import { ContactModel } from '../contacts/contact.model';
import { LiaisonActivityModel } from '../liaison/liaison-activity.model';
import { ProjectModel } from '../projects/project.model';
import { RegionModel } from './region.model';
import type { RegionRow } from './regions.service';

export type RegionCounts = {
  projects: number;
  projectsIncludingDescendants: number;
  contacts: number;
  liaisonActivities: number;
};

type PathCount = { _id: string[]; n: number };

/**
 * How many live records lie at each distinct regionPath under any of `codes`: one $match + $group.
 * Grouping by the whole path (not $unwind + $group) because FerretDB 1.24's $unwind drops every
 * other field of the document; a path row also tells the record's own region (its last code) apart
 * from the regions above it, so one aggregation gives both "in the region" and "under it".
 */
function countByPath(model: { collection: mongo.Collection }, codes: string[]): Promise<PathCount[]> {
  return model.collection
    .aggregate<PathCount>([
      { $match: { archived: false, regionPath: { $in: codes } } },
      { $group: { _id: '$regionPath', n: { $sum: 1 } } },
    ])
    .toArray();
}

function tally(rows: PathCount[], codes: Set<string>) {
  const own = new Map<string, number>();
  const under = new Map<string, number>();
  for (const { _id: path, n } of rows) {
    const leaf = path.at(-1);
    if (leaf !== undefined && codes.has(leaf)) own.set(leaf, (own.get(leaf) ?? 0) + n);
    for (const code of new Set(path)) if (codes.has(code)) under.set(code, (under.get(code) ?? 0) + n);
  }
  return { own, under };
}

/**
 * Record counts per region: three aggregations (projects, contacts, liaison activities) for every
 * region a request asks about. Batches are gathered until the next macrotask (setImmediate), not the
 * next microtask, so a whole region tree resolved from primed children counts in one batch.
 */
export function regionCountsLoader() {
  return new DataLoader<string, RegionCounts>(
    async (keys) => {
      const codes = [...keys];
      const wanted = new Set(codes);
      const [projects, contacts, activities] = await Promise.all(
        [ProjectModel, ContactModel, LiaisonActivityModel].map((m) => countByPath(m, codes)),
      );
      const p = tally(projects!, wanted);
      const c = tally(contacts!, wanted);
      const a = tally(activities!, wanted);
      return codes.map((code) => ({
        projects: p.own.get(code) ?? 0,
        projectsIncludingDescendants: p.under.get(code) ?? 0,
        contacts: c.under.get(code) ?? 0,
        liaisonActivities: a.under.get(code) ?? 0,
      }));
    },
    { batchScheduleFn: (run) => setImmediate(run) },
  );
}

/** Groups regions by parent code, every code in `parents` getting a list (empty for leaves). */
export function childrenByParent(regions: RegionRow[], parents: Iterable<string>): Map<string, RegionRow[]> {
  const map = new Map<string, RegionRow[]>([...parents].map((code) => [code, []]));
  for (const r of regions) if (r.parentCode) map.get(r.parentCode)?.push(r);
  return map;
}

/**
 * A region's live children, by parent code. One query loads the whole subtree of every asked region
 * and primes the loader for each region in it, so a tree of any depth costs one query.
 */
export function regionChildrenLoader() {
  const loader: DataLoader<string, RegionRow[]> = new DataLoader<string, RegionRow[]>(async (keys) => {
    const subtree = (await RegionModel.collection
      .find({ archived: false, ancestors: { $in: [...keys] } })
      .sort({ code: 1 })
      .toArray()) as RegionRow[];
    const byParent = childrenByParent(subtree, [...keys, ...subtree.map((r) => r.code)]);
    for (const [code, children] of byParent) if (!keys.includes(code)) loader.prime(code, children);
    return keys.map((k) => byParent.get(k) ?? []);
  });
  return loader;
}
