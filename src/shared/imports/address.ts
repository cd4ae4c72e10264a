import { divisionTree, type Division, type PlaceNames } from '../regions/divisions';

/**
 * Splits a one-field address as platform reports give it — "上海 上海市 浦东新区 张江路88号"
 * (淘宝, spaced) or "广东深圳市福田区农园路66号" (京东, run together) — into province, city, district
 * and the rest, by matching the national division table level by level. A province may be
 * written without its suffix (广东 for 广东省); a direct-administered city repeats its name at
 * the city level (上海 上海市). What does not match stays in the address, never guessed.
 */
const SUFFIX = /(省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$/;
const shortName = (name: string) => name.replace(SUFFIX, '');

function take(text: string, level: readonly Division[]): { division: Division; rest: string } | null {
  const trimmed = text.replace(/^[\s\u3000,，]+/, '');
  let best: { division: Division; rest: string } | null = null;
  for (const division of level) {
    for (const name of [division.name, shortName(division.name)]) {
      if (name.length >= 2 && trimmed.startsWith(name) && (!best || name.length > best.division.name.length)) {
        const rest = trimmed.slice(name.length);
        best = { division: { ...division, name: division.name }, rest };
      }
    }
  }
  return best;
}

export function splitAddress(full: string): PlaceNames & { address: string } {
  let rest = full.trim();
  const place = { province: '', city: '', district: '' };
  const province = take(rest, divisionTree());
  if (!province) return { ...place, address: rest };
  place.province = province.division.name;
  rest = province.rest;
  // 上海 上海市 …: a municipality names itself again as its city (the table says so too).
  const city = take(rest, province.division.children);
  if (city) {
    place.city = city.division.name;
    rest = city.rest;
    const district = take(rest, city.division.children);
    if (district) {
      place.district = district.division.name;
      rest = district.rest;
    }
  }
  return { ...place, address: rest.trim() };
}
