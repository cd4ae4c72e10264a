import type { CatalogueItem } from '../../shared/contract/sync';
import { can } from '../../shared/domain/rights';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { scopeClause, sees } from '../orders/scope';
import type { DealerCatalogueRow, Tx } from '../storage/repositories';

/** One kind of change, read a page at a time in sequence order. */
interface SourcePage {
  /** Changes for this caller, as UTF-8 JSON, in sequence order. */
  items: Array<{ seq: number; json: Buffer[] }>;
  /** Every change of this kind up to this sequence was looked at (Infinity: all of them). */
  seenTo: number;
}

const CLOSE = Buffer.from('}');
const COMMA = Buffer.from(',');

const seenUpTo = (rows: ReadonlyArray<{ seq: number }>, limit: number): number =>
  rows.length > limit ? (rows[limit - 1]?.seq ?? Infinity) : Infinity;

/**
 * Orders in scope, as stored: the page is joined from the stored JSON text of each record, never
 * parsed and serialised again, which is what makes a million-order first sync take seconds.
 */
async function orderChanges(tx: Tx, caller: Caller, after: number, upTo: number, limit: number): Promise<SourcePage> {
  const rows = await tx.orders.pullPage(scopeClause(caller.scope), after, upTo, limit + 1);
  const seen = rows.slice(0, limit);
  return {
    items: seen
      .filter((row) => sees(caller.scope, row))
      .map((row) => ({
        seq: row.seq,
        json: [Buffer.from(`{"type":"order","seq":${row.seq},"order":`), row.json, CLOSE],
      })),
    seenTo: seenUpTo(rows, limit),
  };
}

/**
 * Orders that left the caller's scope: the caller could see them where they were and cannot where
 * they are now (or they are gone). A first sync has nothing to forget, so it skips them.
 */
async function exitChanges(tx: Tx, caller: Caller, after: number, upTo: number, limit: number): Promise<SourcePage> {
  if (after === 0) return { items: [], seenTo: Infinity };
  const rows = await tx.exits.page(after, upTo, limit + 1);
  return {
    items: rows
      .slice(0, limit)
      .filter((exit) => sees(caller.scope, exit) && !(exit.current && sees(caller.scope, exit.current)))
      .map((exit) => ({
        seq: exit.seq,
        json: [Buffer.from(JSON.stringify({ type: 'order_removed', seq: exit.seq, orderNo: exit.orderNo }))],
      })),
    seenTo: seenUpTo(rows, limit),
  };
}

const catalogueItem = (row: DealerCatalogueRow): CatalogueItem => ({
  sku: row.sku,
  merchantId: row.merchantId,
  name: row.name,
  spec: row.spec,
  image: row.image,
  listPrice: row.listPrice,
  dealerPrice: row.dealerPrice,
  onSale: row.onSale,
  stock: row.available,
  campaignId: row.campaignId,
});

/**
 * A dealer's catalogue: the items of their price list with their price and the stock over all
 * warehouses. A user serving several dealers gets the price list of the first one of their scope
 * (a catalogue item has one dealer price).
 */
async function catalogueChanges(
  tx: Tx,
  caller: Caller,
  after: number,
  upTo: number,
  limit: number,
): Promise<SourcePage> {
  const dealerId = caller.scope.dealerIds[0];
  if (!dealerId) return { items: [], seenTo: Infinity };
  const rows = await tx.catalogue.dealerPage(dealerId, after, upTo, limit + 1);
  return {
    items: rows.slice(0, limit).map((row) => ({
      seq: row.seq,
      json: [Buffer.from(JSON.stringify({ type: 'catalogue', seq: row.seq, item: catalogueItem(row) }))],
    })),
    seenTo: seenUpTo(rows, limit),
  };
}

/**
 * The coupons and campaigns a dealer's desk prices drafts with offline: every campaign (items name
 * theirs) and the coupons any dealer of the caller's scope may use.
 */
async function promotionChanges(
  tx: Tx,
  caller: Caller,
  after: number,
  upTo: number,
  limit: number,
): Promise<SourcePage> {
  const dealerIds = caller.scope.dealerIds;
  if (dealerIds.length === 0) return { items: [], seenTo: Infinity };
  const rows = await tx.catalogue.promotionPage(dealerIds, after, upTo, limit + 1);
  return {
    items: rows.slice(0, limit).map(({ kind, seq, ...terms }) => ({
      seq,
      json: [Buffer.from(JSON.stringify({ type: kind, seq, [kind]: terms }))],
    })),
    seenTo: seenUpTo(rows, limit),
  };
}

/** Item barcodes, for the desks that ship (they verify parcels by scanning). */
async function itemChanges(tx: Tx, caller: Caller, after: number, upTo: number, limit: number): Promise<SourcePage> {
  if (!can(caller.role, 'orders.ship')) return { items: [], seenTo: Infinity };
  const rows = await tx.floor.itemCodePage(after, upTo, limit + 1);
  return {
    items: rows.slice(0, limit).map(({ seq, ...item }) => ({
      seq,
      json: [Buffer.from(JSON.stringify({ type: 'item', seq, item }))],
    })),
    seenTo: seenUpTo(rows, limit),
  };
}

/** The floor policy of each warehouse the caller ships from. */
async function warehouseChanges(
  tx: Tx,
  caller: Caller,
  after: number,
  upTo: number,
  limit: number,
): Promise<SourcePage> {
  if (!can(caller.role, 'orders.ship')) return { items: [], seenTo: Infinity };
  const ids = caller.scope.all ? null : caller.scope.warehouseIds;
  const rows = await tx.floor.warehousePage(ids, after, upTo, limit + 1);
  return {
    items: rows.slice(0, limit).map(({ seq, ...warehouse }) => ({
      seq,
      json: [Buffer.from(JSON.stringify({ type: 'warehouse', seq, warehouse }))],
    })),
    seenTo: seenUpTo(rows, limit),
  };
}

const CURSOR = /^\d{1,15}$/;

/** A cursor is a server sequence the service handed out; anything else (or a future one) is refused. */
function readCursor(text: string | undefined, current: number): number {
  if (text === undefined || text === '') return 0;
  const value = CURSOR.test(text) ? Number(text) : NaN;
  if (!(value <= current)) throw new ApiError('BAD_CURSOR', 'Unknown cursor: start again without one');
  return value;
}

/**
 * One page of changes after the cursor, in server sequence order, read no further than the
 * horizon (tx.sequence.current(), taken first): every change up to it has committed or never will,
 * and every change still to commit is numbered above it, so nothing is missed and nothing comes
 * twice, even while other nodes write. Each kind of change is read up to `limit`;
 * the page stops where the first incomplete kind stopped, so no kind can skip ahead of another.
 */
export async function pull(
  deps: Deps,
  caller: Caller,
  cursor: string | undefined,
  limit: number,
  count = false,
): Promise<Buffer> {
  return (await pullPage(deps, caller, cursor, limit, count)).body;
}

/** A page as pull answers it, with where the next one starts. */
export interface PulledPage {
  body: Buffer;
  cursor: string;
  hasMore: boolean;
}

export async function pullPage(
  deps: Deps,
  caller: Caller,
  cursor: string | undefined,
  limit: number,
  count = false,
): Promise<PulledPage> {
  return deps.store.unit(async (tx) => {
    const current = await tx.sequence.current();
    const after = readCursor(cursor, current);
    const remaining = count ? await tx.orders.countAfter(scopeClause(caller.scope), after, current) : null;
    const sources = [
      await orderChanges(tx, caller, after, current, limit),
      await exitChanges(tx, caller, after, current, limit),
      await catalogueChanges(tx, caller, after, current, limit),
      await promotionChanges(tx, caller, after, current, limit),
      await itemChanges(tx, caller, after, current, limit),
      await warehouseChanges(tx, caller, after, current, limit),
    ];
    const bound = Math.min(...sources.map((s) => s.seenTo));
    const merged = sources
      .flatMap((s) => s.items)
      .filter((item) => item.seq <= bound)
      .sort((a, b) => a.seq - b.seq);
    const page = merged.slice(0, limit);
    const hasMore = merged.length > limit || bound !== Infinity;
    // Nothing left: the snapshot's own sequence, so the next poll skips what was not for this caller.
    const next = !hasMore ? current : page.length === limit ? (page[limit - 1]?.seq ?? after) : bound;
    const parts: Buffer[] = [Buffer.from('{"changes":[')];
    page.forEach((item, i) => parts.push(...(i > 0 ? [COMMA] : []), ...item.json));
    const counted = remaining === null ? '' : `,"remaining":${remaining}`;
    parts.push(Buffer.from(`],"cursor":"${next}","hasMore":${hasMore}${counted}}`));
    return { body: Buffer.concat(parts), cursor: String(next), hasMore };
  });
}

const NEWLINE = Buffer.from('\n');

/**
 * The pages of a pull one after another in one answer, a JSON page per line (NDJSON), each read
 * as pull reads it (its own unit, its own horizon) from where the one before ended: what a
 * sequence of pulls would give, without a round trip per page. For a first sync: the service
 * reads the next page while the last one is compressed and sent, and the desk never waits for a
 * request to come back. Pages are read only as fast as the client takes them (the stream's
 * backpressure), and a client that goes away ends it.
 */
export async function* pullStream(
  deps: Deps,
  caller: Caller,
  cursor: string | undefined,
  limit: number,
  count = false,
): AsyncGenerator<Buffer> {
  let at = cursor;
  let first = true;
  for (;;) {
    const page = await pullPage(deps, caller, at, limit, count && first);
    first = false;
    yield Buffer.concat([page.body, NEWLINE]);
    if (!page.hasMore) return;
    at = page.cursor;
  }
}
