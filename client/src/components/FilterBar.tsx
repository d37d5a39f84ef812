import { Flex, Input, Select, TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../generated/graphql';
import { SECTORS } from '../modules/projects/projectEnums';
import { useRegionOptions } from './regionOptions';

// The filter row of the list pages and the dashboard: a labelled search landmark of clearable
// controls, each named by its label. The state lives in the URL (callers).

export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex role="search" aria-label={label} wrap gap="small" align="center">
      {children}
    </Flex>
  );
}

type SearchFilterProps = {
  label: string;
  placeholder: string;
  value: string;
  onSearch: (text: string) => void;
  width: number;
};

/** Free text, applied on Enter or the search button; reset when the URL's value changes. */
export function SearchFilter({ label, placeholder, value, onSearch, width }: SearchFilterProps) {
  return (
    <Input.Search
      key={value}
      aria-label={label}
      placeholder={placeholder}
      defaultValue={value}
      allowClear
      onSearch={(text) => onSearch(text.trim())}
      style={{ width }}
    />
  );
}

type SelectFilterProps<T extends string | number> = {
  label: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  options: { value: T; label: string }[];
  width: number;
  /** Typing filters the options by their label (long lists such as regions). */
  searchable?: boolean;
};

export function SelectFilter<T extends string | number>({
  label,
  value,
  onChange,
  options,
  width,
  searchable,
}: SelectFilterProps<T>) {
  return (
    <Select<T>
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      value={value}
      onChange={(next?: T) => onChange(next)}
      options={options}
      style={{ width }}
    />
  );
}

type TreeFilterProps<T extends string> = {
  label: string;
  /** Shown while empty; the label by default. */
  placeholder?: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  width: number;
};

/** A region at any level of the tree (a prefecture includes its counties), by name in the current language. */
export function RegionFilter({ label, placeholder, value, onChange, width }: TreeFilterProps<string>) {
  const regions = useRegionOptions();
  return (
    <TreeSelect
      aria-label={label}
      placeholder={placeholder ?? label}
      value={value}
      onChange={(code?: string) => onChange(code || undefined)}
      treeData={regions.options}
      loading={regions.loading}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      style={{ width }}
    />
  );
}

/** A sector, by its name in the current language. */
export function SectorFilter({ label, placeholder, value, onChange, width }: TreeFilterProps<Sector>) {
  const { t } = useTranslation();
  return (
    <Select<Sector>
      aria-label={label}
      placeholder={placeholder ?? label}
      value={value}
      onChange={(sector?: Sector) => onChange(sector)}
      options={SECTORS.map((s) => ({ value: s, label: t(`projects.sectorValue.${s}`) }))}
      allowClear
      style={{ width }}
    />
  );
}
