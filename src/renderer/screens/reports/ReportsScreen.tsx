import { Alert, Button, Card, DatePicker, Segmented, Space, Statistic, Table, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeskReport, ReportBucket } from '../../../shared/contract/reports';
import { api } from '../../api/client';
import { Amount } from '../../components/Amount';
import { EmptyState, LoadingState } from '../../components/States';
import { fill, useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { downloadXlsxSheets } from '../../lib/download';
import { ReportCharts } from './ReportCharts';
import { lastDays, reportRange } from './report-range';
import { durationWords, reportSheets, reportTables, type ReportColumn, type ReportTable } from './report-tables';
import '../review/review.css';
import './reports.css';

const MINUTE = 60_000;

/**
 * 报表: the service's figures over the caller's scope, per day or week, as charts with their tables
 * beneath and an Excel workbook of the same tables. The desk keeps each answer, so a supervisor
 * reads the last one offline, told when it was fetched.
 */
export function ReportsScreen() {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  // The last 30 business days, the range a supervisor opens most.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => lastDays(30));
  const [bucket, setBucket] = useState<ReportBucket>('day');
  const [answer, setAnswer] = useState<DeskReport | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    () =>
      api['reports.summary']({ ...reportRange(range), bucket }).then((result) => {
        setLoading(false);
        if (result.ok) setAnswer(result.value);
      }),
    [range, bucket],
  );
  useEffect(() => void load(), [load]);
  const refresh = () => {
    setLoading(true);
    void load();
  };

  const report = answer?.report ?? null;
  const tables = useMemo(() => (report ? reportTables(report, m) : []), [report, m]);
  const exportXlsx = () =>
    void downloadXlsxSheets(
      `${m.reports.title}-${range[0].format('YYYYMMDD')}-${range[1].format('YYYYMMDD')}.xlsx`,
      reportSheets(tables, m.reports.minutesUnit),
    );

  return (
    <section className="reports-screen" data-testid="reports-screen">
      <Typography.Title level={4}>{m.reports.title}</Typography.Title>
      <Space wrap className="reports-bar">
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          aria-label={m.reports.range}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        />
        <Segmented<ReportBucket>
          value={bucket}
          onChange={setBucket}
          options={[
            { value: 'day', label: m.reports.bucket.day },
            { value: 'week', label: m.reports.bucket.week },
          ]}
        />
        <Button onClick={refresh} loading={loading} data-testid="reports-refresh">
          {m.reports.refresh}
        </Button>
        <Button type="primary" disabled={!report} onClick={exportXlsx} data-testid="reports-export">
          {m.reports.exportXlsx}
        </Button>
        {answer?.fetchedAt != null && !answer.offline && (
          <Typography.Text type="secondary" data-testid="reports-fetched">
            {fill(m.reports.fetchedAt, { time: dateTime(answer.fetchedAt, locale) })}
          </Typography.Text>
        )}
      </Space>
      {answer?.offline && (
        <Alert
          type="warning"
          showIcon
          data-testid="reports-offline"
          title={
            answer.fetchedAt === null
              ? m.reports.offlineNone
              : fill(m.reports.offline, { time: dateTime(answer.fetchedAt, locale) })
          }
        />
      )}
      {answer === null ? (
        <LoadingState />
      ) : report === null ? null : report.totals.orders === 0 && report.periods.every((p) => p.shipped === 0) ? (
        <EmptyState text={m.reports.empty} testId="reports-empty" />
      ) : (
        <>
          <div className="reports-totals" data-testid="reports-totals">
            <Total title={m.reports.total.orders} value={report.totals.orders} />
            <Total title={m.reports.total.gmv} value={<Amount fen={report.totals.gmv} strong />} />
            <Total title={m.reports.total.shipped} value={report.totals.shipped} />
            <Total title={m.reports.total.leadP50} value={durationWords(minutesOf(report.totals.leadTime.p50), m)} />
            <Total title={m.reports.total.leadP90} value={durationWords(minutesOf(report.totals.leadTime.p90), m)} />
            <Total title={m.reports.total.refunds} value={report.totals.refunds} />
            <Total title={m.reports.total.refundAmount} value={<Amount fen={report.totals.refundAmount} />} />
            <Total title={m.reports.total.refundRate} value={`${(report.totals.refundRateBp / 100).toFixed(2)}%`} />
          </div>
          <ReportCharts report={report} />
          <Tabs
            items={tables.map((table) => ({
              key: table.id,
              label: table.title,
              children: <ReportTableView table={table} />,
            }))}
          />
        </>
      )}
    </section>
  );
}

const minutesOf = (ms: number | null) => (ms === null ? null : Math.round(ms / MINUTE));

function Total({ title, value }: { title: string; value: React.ReactNode }) {
  return (
    <Card size="small">
      <Statistic title={title} valueRender={() => value} />
    </Card>
  );
}

/** A table beneath the charts: the same rows the workbook gets. */
function ReportTableView({ table }: { table: ReportTable }) {
  const m = useMessages();
  const cell = (column: ReportColumn, value: string | number | null) => {
    if (value === null) return m.reports.none;
    if (column.kind === 'money') return <Amount fen={Number(value)} />;
    if (column.kind === 'minutes') return durationWords(Number(value), m);
    return value;
  };
  return (
    <Table
      size="small"
      data-testid={`report-table-${table.id}`}
      rowKey={(row) => String(row.label)}
      dataSource={table.rows}
      pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
      columns={table.columns.map((column) => ({
        key: column.key,
        title: column.title,
        dataIndex: column.key,
        align: column.kind === 'text' ? 'left' : 'right',
        render: (value: string | number | null) => cell(column, value),
      }))}
    />
  );
}
