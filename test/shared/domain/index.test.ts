import { describe, it, expect } from 'vitest';
import * as domain from '../../../src/shared/domain';

describe('the domain public API', () => {
  it.each([
    'yuanToFen',
    'formatFen',
    'percentOfHalfUp',
    'assertFen',
    'computeAmounts',
    'resolvePromotions',
    'allocateProRata',
    'lineRefundFen',
    'makeOrderNumber',
    'makeChildOrderNumber',
    'parseOrderNumber',
    'sourceOfOrderNumber',
    'normalizeCodeInput',
    'isWellFormedCode',
    'generateCode',
    'maskPhone',
    'formatCodeForDisplay',
    'redemptionRefusal',
    'checkTrackingNo',
    'guessCarriers',
    'decide',
    'apply',
    'availableActions',
    'decideAfterSale',
    'applyAfterSale',
    'availableAfterSaleActions',
    'canRequestAfterSale',
    'orderEffectOfAfterSale',
    'unpaidCancelAt',
    'autoConfirmAt',
    'afterSalesWindowEndsAt',
    'canUndoRedemption',
    'can',
    'refusalForOperation',
    'inScope',
    'splitCheckout',
  ])('exports %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the tables for docs and tests', () => {
    expect(domain.ORDER_TRANSITIONS.length).toBeGreaterThan(0);
    expect(domain.AFTER_SALE_TRANSITIONS.length).toBeGreaterThan(0);
    expect(domain.CARRIERS.length).toBeGreaterThan(0);
    expect(domain.DEFAULT_TIMERS.unpaidCancelMs).toBe(30 * 60_000);
    expect(domain.ROLE_OPERATIONS.admin).toEqual(domain.OPERATIONS);
  });

  it('refusal codes are UPPER_SNAKE', () => {
    const codes = [
      ...domain.ORDER_REFUSALS,
      ...domain.AFTER_SALE_REFUSALS,
      ...domain.AFTER_SALE_REQUEST_REFUSALS,
      ...domain.REDEMPTION_REFUSALS,
      ...domain.PROMOTION_REASONS,
    ];
    for (const code of codes) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });
});
