import { Cascader } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { PROVINCES } from '../../shared/demo/regions';
import type { Division } from '../../shared/regions/divisions';

/** A city's postcode where the region list knows it, so the field starts filled (empty otherwise). */
export const postcodeOf = (province: string, city: string): string =>
  PROVINCES.find(([p]) => p.name === province)?.[0].cities.find((c) => c.name === city)?.postcode ?? '';

export interface Place {
  province: string;
  city: string;
  district: string;
}

interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

const toOption = (d: Division): RegionOption => ({
  value: d.name,
  label: d.name,
  ...(d.children.length ? { children: d.children.map(toOption) } : {}),
});

/** The national table, loaded on first use (about 160 KB): the first screen never waits for it. */
let loading: Promise<RegionOption[]> | null = null;
const loadOptions = (): Promise<RegionOption[]> =>
  (loading ??= import('../../shared/regions/divisions').then(({ divisionTree }) => divisionTree().map(toOption)));

interface Props {
  value: Place;
  onChange(place: Place): void;
  placeholder?: string;
  ariaLabel?: string;
  testId?: string;
  status?: 'error';
}

/**
 * 省 / 市 / 区 from the national administrative divisions (shared/regions: all 34 provincial
 * divisions, their cities and districts), with search by any level's name ("南山" finds 广东省 /
 * 深圳市 / 南山区). The value stays the names an address carries; a place the table does not know
 * (an old order's) is shown as far as it is known.
 */
export function AddressPicker({ value, onChange, placeholder, ariaLabel, testId, status }: Props) {
  const [options, setOptions] = useState<RegionOption[]>([]);
  useEffect(() => {
    let live = true;
    void loadOptions().then((loaded) => live && setOptions(loaded));
    return () => {
      live = false;
    };
  }, []);
  const path = useMemo(
    () => [value.province, value.city, value.district].filter((part) => part !== ''),
    [value.province, value.city, value.district],
  );
  return (
    <Cascader
      data-testid={testId}
      aria-label={ariaLabel}
      placeholder={placeholder}
      options={options}
      showSearch
      changeOnSelect
      status={status}
      value={path.length ? path : undefined}
      onChange={(picked) => {
        const [province = '', city = '', district = ''] = (picked ?? []) as string[];
        onChange({ province, city, district });
      }}
    />
  );
}
