import { chinaClock } from '../domain/business-day';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** yyyyMMdd in China time, as payment providers print it in their serial numbers. */
export function chinaYmd(at: number): string {
  const { year, month, day } = chinaClock(at);
  return `${year}${pad(month)}${pad(day)}`;
}

/** yyMMddHHmmss in China time. */
export function chinaStamp(at: number): string {
  const { hour, minute, second } = chinaClock(at);
  return chinaYmd(at).slice(2) + pad(hour) + pad(minute) + pad(second);
}

export const chinaHour = (at: number): number => chinaClock(at).hour;
