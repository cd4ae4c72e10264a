import { fill } from '../i18n/fill';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time as people say it on a queue: the largest whole unit ("3 小时", "2 days"). */
export function spanWords(ms: number, words: { minutes: string; hours: string; days: string }): string {
  const span = Math.max(0, ms);
  if (span >= DAY) return fill(words.days, { n: Math.floor(span / DAY) });
  if (span >= HOUR) return fill(words.hours, { n: Math.floor(span / HOUR) });
  return fill(words.minutes, { n: Math.floor(span / MINUTE) });
}
