import type { ReportAnswer } from '../../../shared/contract/reports';
import type { XlsxKind, XlsxSheet } from '../../../shared/files/xlsx';
import { fill } from '../../i18n/fill';
import type { Messages } from '../../i18n/zh-CN';

/** A cell as the screen shows it and the workbook keeps it: money in fen, durations in whole minutes. */
export type CellKind = XlsxKind | 'minutes';

export interface ReportColumn {
  key: string;
  title: string;
  kind: CellKind;
}

export interface ReportTable {
  id: 'periods' | 'platforms' | 'sources' | 'warehouses' | 'stores' | 'shippers';
  title: string;
  columns: ReportColumn[];
  rows: Array<Record<string, string | number | null>>;
}

type Words = Pick<Messages, 'reports' | 'platform' | 'source'>;

const MINUTE = 60_000;
const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / MINUTE));

/**
 * The report's tables, each once for the screen (beneath the charts) and for the Excel workbook (a
 * sheet each), so what is shown and what is exported never differ. Names, not codes: platforms and
 * sources translated, warehouses, stores and desk users by the names the service answered.
 */
export function reportTables(report: ReportAnswer, m: Words): ReportTable[] {
  const c = m.reports.column;
  const figures: ReportColumn[] = [
    { key: 'orders', title: c.orders, kind: 'integer' },
    { key: 'gmv', title: c.gmv, kind: 'money' },
    { key: 'shipped', title: c.shipped, kind: 'integer' },
    { key: 'refunds', title: c.refunds, kind: 'integer' },
    { key: 'refundAmount', title: c.refundAmount, kind: 'money' },
  ];
  const pick = (f: { orders: number; gmv: number; shipped: number; refunds: number; refundAmount: number }) => ({
    orders: f.orders,
    gmv: f.gmv,
    shipped: f.shipped,
    refunds: f.refunds,
    refundAmount: f.refundAmount,
  });
  return [
    {
      id: 'periods',
      title: m.reports.sheet.periods,
      columns: [{ key: 'label', title: c.period, kind: 'text' }, ...figures],
      rows: report.periods.map((p) => ({ label: p.period, ...pick(p) })),
    },
    {
      id: 'platforms',
      title: m.reports.sheet.platforms,
      columns: [{ key: 'label', title: c.platform, kind: 'text' }, ...figures],
      rows: report.platforms.map((p) => ({ label: m.platform[p.platform], ...pick(p) })),
    },
    {
      id: 'sources',
      title: m.reports.sheet.sources,
      columns: [{ key: 'label', title: c.source, kind: 'text' }, ...figures],
      rows: report.sources.map((s) => ({ label: m.source[s.source], ...pick(s) })),
    },
    {
      id: 'warehouses',
      title: m.reports.sheet.warehouses,
      columns: [
        { key: 'label', title: c.warehouse, kind: 'text' },
        ...figures,
        { key: 'p50', title: c.p50, kind: 'minutes' },
        { key: 'p90', title: c.p90, kind: 'minutes' },
      ],
      rows: report.warehouses.map((w) => ({
        label: w.name,
        ...pick(w),
        p50: minutes(w.leadTime.p50),
        p90: minutes(w.leadTime.p90),
      })),
    },
    {
      id: 'stores',
      title: m.reports.sheet.stores,
      columns: [
        { key: 'label', title: c.store, kind: 'text' },
        { key: 'redemptions', title: c.redemptions, kind: 'integer' },
      ],
      rows: report.stores.map((s) => ({ label: s.name, redemptions: s.redemptions })),
    },
    {
      id: 'shippers',
      title: m.reports.sheet.shippers,
      columns: [
        { key: 'label', title: c.shipper, kind: 'text' },
        { key: 'shipped', title: c.shipped, kind: 'integer' },
        { key: 'activeHours', title: c.activeHours, kind: 'integer' },
        { key: 'perHour', title: c.perHour, kind: 'decimal' },
        { key: 'busiestHour', title: c.busiestHour, kind: 'integer' },
      ],
      rows: report.shippers.map((s) => ({
        label: s.name,
        shipped: s.shipped,
        activeHours: s.activeHours,
        perHour: Math.round(s.perHour * 10) / 10,
        busiestHour: s.busiestHour,
      })),
    },
  ];
}

/** A duration in minutes as people read it: "2 小时 5 分". */
export const durationWords = (mins: number | null, m: Pick<Messages, 'reports'>): string =>
  mins === null ? m.reports.none : fill(m.reports.hoursMinutes, { h: Math.floor(mins / 60), m: mins % 60 });

/** The tables as the sheets of one workbook: durations as whole minutes, said in the header. */
export const reportSheets = (tables: readonly ReportTable[], minutesUnit: string): XlsxSheet[] =>
  tables.map((table) => ({
    name: table.title,
    columns: table.columns.map((col) =>
      col.kind === 'minutes'
        ? { header: `${col.title}（${minutesUnit}）`, kind: 'integer' as const }
        : { header: col.title, kind: col.kind },
    ),
    rows: table.rows.map((row) => table.columns.map((col) => row[col.key] ?? null)),
  }));
