import { describe, expect, it } from 'vitest';
import { pddOrderState } from '../../../src/server/connectors/pdd/statuses';
import { refundOverlay, TOP_REFUND_STATUS, TOP_TRADE_STATUS } from '../../../src/server/connectors/taobao/statuses';

describe('platform status tables', () => {
  it('knows every trade and refund status TOP documents', () => {
    const trade =
      'TRADE_NO_CREATE_PAY WAIT_BUYER_PAY SELLER_CONSIGNED_PART WAIT_SELLER_SEND_GOODS WAIT_BUYER_CONFIRM_GOODS TRADE_BUYER_SIGNED TRADE_FINISHED TRADE_CLOSED TRADE_CLOSED_BY_TAOBAO PAY_PENDING WAIT_PRE_AUTH_CONFIRM PAID_FORBID_CONSIGN';
    for (const status of trade.split(' ')) expect(TOP_TRADE_STATUS[status], status).toBeDefined();
    const refund =
      'NO_REFUND WAIT_SELLER_AGREE WAIT_BUYER_RETURN_GOODS WAIT_SELLER_CONFIRM_GOODS SELLER_REFUSE_BUYER CLOSED SUCCESS';
    for (const status of refund.split(' ')) expect(TOP_REFUND_STATUS[status], status).toBeDefined();
    expect(TOP_TRADE_STATUS.TRADE_CLOSED).toEqual({ status: 'CLOSED', payment: 'REFUNDED' });
    expect(TOP_TRADE_STATUS.TRADE_CLOSED_BY_TAOBAO).toEqual({ status: 'CANCELLED', payment: 'UNPAID' });
  });

  it('lets an open refund request win, so it intercepts shipping', () => {
    expect(refundOverlay(['NONE', 'OPEN', 'REFUNDED'])).toBe('IN_PROGRESS');
    expect(refundOverlay(['NONE', 'REFUNDED'])).toBe('PARTIALLY_REFUNDED');
    expect(refundOverlay(['REFUNDED', 'REFUNDED'])).toBe('REFUNDED');
    expect(refundOverlay(['NONE'])).toBe('NONE');
  });

  it('reads a 拼多多 order from its confirm, order and refund statuses', () => {
    expect(pddOrderState(1, 1, 1)).toEqual({ status: 'PENDING_SHIPMENT', payment: 'PAID' });
    expect(pddOrderState(1, 2, 2)).toEqual({ status: 'PENDING_RECEIPT', payment: 'PAID' });
    expect(pddOrderState(1, 1, 4)).toEqual({ status: 'CLOSED', payment: 'REFUNDED' });
    expect(pddOrderState(2, 1, 1)).toEqual({ status: 'CANCELLED', payment: 'UNPAID' });
    expect(pddOrderState(0, 1, 1)).toEqual({ status: 'PENDING_PAYMENT', payment: 'UNPAID' });
    expect(pddOrderState(9, 1, 1)).toBeNull();
  });
});
