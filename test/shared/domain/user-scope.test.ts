import { describe, expect, it } from 'vitest';
import { ROLE_SCOPE_RULES, scopeForRole } from '../../../src/shared/domain/user-scope';
import { ROLES } from '../../../src/shared/domain/vocabulary';

describe('the scope an account gets from its role and places', () => {
  it('has a rule for every role', () => {
    expect(Object.keys(ROLE_SCOPE_RULES).sort()).toEqual([...ROLES].sort());
  });

  it('gives admins and supervisors everything and refuses places for them', () => {
    expect(scopeForRole('admin', {})).toEqual({
      ok: true,
      scope: { all: true, warehouseIds: [], storeIds: [], dealerIds: [] },
    });
    expect(scopeForRole('service', { storeIds: ['ST-01'] })).toEqual({
      ok: false,
      code: 'SCOPE_NOT_FOR_ROLE',
      list: 'storeIds',
    });
  });

  it('needs a desk’s own places, and lets a small merchant’s desk also be a dealer', () => {
    expect(scopeForRole('warehouse', {})).toEqual({ ok: false, code: 'SCOPE_REQUIRED', list: 'warehouseIds' });
    expect(scopeForRole('clerk', { warehouseIds: ['WH-SH'] })).toMatchObject({
      code: 'SCOPE_REQUIRED',
      list: 'storeIds',
    });
    expect(scopeForRole('warehouse', { warehouseIds: ['WH-SH', 'WH-SH'], dealerIds: ['DL-01'] })).toEqual({
      ok: true,
      scope: { all: false, warehouseIds: ['WH-SH'], storeIds: [], dealerIds: ['DL-01'] },
    });
    expect(scopeForRole('dealer', { dealerIds: ['DL-01'], shopIds: ['TB-01'] })).toMatchObject({
      code: 'SCOPE_NOT_FOR_ROLE',
      list: 'shopIds',
    });
  });

  it('scopes an integration account by shops, every shop when none is named', () => {
    expect(scopeForRole('integration', { shopIds: ['TB-01'] })).toEqual({
      ok: true,
      scope: { all: false, warehouseIds: [], storeIds: [], dealerIds: [], shopIds: ['TB-01'] },
    });
    expect(scopeForRole('integration', {})).toMatchObject({ ok: true, scope: { all: true, shopIds: [] } });
    expect(scopeForRole('integration', { warehouseIds: ['WH-SH'] })).toMatchObject({ code: 'SCOPE_NOT_FOR_ROLE' });
  });
});
