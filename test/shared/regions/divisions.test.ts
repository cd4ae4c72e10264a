import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../../src/shared/demo/regions';
import { PROVINCE_NAMES } from '../../../src/shared/domain/provinces';
import { divisionPath, divisionTree, isKnownPlace } from '../../../src/shared/regions/divisions';

describe('the national division table', () => {
  it('holds all 34 provincial divisions under the names receivers and filters use', () => {
    const names = divisionTree().map((p) => p.name);
    expect(names).toHaveLength(34);
    expect([...names].sort()).toEqual([...PROVINCE_NAMES].sort());
    expect(names).toEqual(expect.arrayContaining(['香港特别行政区', '澳门特别行政区', '台湾省']));
  });

  it('gives every province its cities and every city its districts', () => {
    for (const province of divisionTree()) {
      expect(province.children.length, province.name).toBeGreaterThan(0);
      for (const city of province.children) expect(city.children.length, city.name).toBeGreaterThan(0);
    }
    const guangdong = divisionTree().find((p) => p.name === '广东省')!;
    expect(guangdong.children.length).toBe(21);
    expect(divisionPath({ province: '香港特别行政区', city: '九龙', district: '油尖旺区' }).map((d) => d.code)).toEqual(
      ['810000', '810200', '810202'],
    );
  });

  it('looks a district up inside its own city, since names repeat across the country', () => {
    expect(divisionPath({ province: '江苏省', city: '南京市', district: '鼓楼区' }).at(-1)!.code).toBe('320106');
    expect(divisionPath({ province: '福建省', city: '福州市', district: '鼓楼区' }).at(-1)!.code).toBe('350102');
    expect(isKnownPlace({ province: '江苏省', city: '福州市', district: '鼓楼区' })).toBe(false);
    expect(divisionPath({ province: '广东省', city: '', district: '' })).toHaveLength(1);
  });

  it("knows every place the demo company's receivers live in", () => {
    for (const [province] of PROVINCES)
      for (const city of province.cities)
        for (const district of city.districts)
          expect(isKnownPlace({ province: province.name, city: city.name, district }), district).toBe(true);
  });
});
