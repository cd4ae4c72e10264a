export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** China has one time zone, UTC+8, and no daylight saving. */
const CHINA_OFFSET = 8 * HOUR;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyyMMdd in China time, as payment providers print it in their serial numbers. */
export function chinaYmd(at: number): string {
  const d = new Date(at + CHINA_OFFSET);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** yyMMddHHmmss in China time. */
export function chinaStamp(at: number): string {
  const d = new Date(at + CHINA_OFFSET);
  return chinaYmd(at).slice(2) + pad(d.getUTCHours()) + pad(d.getUTCMinutes()) + pad(d.getUTCSeconds());
}

export const chinaHour = (at: number): number => Math.floor(((at + CHINA_OFFSET) % DAY) / HOUR);

/** The China calendar day number, for per-day counters. */
export const chinaDay = (at: number): number => Math.floor((at + CHINA_OFFSET) / DAY);
