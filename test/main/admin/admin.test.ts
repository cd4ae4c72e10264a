import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../../support/desk';
import type { TestService } from '../../support/service';
import { EXAMPLE_BATCH, PASSWORD, startCompany } from '../../server/intake/company';

describe('管理 at a desk: the admin sets the company up through the service', () => {
  let service: TestService;
  const desks: TestDesk[] = [];
  afterEach(async () => {
    await Promise.all(desks.splice(0).map((d) => d.dispose()));
    await service?.close();
  });
  const desk = async (username: string, password = PASSWORD) => {
    const opened = openTestDesk(service, { serviceUrl: service.url });
    desks.push(opened);
    await opened.signIn(username, password);
    return opened;
  };

  it('creates a warehouse account that then signs in at its own desk and sees its warehouse’s orders from the shop', async () => {
    service = await startCompany();
    const erp = await service.login('erp', PASSWORD);
    await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
    const boss = await desk('boss');

    const added = await boss.call('admin.users.add', {
      username: 'gz-desk-2',
      displayName: '广州仓二号台',
      role: 'warehouse',
      password: 'gz-desk-pass-1',
      warehouseIds: ['WH-GZ'],
    });
    expect(added).toMatchObject({ ok: true, value: { username: 'gz-desk-2', scope: { warehouseIds: ['WH-GZ'] } } });
    expect(
      await boss.call('admin.users.add', {
        username: 'gz-desk-2',
        role: 'warehouse',
        password: 'x'.repeat(9),
        warehouseIds: ['WH-GZ'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'USERNAME_TAKEN' },
    });

    const south = await desk('gz-desk-2', 'gz-desk-pass-1');
    await south.sync();
    const page = await south.call('orders.list', {});
    expect(page).toMatchObject({ ok: true });
    const rows = (page as { value: { rows: Array<{ orderNo: string; warehouseId: string }> } }).value.rows;
    expect(rows.map((r) => r.warehouseId)).toEqual(['WH-GZ']);
    // A desk account has no 管理.
    expect(await south.call('admin.users', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });

  it('maps an unknown platform item, which releases the held order, and says so when the service is gone', async () => {
    service = await startCompany();
    const erp = await service.login('erp', PASSWORD);
    await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
    const boss = await desk('boss');
    const shops = await boss.call('admin.shops', {});
    expect(shops).toMatchObject({
      ok: true,
      value: [
        { id: 'JD-HEMU', held: 0 },
        { id: 'TM-HEMU', held: 1 },
      ],
    });
    const mapped = await boss.call('admin.mappings.put', {
      shopId: 'TM-HEMU',
      mapping: { platformItemId: '680012349999', platformSkuId: '5000009999', sku: 'HM-AR-001' },
    });
    expect(mapped).toMatchObject({ ok: true, value: { released: [expect.stringMatching(/^E/)], held: [] } });
    const audit = await boss.call('admin.audit', {});
    expect((audit as { value: Array<{ action: string; actor: string }> }).value[0]).toMatchObject({
      action: 'mapping.put',
      actor: 'admin:boss',
    });

    await service.close();
    expect(await boss.call('admin.users', {})).toMatchObject({ ok: false, error: { code: 'SERVICE_UNREACHABLE' } });
  });
});
