import { Empty, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toLanguage } from '../../app/i18n';
import type { Region, RegionWithCounts } from './regions.graphql';
import { buildRegionTree, type RegionTreeNode } from './regionTree';

// Small trees open fully; large ones open the top level only.
const EXPAND_ALL_LIMIT = 60;

const countsOf = (region: Region | RegionWithCounts) => ('counts' in region ? region.counts : undefined);

export function RegionTree({ regions }: { regions: readonly (Region | RegionWithCounts)[] }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const tree = useMemo(() => buildRegionTree(regions), [regions]);

  const treeData = useMemo(() => {
    const toTreeData = (node: RegionTreeNode<Region | RegionWithCounts>): TreeDataNode => {
      const counts = countsOf(node.region);
      return {
        key: node.key,
        title: (
          <Space size="small" wrap>
            <Link to={`/regions/${node.region.code}`}>
              {language === 'en' ? node.region.name.en : node.region.name.zh}
            </Link>
            <Typography.Text type="secondary" code>
              {node.region.code}
            </Typography.Text>
            <Tag variant="filled">{t(`regions.level.${node.region.level}`)}</Tag>
            {counts && (
              <Typography.Text type="secondary">
                {t('regionPage.treeCounts', {
                  projects: counts.projectsIncludingDescendants,
                  contacts: counts.contacts,
                  activities: counts.liaisonActivities,
                })}
              </Typography.Text>
            )}
          </Space>
        ),
        children: node.children.length ? node.children.map(toTreeData) : undefined,
      };
    };
    return tree.map(toTreeData);
  }, [tree, language, t]);

  if (regions.length === 0) return <Empty description={t('regions.empty')} />;

  return (
    <div role="group" aria-label={t('regions.treeLabel')}>
      <Tree
        showLine
        blockNode
        selectable={false}
        treeData={treeData}
        defaultExpandAll={regions.length <= EXPAND_ALL_LIMIT}
        defaultExpandedKeys={tree.map((node) => node.key)}
      />
    </div>
  );
}
