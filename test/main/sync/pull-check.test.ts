import { describe, expect, it } from 'vitest';
import { pullResponse } from '../../../src/shared/contract/sync';
import { pullPage } from '../../../src/main/sync/pull-check';
import { demoOrders } from '../../fixtures/orders';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A name of 40 characters outside the Basic Multilingual Plane (rare Chinese characters, as in
 * some family names): 80 UTF-16 units. The contract counts characters, so it fits a field of 64;
 * the fast check must count them the same way.
 */
const RARE_NAME = '𠀀'.repeat(40);

/** Every way to break one value: wrong types, out of range, too long, missing, one key too many. */
function* brokenCopies(value: Json, path: string[] = []): Generator<{ path: string; broken: Json }> {
  const replacements: Json[] = [null, -1, 1.5, '', 'x'.repeat(2_000), RARE_NAME, true, [], {}];
  for (const replacement of replacements) {
    if (JSON.stringify(replacement) !== JSON.stringify(value)) yield { path: path.join('.'), broken: replacement };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      for (const inner of brokenCopies(value[i] as Json, [...path, String(i)])) {
        const copy = [...value];
        copy[i] = inner.broken;
        yield { path: inner.path, broken: copy };
      }
    }
  } else if (value !== null && typeof value === 'object') {
    yield { path: `${path.join('.')}+extra`, broken: { ...value, extra: 1 } };
    for (const key of Object.keys(value)) {
      const { [key]: _dropped, ...without } = value;
      yield { path: `${[...path, key].join('.')}-missing`, broken: without };
      for (const inner of brokenCopies(value[key] as Json, [...path, key])) {
        yield { path: inner.path, broken: { ...value, [key]: inner.broken } };
      }
    }
  }
}

const page = (order: Json): Json => ({ changes: [{ type: 'order', seq: 1, order }], cursor: '1', hasMore: false });

describe('a pulled page, checked the fast way', () => {
  const orders = JSON.parse(JSON.stringify(demoOrders(120))) as Json[];

  it('accepts exactly what the wire schema accepts, records as they come', () => {
    const whole = {
      changes: orders.map((order, i) => ({ type: 'order', seq: i + 1, order })),
      cursor: '9',
      hasMore: true,
    };
    const checked = pullPage.safeParse(whole);
    expect(checked.success).toBe(true);
    expect(checked.success && checked.data).toEqual(pullResponse.parse(whole));
  });

  it('refuses every broken record the wire schema refuses, and only those', () => {
    // Orders of every kind (with receiver or without, parcels, after-sales, codes) broken every way.
    const samples = orders.filter((_, i) => i % 12 === 0);
    let compared = 0;
    for (const order of samples) {
      for (const { path, broken } of brokenCopies(order)) {
        const fast = pullPage.safeParse(page(broken)).success;
        expect(fast, path).toBe(pullResponse.safeParse(page(broken)).success);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('checks the page around the orders and its other changes with the schema itself', () => {
    expect(pullPage.safeParse({ changes: [], cursor: 1, hasMore: false }).success).toBe(false);
    expect(
      pullPage.safeParse({ changes: [{ type: 'order_removed', seq: 2, orderNo: 'M1' }], cursor: '2', hasMore: false })
        .success,
    ).toBe(true);
    expect(
      pullPage.safeParse({ changes: [{ type: 'order_removed', seq: 2 }], cursor: '2', hasMore: false }).success,
    ).toBe(false);
    expect(pullPage.safeParse({ changes: [{ type: 'unknown', seq: 2 }], cursor: '2', hasMore: false }).success).toBe(
      false,
    );
    expect(pullPage.safeParse('<html>').success).toBe(false);
  });
});
