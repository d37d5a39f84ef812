import type { Region } from './regions.graphql';

export type RegionTreeNode<R extends Region = Region> = {
  key: string;
  region: R;
  children: RegionTreeNode<R>[];
};

// Builds the hierarchy from parentCode. A region whose parent is not visible to the user
// (a scoped account sees only its subtree) becomes a root instead of disappearing.
export function buildRegionTree<R extends Region>(regions: readonly R[]): RegionTreeNode<R>[] {
  const nodes = new Map<string, RegionTreeNode<R>>();
  for (const region of regions) nodes.set(region.code, { key: region.code, region, children: [] });

  const roots: RegionTreeNode<R>[] = [];
  for (const node of nodes.values()) {
    const parent = node.region.parentCode ? nodes.get(node.region.parentCode) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: RegionTreeNode<R>, b: RegionTreeNode<R>) => a.key.localeCompare(b.key);
  const sortDeep = (list: RegionTreeNode<R>[]): RegionTreeNode<R>[] => {
    list.sort(byCode);
    for (const node of list) sortDeep(node.children);
    return list;
  };
  return sortDeep(roots);
}
