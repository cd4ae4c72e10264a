import type { ReportAnswer, ReportFigures, ReportQuery } from '../../shared/contract/reports';
import { chinaDate, chinaDay } from '../../shared/domain/business-day';
import type { OrderSource, Platform } from '../../shared/domain/vocabulary';
import { STAFF_NAMES } from '../../shared/demo/timeline';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { scopeClause } from '../orders/scope';
import type { FigureRow, Tx } from '../storage/repositories';

const figures = ({ orders, gmv, shipped, refunds, refundAmount }: FigureRow): ReportFigures => ({
  orders,
  gmv,
  shipped,
  refunds,
  refundAmount,
});
const NONE: ReportFigures = { orders: 0, gmv: 0, shipped: 0, refunds: 0, refundAmount: 0 };
const add = (a: ReportFigures, b: ReportFigures): ReportFigures => ({
  orders: a.orders + b.orders,
  gmv: a.gmv + b.gmv,
  shipped: a.shipped + b.shipped,
  refunds: a.refunds + b.refunds,
  refundAmount: a.refundAmount + b.refundAmount,
});

/** Weeks start on Monday; day 0 (1970-01-01) was a Thursday. */
const mondayOf = (day: number): number => day - ((day + 3) % 7);

/** Every day or week of the range, oldest first, each with its figures (zero when nothing happened). */
function periodsOf(rows: readonly FigureRow[], query: ReportQuery): ReportAnswer['periods'] {
  const start = (day: number) => (query.bucket === 'week' ? mondayOf(day) : day);
  const byPeriod = new Map<number, ReportFigures>();
  for (let day = start(chinaDay(query.from)); day <= chinaDay(query.to - 1); day += query.bucket === 'week' ? 7 : 1) {
    byPeriod.set(day, NONE);
  }
  for (const row of rows) {
    const key = start(Number(row.key));
    byPeriod.set(key, add(byPeriod.get(key) ?? NONE, figures(row)));
  }
  return [...byPeriod.entries()].sort(([a], [b]) => a - b).map(([day, f]) => ({ period: chinaDate(day), ...f }));
}

/** A person as the timeline names them ("warehouse:warehouse1", "warehouse:WH-SH/zhang.wei"), by their name. */
async function nameOf(tx: Tx, actor: string, demo: boolean): Promise<string> {
  const [, who = actor] = actor.split(':');
  const username = who.includes('/') ? who.split('/').at(-1)! : who;
  return (await tx.users.byUsername(username))?.displayName ?? (demo ? STAFF_NAMES[username] : undefined) ?? username;
}

const leadTimes = async (
  tx: Tx,
  scope: ReturnType<typeof scopeClause>,
  query: ReportQuery,
  warehouseId: string | null,
) => ({
  p50: await tx.reports.leadTime(scope, query, 0.5, warehouseId),
  p90: await tx.reports.leadTime(scope, query, 0.9, warehouseId),
});

/**
 * The supervisor's reports over their own scope: SQL aggregates per day or week, per platform,
 * source and warehouse, paid→shipped lead times, refunds and their rate, redemptions per store and
 * orders shipped per desk user per hour.
 */
export function reportSummary(deps: Deps, caller: Caller, query: ReportQuery): Promise<ReportAnswer> {
  return deps.store.unit(async (tx) => {
    const scope = scopeClause(caller.scope);
    const byDay = await tx.reports.figuresByDay(scope, query);
    const total = byDay.map(figures).reduce(add, NONE);
    const warehouses = await tx.reports.figuresBy('warehouse', scope, query);
    const hours = await tx.reports.shipmentsByActorHour(scope, query);
    const actors = [...new Set(hours.map((h) => h.actor))];
    return {
      from: query.from,
      to: query.to,
      bucket: query.bucket,
      generatedAt: deps.clock.now(),
      totals: {
        ...total,
        refundRateBp: total.orders === 0 ? 0 : Math.round((total.refunds * 10_000) / total.orders),
        leadTime: await leadTimes(tx, scope, query, null),
      },
      periods: periodsOf(byDay, query),
      platforms: (await tx.reports.figuresBy('platform', scope, query)).map((row) => ({
        platform: row.key as Platform,
        ...figures(row),
      })),
      sources: (await tx.reports.figuresBy('source', scope, query)).map((row) => ({
        source: row.key as OrderSource,
        ...figures(row),
      })),
      warehouses: await Promise.all(
        warehouses
          .filter((row) => row.key !== null)
          .map(async (row) => {
            const warehouseId = String(row.key);
            const name = (await tx.places.warehouse(warehouseId))?.name ?? warehouseId;
            return { warehouseId, name, ...figures(row), leadTime: await leadTimes(tx, scope, query, warehouseId) };
          }),
      ),
      stores: await Promise.all(
        (await tx.reports.redemptionsByStore(scope, query)).map(async ({ storeId, redemptions }) => ({
          storeId,
          name: (await tx.places.store(storeId))?.name ?? storeId,
          redemptions,
        })),
      ),
      shippers: await Promise.all(
        actors.map(async (actor) => {
          const mine = hours.filter((h) => h.actor === actor);
          const shipped = mine.reduce((n, h) => n + h.shipped, 0);
          return {
            actor,
            name: await nameOf(tx, actor, deps.config.demo),
            shipped,
            activeHours: mine.length,
            perHour: Math.round((shipped / mine.length) * 10) / 10,
            busiestHour: Math.max(...mine.map((h) => h.shipped)),
          };
        }),
      ),
    };
  });
}
