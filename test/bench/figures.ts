/**
 * What the benchmark reports: named figures, each beside its target from the anchors
 * ("Performance marks to beat"), as a table for people and as JSON for machines. Figures are not
 * tests: a missed target is reported, never thrown.
 */
export type Better = 'lower' | 'higher';

export interface Figure {
  /** Group, then what was measured, then the statistic: "list · main · 待发货 · last page · p95". */
  name: string;
  value: number;
  unit: string;
  /** From the anchors; null where they set no mark. */
  target: number | null;
  better: Better;
}

export interface Report {
  machine: string;
  orders: number;
  figures: Figure[];
}

/** Nearest-rank percentile of unsorted samples (p in 0..100); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/**
 * A latency's median and p95, the p95 judged against the target (the anchors' marks are p95s);
 * the median is given the same target so a reader sees both against it.
 */
export function latency(name: string, samplesMs: readonly number[], target: number | null): Figure[] {
  return [
    { name: `${name} · median`, value: median(samplesMs), unit: 'ms', target, better: 'lower' },
    { name: `${name} · p95`, value: percentile(samplesMs, 95), unit: 'ms', target, better: 'lower' },
  ];
}

/**
 * A throughput measured in chunks (pages, batches): the median chunk's rate and the rate of the
 * slow chunk at p95 of the chunk times, i.e. what 95 % of chunks at least reach.
 */
export function throughput(
  name: string,
  chunks: ReadonlyArray<{ items: number; ms: number }>,
  unit: string,
  target: number | null,
): Figure[] {
  const rates = chunks.map((c) => c.items / (c.ms / 1000));
  return [
    { name: `${name} · median`, value: median(rates), unit, target, better: 'higher' },
    { name: `${name} · p95`, value: percentile(rates, 5), unit, target, better: 'higher' },
  ];
}

/** "met", "MISSED", or "–" when there is no target or no value. */
export function verdict(figure: Figure): string {
  if (figure.target === null || !Number.isFinite(figure.value)) return '–';
  const met = figure.better === 'lower' ? figure.value <= figure.target : figure.value >= figure.target;
  return met ? 'met' : 'MISSED';
}

/** Three significant digits, thousands grouped: 0.412, 12.3, 48,210. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

function targetText(figure: Figure): string {
  if (figure.target === null) return '–';
  return `${figure.better === 'lower' ? '≤' : '≥'} ${formatValue(figure.target)} ${figure.unit}`;
}

/** A Markdown table, so the same text reads in a terminal and pastes into docs/performance.md. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.name, `${formatValue(f.value)} ${f.unit}`, targetText(f), verdict(f)]);
  const head = ['figure', 'value', 'target', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Non-finite values (a phase that found nothing to measure) become null: JSON has no NaN. */
export function toJson(report: Report): string {
  return JSON.stringify(
    report,
    (key, value: unknown) => (key === 'value' && typeof value === 'number' && !Number.isFinite(value) ? null : value),
    2,
  );
}
