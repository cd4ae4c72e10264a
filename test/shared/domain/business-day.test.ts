import { describe, expect, it } from 'vitest';
import {
  chinaClock,
  chinaDate,
  chinaDay,
  chinaDayStart,
  chinaInstant,
  startOfChinaDay,
} from '../../../src/shared/domain/business-day';

/** 2025-03-14 in China runs from 2025-03-13T16:00:00Z to 2025-03-14T16:00:00Z. */
const MIDNIGHT = Date.parse('2025-03-13T16:00:00Z');

describe('the business day (China time, UTC+8)', () => {
  it('starts a day at China’s midnight, whatever the machine’s zone', () => {
    expect(chinaDate(chinaDay(MIDNIGHT - 1))).toBe('2025-03-13');
    expect(chinaDate(chinaDay(MIDNIGHT))).toBe('2025-03-14');
    expect(chinaDate(chinaDay(Date.parse('2025-03-14T15:59:59.999Z')))).toBe('2025-03-14');
    expect(chinaDayStart('2025-03-14')).toBe(MIDNIGHT);
  });

  it('gives the start of the day an instant falls on, as a shift begins', () => {
    expect(startOfChinaDay(chinaDay(MIDNIGHT))).toBe(MIDNIGHT);
    expect(startOfChinaDay(chinaDay(MIDNIGHT + 23 * 3_600_000))).toBe(MIDNIGHT);
    expect(startOfChinaDay(chinaDay(MIDNIGHT - 1))).toBe(MIDNIGHT - 24 * 3_600_000);
  });

  it('reads an instant as China’s wall clock shows it, and back', () => {
    const at = Date.parse('2024-12-31T17:05:09Z');
    expect(chinaClock(at)).toEqual({ year: 2025, month: 1, day: 1, hour: 1, minute: 5, second: 9 });
    expect(chinaInstant(2025, 1, 1, 1, 5, 9)).toBe(at);
    expect(chinaInstant(2025, 3, 14)).toBe(MIDNIGHT);
  });

  it('carries over a field past its range, so a reader of typed dates checks what it got', () => {
    const feb30 = chinaInstant(2025, 2, 30);
    expect(chinaClock(feb30)).toMatchObject({ month: 3, day: 2 });
  });
});
