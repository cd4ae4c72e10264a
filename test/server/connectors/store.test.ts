import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { putConnector, repullSince, setPaused } from '../../../src/server/connectors/manage';
import type { PlatformRefund } from '../../../src/server/connectors/platform';
import { openSecrets } from '../../../src/server/connectors/shop-secrets';
import { putShop } from '../../../src/server/shops/manage';
import { shopInput } from '../../../src/shared/contract/admin';
import { openStore } from '../../../src/server/storage/open';
import type { Store } from '../../../src/server/storage/repositories';
import { createTestDatabase, TEST_STORE, type TestDatabase } from '../../support/postgres';

/**
 * A shop's connection as the store keeps it, on the engine of the vitest project (SQLite, then
 * PostgreSQL): connected once, its secrets sealed, its shop row saying which platform serves it,
 * pause and re-pull kept, the platform's refunds kept at their latest version.
 */
const KEY = Buffer.alloc(32, 7);
const NOW = Date.UTC(2025, 2, 14, 2, 0, 0);
let store: Store | null = null;
let cleanup: (() => Promise<void>) | null = null;

afterEach(async () => {
  await store?.close();
  await cleanup?.();
  store = null;
  cleanup = null;
});

async function company(): Promise<Store> {
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  if (TEST_STORE === 'postgres') database = await createTestDatabase();
  else dataDir = mkdtempSync(join(tmpdir(), 'connectors-store-'));
  store = await openStore(database ? { database: database.url, poolSize: 2 } : { dataDir: dataDir! });
  cleanup = async () => {
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  await store.unit(async (tx) => {
    await tx.places.putMerchant({ id: 'MCH-0001', name: '官方自营' });
    for (const [id, channel] of [
      ['TB-01', 'TAOBAO'],
      ['PDD-01', 'PDD'],
    ] as const)
      await putShop(tx, shopInput.parse({ id, name: `${id} 旗舰店`, channel, merchantId: 'MCH-0001' }), NOW, () => 'x');
  });
  return store;
}

const TAOBAO = {
  platform: 'taobao' as const,
  gateway: 'http://127.0.0.1:9100/router/rest',
  appKey: '12345678',
  appSecret: 'top-secret-0001',
  session: '6100e2f0sessionkey',
};
const manage = { key: KEY, now: NOW, initialLookbackMs: 3_600_000 };

describe('a shop’s connection to its platform, in the store', () => {
  it('connects a shop with its secrets sealed and tells the shop row which platform serves it', async () => {
    const s = await company();
    await s.unit((tx) => putConnector(tx, 'TB-01', TAOBAO, manage));
    const row = await s.unit((tx) => tx.connectors.get('TB-01'));
    expect(row).toMatchObject({ platform: 'taobao', appKey: '12345678', paused: false, failures: 0 });
    expect(row!.ordersCursor).toBe(NOW - 3_600_000);
    expect(row!.sealedSecrets).not.toContain('top-secret-0001');
    expect(openSecrets(KEY, row!.sealedSecrets)).toEqual({
      appSecret: 'top-secret-0001',
      session: '6100e2f0sessionkey',
    });
    const shops = await s.unit((tx) => tx.shops.list());
    expect(shops.map((shop) => [shop.id, shop.connector])).toEqual([
      ['PDD-01', null],
      ['TB-01', 'taobao'],
    ]);
    expect(await s.unit((tx) => tx.connectors.due(NOW))).toHaveLength(1);
  });

  it('keeps a paused shop out of the due list and re-reads from the date an admin gives', async () => {
    const s = await company();
    await s.unit((tx) => putConnector(tx, 'TB-01', TAOBAO, manage));
    await s.unit((tx) => setPaused(tx, 'TB-01', true, NOW + 1));
    expect(await s.unit((tx) => tx.connectors.due(NOW + 10))).toEqual([]);
    await s.unit((tx) => setPaused(tx, 'TB-01', false, NOW + 2));
    await s.unit((tx) => repullSince(tx, 'TB-01', NOW - 86_400_000, NOW + 3));
    const row = await s.unit((tx) => tx.connectors.get('TB-01'));
    expect(row).toMatchObject({ paused: false, ordersCursor: NOW - 86_400_000, refundsCursor: NOW - 86_400_000 });
    await expect(s.unit((tx) => setPaused(tx, 'PDD-01', true, NOW))).rejects.toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
    });
    // A 拼多多 shop is not connected to 淘宝, nor a shop that does not exist.
    await expect(s.unit((tx) => putConnector(tx, 'PDD-01', TAOBAO, manage))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(s.unit((tx) => putConnector(tx, 'NO-01', TAOBAO, manage))).rejects.toMatchObject({
      code: 'SHOP_NOT_FOUND',
    });
  });

  it('keeps the latest version of each platform refund of an order', async () => {
    const s = await company();
    await s.unit((tx) => putConnector(tx, 'TB-01', TAOBAO, manage));
    const refund: PlatformRefund = {
      refundId: '20250314001',
      externalOrderNo: '3620118837765401',
      lineId: '3620118837765402',
      status: 'WAIT_SELLER_AGREE',
      open: true,
      amount: 2990,
      reason: '不想要了',
      version: '1741917600000',
      phase: 'onsale',
      modifiedAt: NOW,
    };
    await s.unit((tx) => tx.connectors.putRefund('TB-01', refund));
    await s.unit((tx) =>
      tx.connectors.putRefund('TB-01', { ...refund, status: 'SUCCESS', open: false, modifiedAt: NOW + 5 }),
    );
    // An older read arriving late changes nothing.
    await s.unit((tx) => tx.connectors.putRefund('TB-01', { ...refund, modifiedAt: NOW + 1 }));
    expect(await s.unit((tx) => tx.connectors.refundsOf('TB-01', '3620118837765401'))).toEqual([
      { ...refund, status: 'SUCCESS', open: false, modifiedAt: NOW + 5 },
    ]);
  });
});
