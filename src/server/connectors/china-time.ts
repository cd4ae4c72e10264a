/**
 * The platforms speak Beijing time (UTC+8, no daylight saving) as "yyyy-MM-dd HH:mm:ss" text:
 * TOP's timestamp and every trade time, 拼多多's order times. Instants here are epoch ms.
 * Not our business day (shared/domain/business-day.ts), though the offset is the same: this is the
 * platforms' wire format, fixed by their protocols, and stays theirs whatever our day becomes.
 */
const OFFSET_MS = 8 * 3_600_000;
const TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

export function formatChinaTime(at: number): string {
  const d = new Date(at + OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** null for anything that is not a real date and time in that exact form. */
export function parseChinaTime(text: string): number | null {
  const m = TEXT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
  return formatChinaTime(at) === text.trim() ? at : null;
}

/** Whole seconds: platform times carry no milliseconds, so instants are compared at that grain. */
export const floorToSecond = (at: number): number => Math.floor(at / 1000) * 1000;
