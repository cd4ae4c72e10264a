import { describe, expect, it } from 'vitest';
import { formatTable, latency, percentile, throughput, toJson, verdict, type Figure } from './figures';

describe('the benchmark’s figures', () => {
  it('takes percentiles by nearest rank, whatever order the samples came in', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 5)).toBe(1);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it('reports a latency as its median and p95, both beside the target', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latency('list · first page', samples, 10)).toEqual([
      { name: 'list · first page · median', value: 50, unit: 'ms', target: 10, better: 'lower' },
      { name: 'list · first page · p95', value: 95, unit: 'ms', target: 10, better: 'lower' },
    ]);
  });

  it('reports a throughput’s p95 as the rate the slow chunks still reach', () => {
    const chunks = [100, 100, 100, 100, 1000].map((ms) => ({ items: 200, ms }));
    const [mid, slow] = throughput('ingest', chunks, 'orders/s', 50_000);
    expect(mid!.value).toBe(2000);
    expect(slow!.value).toBe(200);
    expect(slow!.better).toBe('higher');
  });

  it('says met or MISSED by which way is better, and nothing without a target', () => {
    const figure = (value: number, better: Figure['better'], target: number | null = 10): Figure => ({
      name: 'x',
      value,
      unit: 'ms',
      target,
      better,
    });
    expect(verdict(figure(10, 'lower'))).toBe('met');
    expect(verdict(figure(10.5, 'lower'))).toBe('MISSED');
    expect(verdict(figure(9, 'higher'))).toBe('MISSED');
    expect(verdict(figure(9, 'lower', null))).toBe('–');
    expect(verdict(figure(NaN, 'lower'))).toBe('–');
  });

  it('prints an aligned Markdown table with each figure beside its target', () => {
    const table = formatTable([
      { name: 'search · p95', value: 12.345, unit: 'ms', target: 15, better: 'lower' },
      { name: 'ingest · median', value: 48210.4, unit: 'orders/s', target: 50_000, better: 'higher' },
    ]).split('\n');
    expect(table[0]).toMatch(/^\| figure +\| value +\| target +\| verdict \|$/);
    expect(table[2]).toContain('| 12.3 ms ');
    expect(table[2]).toContain('| ≤ 15 ms ');
    expect(table[2]).toMatch(/\| met +\|$/);
    expect(table[3]).toContain('| 48,210 orders/s |');
    expect(table[3]).toContain('≥ 50,000 orders/s');
    expect(table[3]).toMatch(/\| MISSED +\|$/);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });

  it('writes JSON with the machine, the size and every figure; an unmeasured value is null', () => {
    const json = JSON.parse(
      toJson({
        machine: '2 × test CPU',
        orders: 10_000,
        figures: [{ name: 'counts · p95', value: NaN, unit: 'ms', target: null, better: 'lower' }],
      }),
    );
    expect(json).toEqual({
      machine: '2 × test CPU',
      orders: 10_000,
      figures: [{ name: 'counts · p95', value: null, unit: 'ms', target: null, better: 'lower' }],
    });
  });
});
