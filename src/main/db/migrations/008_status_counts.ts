import type { Migration } from './migration';

/** The columns the status tabs can be narrowed by without reading orders: scope, kind, status. */
const KEY = ['warehouse_id', 'store_id', 'dealer_id', 'kind', 'status'] as const;
const keyOf = (row: 'new' | 'old') =>
  KEY.map((c) => (c === 'kind' || c === 'status' ? `${row}.${c}` : `coalesce(${row}.${c}, '')`));
const matches = (row: 'new' | 'old') => KEY.map((c, i) => `${c} = ${keyOf(row)[i]}`).join(' AND ');
const increment = `
  INSERT INTO order_status_counts (${KEY.join(', ')}, n) VALUES (${keyOf('new').join(', ')}, 1)
  ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET n = n + 1;`;
const decrement = `UPDATE order_status_counts SET n = n - 1 WHERE ${matches('old')};`;

/**
 * Running counts of orders per (warehouse, store, dealer, kind, status), kept exact by triggers in
 * the same transaction as every write to orders. The status tabs of a user who has not filtered
 * anything (the usual case: every list refresh) add up a few dozen rows here instead of reading
 * the status of every order in scope (80 ms for a supervisor at a million orders).
 * Missing ids are stored as '' because a key with NULLs never conflicts in an upsert.
 */
export const migration008StatusCounts: Migration = {
  version: 8,
  name: '008_status_counts',
  up(db) {
    db.exec(`
      CREATE TABLE order_status_counts (
        warehouse_id TEXT NOT NULL,
        store_id     TEXT NOT NULL,
        dealer_id    TEXT NOT NULL,
        kind         TEXT NOT NULL,
        status       TEXT NOT NULL,
        n            INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (${KEY.join(', ')})
      ) WITHOUT ROWID;

      CREATE TRIGGER order_status_counts_insert AFTER INSERT ON orders BEGIN ${increment} END;
      CREATE TRIGGER order_status_counts_delete AFTER DELETE ON orders BEGIN ${decrement} END;
      CREATE TRIGGER order_status_counts_update AFTER UPDATE OF ${KEY.join(', ')} ON orders
      WHEN ${KEY.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')}
      BEGIN ${decrement} ${increment} END;

      INSERT INTO order_status_counts (${KEY.join(', ')}, n)
      SELECT coalesce(warehouse_id, ''), coalesce(store_id, ''), coalesce(dealer_id, ''), kind, status, count(*)
      FROM orders GROUP BY 1, 2, 3, 4, 5;
    `);
  },
};
