import { Card, theme } from 'antd';
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportAnswer } from '../../../shared/contract/reports';
import { useMessages } from '../../i18n';

const HOUR = 3_600_000;
const yuan = (fen: number) => Math.round(fen) / 100;
const hours = (ms: number | null) => (ms === null ? 0 : Math.round((ms / HOUR) * 10) / 10);

/** The report's charts (recharts, SVG): what changes over the range, and how the places compare. */
export function ReportCharts({ report }: { report: ReportAnswer }) {
  const m = useMessages();
  const { token } = theme.useToken();
  const c = m.reports.column;
  const colors = [token.colorPrimary, token.colorWarning, token.colorSuccess];
  const trend = report.periods.map((p) => ({ label: p.period.slice(5), orders: p.orders, gmv: yuan(p.gmv) }));
  const platforms = report.platforms.map((p) => ({ label: m.platform[p.platform], gmv: yuan(p.gmv) }));
  const warehouses = report.warehouses.map((w) => ({
    label: w.name,
    shipped: w.shipped,
    p50: hours(w.leadTime.p50),
  }));
  const shippers = report.shippers.map((s) => ({ label: s.name, perHour: Math.round(s.perHour * 10) / 10 }));
  const stores = report.stores.map((s) => ({ label: s.name, redemptions: s.redemptions }));
  return (
    <div className="report-charts" data-testid="report-charts">
      <Chart title={m.reports.chart.trend} testId="chart-trend" wide>
        <ComposedChart data={trend}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis yAxisId="orders" allowDecimals={false} />
          <YAxis yAxisId="gmv" orientation="right" />
          <Tooltip />
          <Legend />
          <Bar yAxisId="orders" dataKey="orders" name={c.orders} fill={colors[0]} isAnimationActive={false} />
          <Line yAxisId="gmv" dataKey="gmv" name={c.gmv} stroke={colors[1]} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </Chart>
      <Chart title={m.reports.chart.platforms} testId="chart-platforms">
        <BarChart data={platforms} layout="vertical" margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" />
          <YAxis type="category" dataKey="label" width={80} />
          <Tooltip />
          <Bar dataKey="gmv" name={c.gmv} fill={colors[0]} isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title={m.reports.chart.warehouses} testId="chart-warehouses">
        <ComposedChart data={warehouses}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis yAxisId="shipped" allowDecimals={false} />
          <YAxis yAxisId="p50" orientation="right" />
          <Tooltip />
          <Legend />
          <Bar yAxisId="shipped" dataKey="shipped" name={c.shipped} fill={colors[0]} isAnimationActive={false} />
          <Line yAxisId="p50" dataKey="p50" name={c.p50} stroke={colors[1]} isAnimationActive={false} />
        </ComposedChart>
      </Chart>
      <Chart title={m.reports.chart.shippers} testId="chart-shippers">
        <BarChart data={shippers}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis />
          <Tooltip />
          <Bar dataKey="perHour" name={c.perHour} fill={colors[2]} isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title={m.reports.chart.stores} testId="chart-stores">
        <BarChart data={stores}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="redemptions" name={c.redemptions} fill={colors[1]} isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

function Chart({
  title,
  testId,
  wide,
  children,
}: {
  title: string;
  testId: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      className={wide ? 'report-chart-card wide' : 'report-chart-card'}
    >
      <div className="report-chart">
        <ResponsiveContainer width="100%" height="100%">
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
    </Card>
  );
}
