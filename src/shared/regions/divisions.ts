import { areaList } from '@vant/area-data';

/**
 * China's administrative divisions down to the district (省 / 市 / 区县), from @vant/area-data
 * (MIT, kept by the Vant team against the Ministry of Civil Affairs' GB/T 2260 codes): all 34
 * provincial divisions including 香港, 澳门 and 台湾. About 160 KB of source, so the renderer loads
 * this module on demand (the address picker imports it dynamically) and the first screen never
 * waits for it.
 */
export interface Division {
  /** The six-digit GB/T 2260 code. */
  code: string;
  name: string;
  children: Division[];
}

let tree: Division[] | null = null;

/** Provinces → cities → districts, in code order (北京 first, 澳门 last), built once. */
export function divisionTree(): readonly Division[] {
  if (tree) return tree;
  const provinces = new Map<string, Division>();
  const cities = new Map<string, Division>();
  for (const [code, name] of Object.entries(areaList.province_list))
    provinces.set(code.slice(0, 2), { code, name, children: [] });
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const city = { code, name, children: [] };
    cities.set(code.slice(0, 4), city);
    provinces.get(code.slice(0, 2))?.children.push(city);
  }
  for (const [code, name] of Object.entries(areaList.county_list))
    cities.get(code.slice(0, 4))?.children.push({ code, name, children: [] });
  tree = [...provinces.values()];
  return tree;
}

export interface PlaceNames {
  province: string;
  city: string;
  district: string;
}

/**
 * The divisions an address names, as far as they are known: [province, city, district] when all
 * three are, shorter when a level is empty or unknown. A city name repeats across provinces
 * (鼓楼区 is in 南京, 福州 and 开封), so each level is looked up inside the one above.
 */
export function divisionPath(place: Partial<PlaceNames>): Division[] {
  const path: Division[] = [];
  let level: readonly Division[] = divisionTree();
  for (const name of [place.province, place.city, place.district]) {
    const found = name ? level.find((d) => d.name === name) : undefined;
    if (!found) break;
    path.push(found);
    level = found.children;
  }
  return path;
}

/** Whether province, city and district name one district of the national table. */
export const isKnownPlace = (place: PlaceNames): boolean => divisionPath(place).length === 3;
