import type { Region } from './regions.graphql';

export type RegionTreeNode = {
  key: string;
  region: Region;
  children: RegionTreeNode[];
};

// Builds the hierarchy from parentCode. A region whose parent is not visible to the user
// (a scoped account sees only its subtree) becomes a root instead of disappearing.
export function buildRegionTree(regions: readonly Region[]): RegionTreeNode[] {
  const nodes = new Map<string, RegionTreeNode>();
  for (const region of regions) nodes.set(region.code, { key: region.code, region, children: [] });

  const roots: RegionTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.region.parentCode ? nodes.get(node.region.parentCode) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: RegionTreeNode, b: RegionTreeNode) => a.key.localeCompare(b.key);
  const sortDeep = (list: RegionTreeNode[]): RegionTreeNode[] => {
    list.sort(byCode);
    for (const node of list) sortDeep(node.children);
    return list;
  };
  return sortDeep(roots);
}
