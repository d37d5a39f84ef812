import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../modules/projects/projectEnums';
import { REGIONS_QUERY } from '../modules/regions/regions.graphql';
import { buildRegionTree, type RegionTreeNode } from '../modules/regions/regionTree';

export type RegionOption = { value: string; title: string; children?: RegionOption[] };

/** The visible region tree as TreeSelect options, names in the current language. */
export function useRegionOptions(): { options: RegionOption[]; loading: boolean; nameOf: (code: string) => string } {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data, loading } = useQuery(REGIONS_QUERY);
  return useMemo(() => {
    const toOption = (node: RegionTreeNode): RegionOption => ({
      value: node.region.code,
      title: pickLocalized(node.region.name, language),
      children: node.children.length ? node.children.map(toOption) : undefined,
    });
    const names = new Map((data?.regions ?? []).map((r) => [r.code, pickLocalized(r.name, language)]));
    return {
      options: buildRegionTree(data?.regions ?? []).map(toOption),
      loading,
      nameOf: (code: string) => names.get(code) ?? code,
    };
  }, [data, loading, language]);
}
