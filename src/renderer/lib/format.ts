import { formatFen } from '../../shared/domain/money';
import type { Locale } from '../i18n';

/** Money is integer fen everywhere; only the screen turns it into yuan. */
export const money = (fen: number): string => formatFen(fen, { symbol: true });

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** Times are stored as UTC epoch ms and shown in the user's own time zone. */
export function dateTime(epochMs: number | null, locale: Locale): string {
  if (epochMs === null) return '—';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(epochMs);
}

const clocks = new Map<Locale, Intl.DateTimeFormat>();

/** A recent moment: the time of day when it is today, else the full date and time. */
export function recentTime(epochMs: number, locale: Locale, now = Date.now()): string {
  if (new Date(epochMs).toDateString() !== new Date(now).toDateString()) return dateTime(epochMs, locale);
  let clock = clocks.get(locale);
  if (!clock) {
    clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
    clocks.set(locale, clock);
  }
  return clock.format(epochMs);
}

/** Midnight today in the user's own time zone, as epoch ms. */
export function startOfToday(now = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}
