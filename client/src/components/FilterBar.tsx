import { Flex, Input, Select } from 'antd';
import type { ReactNode } from 'react';

// The filter row of the list pages (agreements, liaison log, fund ledger): a labelled search
// landmark of clearable controls, each named by its placeholder. The state lives in the URL (callers).

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
