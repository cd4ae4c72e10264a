import { describe, it, expect } from 'vitest';
import {
  makeChildOrderNumber,
  makeOrderNumber,
  parentOfOrderNumber,
  parseOrderNumber,
  sourceOfOrderNumber,
} from '../../../src/shared/domain/order-number';

// 2024-03-14 10:15:30 in China (UTC+8).
const at = Date.UTC(2024, 2, 14, 2, 15, 30);

describe('makeOrderNumber', () => {
  it('writes marker, China date, device and sequence', () => {
    expect(makeOrderNumber({ source: 'DEALER', at, deviceCode: 42, seq: 17 })).toBe('D2403140042000017');
    expect(makeOrderNumber({ source: 'MALL', at, deviceCode: 0, seq: 1 })).toBe('M2403140000000001');
    expect(makeOrderNumber({ source: 'EXTERNAL', at, deviceCode: 9999, seq: 999999 })).toBe('E2403149999999999');
  });

  it('gives two offline devices different numbers for the same second and sequence', () => {
    const a = makeOrderNumber({ source: 'DEALER', at, deviceCode: 1, seq: 5 });
    const b = makeOrderNumber({ source: 'DEALER', at, deviceCode: 2, seq: 5 });
    expect(a).not.toBe(b);
  });

  it('dates by the China calendar: 16:30 UTC is already the next day in China', () => {
    expect(makeOrderNumber({ source: 'MALL', at: Date.UTC(2024, 2, 13, 16, 30), deviceCode: 0, seq: 0 })).toMatch(
      /^M240314/,
    );
    expect(makeOrderNumber({ source: 'MALL', at: Date.UTC(2024, 2, 13, 15, 59), deviceCode: 0, seq: 0 })).toMatch(
      /^M240313/,
    );
  });

  it('dates New Year’s Eve late evening in China as the new year', () => {
    expect(makeOrderNumber({ source: 'MALL', at: Date.UTC(2024, 11, 31, 17, 0), deviceCode: 0, seq: 0 })).toMatch(
      /^M250101/,
    );
  });

  it.each([
    ['a device code above 9999', { deviceCode: 10000, seq: 1 }],
    ['a negative device code', { deviceCode: -1, seq: 1 }],
    ['a fractional device code', { deviceCode: 1.5, seq: 1 }],
    ['a sequence above 999999', { deviceCode: 1, seq: 1_000_000 }],
    ['a negative sequence', { deviceCode: 1, seq: -1 }],
  ])('throws on %s, a configuration bug', (_label, parts) => {
    expect(() => makeOrderNumber({ source: 'DEALER', at, ...parts })).toThrow(RangeError);
  });
});

describe('child order numbers', () => {
  const parent = makeOrderNumber({ source: 'MALL', at, deviceCode: 0, seq: 123 });

  it('append a two-digit index to the parent number', () => {
    expect(makeChildOrderNumber(parent, 1)).toBe(`${parent}01`);
    expect(makeChildOrderNumber(parent, 99)).toBe(`${parent}99`);
  });

  it('refuse an index outside 01..99 and a parent that is itself a child', () => {
    expect(() => makeChildOrderNumber(parent, 0)).toThrow(RangeError);
    expect(() => makeChildOrderNumber(parent, 100)).toThrow(RangeError);
    expect(() => makeChildOrderNumber(`${parent}01`, 1)).toThrow(RangeError);
    expect(() => makeChildOrderNumber('garbage', 1)).toThrow(RangeError);
  });

  it('lead back to their parent', () => {
    expect(parentOfOrderNumber(`${parent}07`)).toBe(parent);
    expect(parentOfOrderNumber(parent)).toBe(parent);
    expect(parentOfOrderNumber('nope')).toBeNull();
  });
});

describe('parseOrderNumber', () => {
  it('round-trips a parent number', () => {
    const no = makeOrderNumber({ source: 'DEALER', at, deviceCode: 42, seq: 17 });
    expect(parseOrderNumber(no)).toEqual({
      source: 'DEALER',
      date: '2024-03-14',
      deviceCode: 42,
      seq: 17,
      childIndex: null,
    });
  });

  it('round-trips a child number', () => {
    const no = makeChildOrderNumber(makeOrderNumber({ source: 'EXTERNAL', at, deviceCode: 0, seq: 9 }), 3);
    expect(parseOrderNumber(no)).toEqual({
      source: 'EXTERNAL',
      date: '2024-03-14',
      deviceCode: 0,
      seq: 9,
      childIndex: 3,
    });
  });

  it.each([
    '',
    'D240314004200001', // one digit short
    'D240314004200001700', // child index 00
    'X2403140042000017', // unknown marker
    'd2403140042000017', // lower-case marker
    'D2413140042000017', // month 13
    'D2402300042000017', // 30 February
    'D24031400420000A7',
    ' D2403140042000017',
  ])('returns null for malformed %j', (no) => {
    expect(parseOrderNumber(no)).toBeNull();
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseOrderNumber('M2402290000000001')?.date).toBe('2024-02-29');
    expect(parseOrderNumber('M2302290000000001')).toBeNull();
  });
});

describe('sourceOfOrderNumber', () => {
  it('reads the source from the marker', () => {
    expect(sourceOfOrderNumber('M2403140000000001')).toBe('MALL');
    expect(sourceOfOrderNumber('D240314000100000101')).toBe('DEALER');
    expect(sourceOfOrderNumber('E2403140000000001')).toBe('EXTERNAL');
    expect(sourceOfOrderNumber('Z')).toBeNull();
  });
});
