import dayjs, { type Dayjs } from 'dayjs';
import { chinaDate, chinaDay, chinaDayStart, DAY_MS } from '../../../shared/domain/business-day';

/**
 * The dates a supervisor picks are business days (China days), the days the report counts by: a
 * desk in another zone asks for the same days as one in Shanghai, never a range shifted by its
 * offset that spills into the next China day.
 */
export const reportRange = ([first, last]: readonly [Dayjs, Dayjs]): { from: number; to: number } => ({
  from: chinaDayStart(first.format('YYYY-MM-DD')),
  to: chinaDayStart(last.format('YYYY-MM-DD')) + DAY_MS,
});

/** The last `days` business days up to today's, today being the China day now. */
export const lastDays = (days: number, now = Date.now()): [Dayjs, Dayjs] => {
  const today = dayjs(chinaDate(chinaDay(now)));
  return [today.subtract(days - 1, 'day'), today];
};
