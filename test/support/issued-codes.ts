import Database from 'better-sqlite3';

/**
 * The code the service issued for an order, read from its own database: what the buyer holds and
 * types at the counter. Nothing a desk receives carries it (only a verifier), so a test playing
 * the customer reads it where only the service keeps it.
 */
export function issuedCode(serviceDbFile: string, orderNo: string): string {
  const db = new Database(serviceDbFile, { readonly: true, fileMustExist: true });
  try {
    const code = db.prepare('SELECT code FROM redemption_codes WHERE order_no = ?').pluck().get(orderNo);
    if (typeof code !== 'string') throw new Error(`order ${orderNo} has no code`);
    return code;
  } finally {
    db.close();
  }
}
