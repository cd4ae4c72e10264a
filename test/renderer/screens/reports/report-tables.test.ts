import { describe, expect, it } from 'vitest';
import type { ReportAnswer } from '../../../../src/shared/contract/reports';
import { en } from '../../../../src/renderer/i18n/en';
import { zhCN } from '../../../../src/renderer/i18n/zh-CN';
import { durationWords, reportSheets, reportTables } from '../../../../src/renderer/screens/reports/report-tables';

const figures = { orders: 12, gmv: 345_600, shipped: 10, refunds: 1, refundAmount: 2_990 };
const report: ReportAnswer = {
  from: 0,
  to: 1,
  bucket: 'day',
  generatedAt: 1,
  totals: { ...figures, refundRateBp: 833, leadTime: { p50: 3_900_000, p90: null } },
  periods: [{ period: '2025-03-14', ...figures }],
  platforms: [{ platform: 'TMALL', ...figures }],
  sources: [{ source: 'EXTERNAL', ...figures }],
  warehouses: [{ warehouseId: 'WH-SH', name: '上海仓', ...figures, leadTime: { p50: 3_900_000, p90: 7_260_000 } }],
  stores: [{ storeId: 'ST-02', name: '南京西路店', redemptions: 7 }],
  shippers: [{ actor: 'warehouse:warehouse1', name: '张伟', shipped: 9, activeHours: 2, perHour: 4.5, busiestHour: 6 }],
};

describe('a report’s tables', () => {
  it('name platforms, sources, places and people, never their codes', () => {
    const tables = reportTables(report, zhCN);
    const labels = tables.map((t) => t.rows[0]?.label);
    expect(labels).toEqual(['2025-03-14', '天猫', '第三方', '上海仓', '南京西路店', '张伟']);
    expect(JSON.stringify(tables)).not.toMatch(/TMALL|EXTERNAL|WH-SH|ST-02|warehouse1/);
  });

  it('export exactly what the screen shows, one sheet per table, durations in whole minutes', () => {
    const sheets = reportSheets(reportTables(report, zhCN), zhCN.reports.minutesUnit);
    expect(sheets.map((s) => s.name)).toEqual(['按日期', '按平台', '按来源', '按仓库', '按门店', '按人员']);
    const warehouses = sheets[3]!;
    expect(warehouses.columns.map((c) => [c.header, c.kind])).toEqual([
      ['仓库', 'text'],
      ['订单数', 'integer'],
      ['成交额', 'money'],
      ['发货单数', 'integer'],
      ['退款笔数', 'integer'],
      ['退款金额', 'money'],
      ['时效 P50（分钟）', 'integer'],
      ['时效 P90（分钟）', 'integer'],
    ]);
    expect(warehouses.rows).toEqual([['上海仓', 12, 345_600, 10, 1, 2_990, 65, 121]]);
    expect(sheets[5]!.rows).toEqual([['张伟', 9, 2, 4.5, 6]]);
    expect(sheets[5]!.columns[3]).toEqual({ header: '每小时发货', kind: 'decimal' });
  });

  it('say durations as hours and minutes in either language', () => {
    expect(durationWords(65, zhCN)).toBe('1 小时 5 分');
    expect(durationWords(65, en)).toBe('1 h 5 min');
    expect(durationWords(null, zhCN)).toBe('—');
  });
});
