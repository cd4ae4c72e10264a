import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, insertOrder, insertParent, migratedTo, tablesOf } from './schema';

describe('migration 002_logistics', () => {
  const db = migratedTo(2);
  insertParent(db);
  insertOrder(db);
  const waybill = (status: string) =>
    db
      .prepare(
        `INSERT INTO waybills (order_id, remote_id, carrier, tracking_no, shipped_at, status, courier)
         VALUES (1, 'wb-1', 'SF', 'SF1234567890123', 0, ?, '王师傅')`,
      )
      .run(status).lastInsertRowid;

  it('adds parcels, what is inside them and their tracking events', () => {
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['waybills', 'waybill_lines', 'tracking_events']));
    expect(columnsOf(db, 'waybills')).toEqual(
      expect.arrayContaining(['order_id', 'carrier', 'tracking_no', 'shipped_at', 'status', 'signed_at', 'courier']),
    );
    expect(columnsOf(db, 'waybill_lines')).toEqual(['waybill_id', 'position', 'line_no', 'quantity']);
  });

  it('finds a parcel by its tracking number through an index', () => {
    expect(indexesOf(db, 'waybills')).toEqual(expect.arrayContaining(['waybills_order', 'waybills_tracking_no']));
  });

  it('refuses a parcel status other than in transit, delivered or returned', () => {
    expect(() => waybill('LOST')).toThrow(/CHECK constraint failed/);
  });

  it("drops a parcel's contents and events with the parcel", () => {
    const id = waybill('IN_TRANSIT');
    db.prepare('INSERT INTO waybill_lines (waybill_id, position, line_no, quantity) VALUES (?, 0, 1, 2)').run(id);
    db.prepare("INSERT INTO tracking_events (waybill_id, position, at, text) VALUES (?, 0, 1, '已揽收')").run(id);
    db.prepare('DELETE FROM waybills WHERE id = ?').run(id);
    expect(
      db.prepare('SELECT (SELECT count(*) FROM waybill_lines) + (SELECT count(*) FROM tracking_events) AS n').get(),
    ).toEqual({ n: 0 });
  });

  it('refuses an empty parcel line', () => {
    const id = waybill('IN_TRANSIT');
    expect(() =>
      db.prepare('INSERT INTO waybill_lines (waybill_id, position, line_no, quantity) VALUES (?, 0, 1, 0)').run(id),
    ).toThrow(/CHECK constraint failed/);
  });
});
