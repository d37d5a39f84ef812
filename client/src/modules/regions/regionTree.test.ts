import type { Region } from './regions.graphql';
import { buildRegionTree, type RegionTreeNode } from './regionTree';

const region = (code: string, parentCode: string | null, level: Region['level']): Region => ({
  id: `id-${code}`,
  code,
  parentCode,
  level,
  name: { zh: `地区${code}`, en: `Region ${code}` },
});

const shape = (nodes: RegionTreeNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? { [n.key]: shape(n.children) } : n.key));

describe('buildRegionTree', () => {
  it('nests regions under their parents, ordered by code', () => {
    const tree = buildRegionTree([
      region('650000', null, 'PROVINCE'),
      region('653100', '650000', 'PREFECTURE'),
      region('653121', '653100', 'COUNTY'),
      region('540000', null, 'PROVINCE'),
      region('653101', '653100', 'COUNTY'),
    ]);
    expect(shape(tree)).toEqual(['540000', { '650000': [{ '653100': ['653101', '653121'] }] }]);
  });

  it('shows a region whose parent is outside the user’s scope as a root', () => {
    const tree = buildRegionTree([region('653100', '650000', 'PREFECTURE'), region('653121', '653100', 'COUNTY')]);
    expect(shape(tree)).toEqual([{ '653100': ['653121'] }]);
  });
});
