import { describe, it, expect } from 'vitest';
import { assertFen, formatFen, percentOfHalfUp, yuanToFen } from '../../../src/shared/domain/money';

describe('yuanToFen: reading what people type in a price field', () => {
  it.each([
    ['45', 4500],
    ['45.5', 4550],
    ['45.00', 4500],
    ['0', 0],
    ['0.01', 1],
    ['1,234.56', 123456],
    ['1,234,567', 123456700],
    ['  12.30 ', 1230],
    ['¥15.00', 1500],
    ['￥ 8', 800],
  ])('reads %j as %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each([
    '',
    ' ',
    '-20',
    '-0.01',
    '1.234',
    '12.',
    '.5',
    '00.5',
    '007',
    '1,23',
    '12,34.5',
    'abc',
    '4 5',
    '1e3',
    '0x10',
    'NaN',
    '１２',
  ])('refuses %j rather than guess', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });

  it('refuses amounts too large to count in fen exactly', () => {
    expect(yuanToFen('999999999999999999')).toBeNull();
  });
});

describe('formatFen: showing an amount', () => {
  it('shows two decimals, with or without the yuan sign', () => {
    expect(formatFen(1500)).toBe('15.00');
    expect(formatFen(1500, { symbol: true })).toBe('¥15.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(0)).toBe('0.00');
  });

  it('shows a discount as a negative amount', () => {
    expect(formatFen(-2000)).toBe('-20.00');
    expect(formatFen(-2000, { symbol: true })).toBe('-¥20.00');
    expect(formatFen(-7)).toBe('-0.07');
  });

  it('groups thousands in reports when asked', () => {
    expect(formatFen(123456789, { grouping: true })).toBe('1,234,567.89');
    expect(formatFen(-100000, { symbol: true, grouping: true })).toBe('-¥1,000.00');
  });

  it('round-trips with yuanToFen', () => {
    for (const fen of [0, 1, 99, 100, 4550, 123456]) expect(yuanToFen(formatFen(fen))).toBe(fen);
  });
});

describe('percentOfHalfUp: percent of an amount, to the fen', () => {
  it('takes 20 % of 100.00 exactly', () => {
    expect(percentOfHalfUp(10000, 2000)).toBe(2000);
  });

  it('rounds halves up', () => {
    expect(percentOfHalfUp(1, 5000)).toBe(1); // 0.5 fen
    expect(percentOfHalfUp(3, 5000)).toBe(2); // 1.5 fen
    expect(percentOfHalfUp(5, 1000)).toBe(1); // 0.5 fen
  });

  it('rounds below a half down', () => {
    expect(percentOfHalfUp(4, 1000)).toBe(0); // 0.4 fen
    expect(percentOfHalfUp(1001, 3333)).toBe(334); // 333.6333
    expect(percentOfHalfUp(1003, 3333)).toBe(334); // 334.2999
  });

  it('takes 33.33 % of odd amounts half up', () => {
    expect(percentOfHalfUp(15, 3333)).toBe(5); // 4.9995
    expect(percentOfHalfUp(9999, 3333)).toBe(3333); // 3332.6667
    expect(percentOfHalfUp(12345, 3333)).toBe(4115); // 4114.5885
  });

  it('rounds negative amounts away from zero, like positive ones', () => {
    expect(percentOfHalfUp(-3, 5000)).toBe(-2);
  });

  it('stays exact for amounts where a float product would lose fen', () => {
    expect(percentOfHalfUp(659_042_894_834_897, 2962)).toBe(195_208_505_450_096);
  });

  it('refuses fractional inputs as a programming error', () => {
    expect(() => percentOfHalfUp(10.5, 100)).toThrow(RangeError);
    expect(() => percentOfHalfUp(100, 12.5)).toThrow(RangeError);
    expect(() => percentOfHalfUp(100, -1)).toThrow(RangeError);
  });
});

describe('assertFen', () => {
  it('accepts non-negative integers', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(1500)).not.toThrow();
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('throws on %s', (value) => {
    expect(() => assertFen(value)).toThrow(RangeError);
  });
});
