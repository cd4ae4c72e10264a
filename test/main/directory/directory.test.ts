import { describe, expect, it } from 'vitest';
import type { Directory } from '../../../src/shared/contract/directory';
import { useDeskWorld } from '../../support/world';

describe('names for codes on the desk', () => {
  const world = useDeskWorld({ demoOrders: 20 });

  it('fetches the company’s names at sign-in and keeps them for a session offline', async () => {
    const desk = await world.desk('clerk1');
    const names = (await desk.call('directory.names', {})) as { ok: true; value: Directory };
    expect(names.value.stores).toContainEqual({ id: 'ST-02', name: expect.any(String) });
    expect(names.value.users).toContainEqual({ username: 'clerk1', displayName: '静安门店' });
    expect(names.value.warehouses.map((w) => w.id)).toContain('WH-SH');
    // The demo's history was written by staff without accounts: people read their names, not zhang.wei.
    expect(names.value.users).toContainEqual({ username: 'zhang.wei', displayName: '张伟' });

    await world.proxy.refuse();
    const again = (await desk.call('directory.names', {})) as { ok: true; value: Directory };
    expect(again.value).toEqual(names.value);
  });
});
