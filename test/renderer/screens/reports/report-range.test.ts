import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaDate, chinaDay } from '../../../../src/shared/domain/business-day';
import { lastDays, reportRange } from '../../../../src/renderer/screens/reports/report-range';

const ZONES = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland'];

/** The China days a range covers, as the service buckets them (reports/summary.ts). */
const daysOf = ({ from, to }: { from: number; to: number }): string[] => {
  const days: string[] = [];
  for (let day = chinaDay(from); day <= chinaDay(to - 1); day++) days.push(chinaDate(day));
  return days;
};

describe('the reports’ date range means business days (China days), wherever the desk is', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('asks for the same days, 14 to 16 March, whichever zone the browser picked them in', () => {
    const asked = ZONES.map((zone) => {
      vi.stubEnv('TZ', zone);
      const range = reportRange([dayjs('2025-03-14'), dayjs('2025-03-16')]);
      return { zone, range, days: daysOf(range) };
    });
    for (const { zone, range, days } of asked) {
      expect(days, zone).toEqual(['2025-03-14', '2025-03-15', '2025-03-16']);
      // From Shanghai's midnight to the next midnight after the last day.
      expect(range, zone).toEqual({ from: Date.UTC(2025, 2, 13, 16), to: Date.UTC(2025, 2, 16, 16) });
    }
  });

  it('opens on the last 30 business days up to China’s today, even where the local date is another', () => {
    // 20:00 UTC on 14 March is already 15 March in China, still 14 March in Berlin or Los Angeles.
    const now = Date.UTC(2025, 2, 14, 20);
    for (const zone of ZONES) {
      vi.stubEnv('TZ', zone);
      const days = daysOf(reportRange(lastDays(30, now)));
      expect(days, zone).toHaveLength(30);
      expect(days.at(-1), zone).toBe('2025-03-15');
      expect(days[0], zone).toBe('2025-02-14');
    }
  });
});
