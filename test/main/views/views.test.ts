import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedView } from '../../../src/shared/contract/views';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

const shanghaiQueue = {
  name: '上海待发货',
  filter: { statuses: ['PENDING_SHIPMENT'], provinces: ['上海市'] },
  columns: ['orderNo', 'receiverName', 'paidAt'],
  sort: { field: 'paidAt', direction: 'asc' },
};

describe('saved views of the order list, kept in the user’s own store', () => {
  let service: TestService;
  let desk: TestDesk;
  const views = async () => {
    const answer = await desk.call('views.list', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as SavedView[];
  };

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 50 });
    desk = openTestDesk(service);
    await desk.signIn('warehouse1');
  });
  afterAll(async () => {
    await desk.dispose();
    await service.close();
  });

  it('saves a view with its filters, columns and sort, and brings it back after signing in again', async () => {
    const saved = await desk.call('views.save', { ...shanghaiQueue, isDefault: true });
    expect(saved).toMatchObject({ ok: true, value: { name: '上海待发货', isDefault: true } });
    await desk.signIn('warehouse1');
    expect(await views()).toEqual([expect.objectContaining({ ...shanghaiQueue, isDefault: true })]);
  });

  it('replaces a view saved again under its name, and keeps one default', async () => {
    await desk.call('views.save', { ...shanghaiQueue, columns: ['orderNo'] });
    await desk.call('views.save', { ...shanghaiQueue, name: '今日已付', isDefault: true });
    const all = await views();
    expect(all.map((v) => [v.name, v.isDefault, v.columns])).toEqual([
      ['上海待发货', false, ['orderNo']],
      ['今日已付', true, ['orderNo', 'receiverName', 'paidAt']],
    ]);
    const first = all[0] as SavedView;
    expect(await desk.call('views.setDefault', { id: first.id })).toMatchObject({ ok: true });
    expect((await views()).filter((v) => v.isDefault).map((v) => v.name)).toEqual(['上海待发货']);
    expect(await desk.call('views.delete', { id: first.id })).toMatchObject({ ok: true });
    expect((await views()).map((v) => v.name)).toEqual(['今日已付']);
  });

  it('is another user’s business: a different sign-in sees none of these views', async () => {
    await desk.signIn('admin');
    expect(await views()).toEqual([]);
    await desk.signIn('warehouse1');
  });

  it('refuses a view with an unknown column, an empty name or a missing id, and saves nothing', async () => {
    const before = await views();
    expect(await desk.call('views.save', { ...shanghaiQueue, columns: ['secret'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await desk.call('views.save', { ...shanghaiQueue, name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await desk.call('views.delete', { id: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await views()).toEqual(before);
  });
});
