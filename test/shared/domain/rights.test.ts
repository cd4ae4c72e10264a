import { describe, it, expect } from 'vitest';
import {
  can,
  coversShop,
  inScope,
  OPERATIONS,
  refusalForOperation,
  ROLE_OPERATIONS,
  type Operation,
} from '../../../src/shared/domain/rights';
import { ROLES, type DataScope, type Role } from '../../../src/shared/domain/vocabulary';

const EXPECTED: Record<Role, Operation[]> = {
  admin: [...OPERATIONS],
  warehouse: [
    'orders.read',
    'orders.ship',
    'orders.lock',
    'orders.note',
    'orders.export',
    'aftersales.receiveReturn',
    'aftersales.shipExchange',
    'exceptions.resolve',
  ],
  clerk: ['orders.read', 'orders.note', 'redemption.verify', 'redemption.redeem', 'exceptions.resolve'],
  dealer: ['orders.read', 'orders.note', 'orders.cancel', 'dealer.enterOrder', 'exceptions.resolve'],
  service: [
    'orders.read',
    'orders.note',
    'orders.lock',
    'orders.cancel',
    'orders.export',
    'aftersales.review',
    'aftersales.refund',
    'redemption.undo',
    'exceptions.resolve',
  ],
  integration: ['orders.read', 'intake.post', 'events.post'],
};

describe('operation rights', () => {
  it('has a row for every role', () => {
    expect(Object.keys(ROLE_OPERATIONS).sort()).toEqual([...ROLES].sort());
  });

  describe.each(ROLES)('the %s role', (role) => {
    it.each(OPERATIONS)(`may or may not %s as the table says`, (op) => {
      const allowed = EXPECTED[role].includes(op);
      expect(can(role, op)).toBe(allowed);
      expect(refusalForOperation(role, op)).toBe(allowed ? null : 'FORBIDDEN_ROLE');
    });
  });

  it('keeps demo loading to admins', () => {
    expect(ROLES.filter((r) => can(r, 'demo.load'))).toEqual(['admin']);
  });

  it('lets only the warehouse (and admin) ship', () => {
    expect(ROLES.filter((r) => can(r, 'orders.ship'))).toEqual(['admin', 'warehouse']);
  });

  it('lets every role of the desk resolve its exceptions', () => {
    expect(ROLES.filter((r) => !can(r, 'exceptions.resolve'))).toEqual(['integration']);
  });

  it('lets only admins set the company up, and only integrations (and admins) feed orders in', () => {
    expect(ROLES.filter((r) => can(r, 'admin.manage'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'intake.post'))).toEqual(['admin', 'integration']);
    expect(ROLES.filter((r) => can(r, 'events.post'))).toEqual(['admin', 'integration']);
  });
});

describe('data scope', () => {
  const none: DataScope = { all: false, warehouseIds: [], storeIds: [], dealerIds: [] };
  const physicalW1 = { kind: 'PHYSICAL' as const, warehouseId: 'W1', storeId: null, dealerId: null };
  const serviceS1 = { kind: 'SERVICE' as const, warehouseId: null, storeId: 'S1', dealerId: null };
  const dealerD1 = { kind: 'PHYSICAL' as const, warehouseId: 'W2', storeId: null, dealerId: 'D1' };

  it('shows an admin or service desk everything', () => {
    const all = { ...none, all: true };
    expect([physicalW1, serviceS1, dealerD1].every((o) => inScope(all, o))).toBe(true);
  });

  it('shows a warehouse desk the orders of its own warehouses only', () => {
    const scope = { ...none, warehouseIds: ['W1'] };
    expect(inScope(scope, physicalW1)).toBe(true);
    expect(inScope(scope, dealerD1)).toBe(false);
    expect(inScope(scope, serviceS1)).toBe(false);
  });

  it('shows a store clerk the service orders of its stores only', () => {
    const scope = { ...none, storeIds: ['S1'] };
    expect(inScope(scope, serviceS1)).toBe(true);
    expect(inScope(scope, { ...serviceS1, storeId: 'S2' })).toBe(false);
    expect(inScope(scope, { ...physicalW1, storeId: 'S1' })).toBe(false);
  });

  it('shows a dealer their own orders only', () => {
    const scope = { ...none, dealerIds: ['D1'] };
    expect(inScope(scope, dealerD1)).toBe(true);
    expect(inScope(scope, { ...dealerD1, dealerId: 'D2' })).toBe(false);
    expect(inScope(scope, physicalW1)).toBe(false);
  });

  it('shows nothing to an empty scope: empty lists mean none, not all', () => {
    expect([physicalW1, serviceS1, dealerD1].some((o) => inScope(none, o))).toBe(false);
  });

  it('shows an integration account the orders of its shops only, and lets it act for those shops', () => {
    const scope = { ...none, shopIds: ['SHOP-1'] };
    expect(inScope(scope, { ...physicalW1, shopId: 'SHOP-1' })).toBe(true);
    expect(inScope(scope, { ...physicalW1, shopId: 'SHOP-2' })).toBe(false);
    expect(inScope(scope, physicalW1)).toBe(false);
    expect(coversShop(scope, 'SHOP-1')).toBe(true);
    expect(coversShop(scope, 'SHOP-2')).toBe(false);
    expect(coversShop({ ...none, all: true }, 'SHOP-2')).toBe(true);
    expect(coversShop(none, 'SHOP-1')).toBe(false);
  });

  it('combines lists for a user who works more than one desk', () => {
    const scope = { ...none, warehouseIds: ['W1'], dealerIds: ['D1'] };
    expect(inScope(scope, physicalW1)).toBe(true);
    expect(inScope(scope, dealerD1)).toBe(true);
  });
});
