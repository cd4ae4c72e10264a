/**
 * The business day is the China day: fixed UTC+8 (China has no daylight saving time), whatever
 * the zone of the machine or the browser. Order numbers carry it, reports count by it, and a date
 * a user picks for a report means it.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 24 * 3_600_000;

/** The China day an instant falls on, as days since 1970-01-01. */
export const chinaDay = (at: number): number => Math.floor((at + CHINA_OFFSET_MS) / DAY_MS);

/** A China day (days since 1970-01-01) as its date: 2025-03-14. */
export const chinaDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The instant a China date (2025-03-14) begins: 2025-03-13T16:00:00Z. */
export const chinaDayStart = (date: string): number => Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS;
