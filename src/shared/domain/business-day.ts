/**
 * The business day is the China day: fixed UTC+8 (China has no daylight saving time), whatever
 * the zone of the machine or the browser. Order numbers carry it, reports count by it, a shift
 * runs from its midnight, and a date a user picks (a report's range, a re-pull's start) means it.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 24 * 3_600_000;

/** The China day an instant falls on, as days since 1970-01-01. */
export const chinaDay = (at: number): number => Math.floor((at + CHINA_OFFSET_MS) / DAY_MS);

/** The instant a China day (days since 1970-01-01) begins. */
export const startOfChinaDay = (day: number): number => day * DAY_MS - CHINA_OFFSET_MS;

/** A China day (days since 1970-01-01) as its date: 2025-03-14. */
export const chinaDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The instant a China date (2025-03-14) begins: 2025-03-13T16:00:00Z. */
export const chinaDayStart = (date: string): number => Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS;

/** What a clock on a wall in China shows at an instant (month 1–12). */
export interface ChinaClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function chinaClock(at: number): ChinaClock {
  const d = new Date(at + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The instant a China wall-clock time names. Like Date.UTC, fields past their range carry over
 * (day 32 is the next month's 1st): a caller that reads a person's text checks it with chinaClock.
 */
export const chinaInstant = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number =>
  Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS;
