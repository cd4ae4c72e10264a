import { describe, it, expect } from 'vitest';
import { lineRefundFen, refundOf } from '../../../src/shared/domain/refund-amount';

describe('lineRefundFen: refunding part of a line', () => {
  const line = { payable: 1000, quantity: 3, refundedQuantity: 0 };

  it('refunds a whole line for exactly its payable', () => {
    expect(lineRefundFen(line, 3)).toBe(1000);
  });

  it('refunds unit by unit for exactly the payable in total', () => {
    const parts = [0, 1, 2].map((before) => lineRefundFen({ ...line, refundedQuantity: before }, 1));
    expect(parts).toEqual([333, 333, 334]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('refunds the same total whichever steps the units go back in', () => {
    const twoThenOne = lineRefundFen(line, 2) + lineRefundFen({ ...line, refundedQuantity: 2 }, 1);
    expect(twoThenOne).toBe(1000);
  });

  it('refuses to refund more units than are left', () => {
    expect(() => lineRefundFen({ ...line, refundedQuantity: 2 }, 2)).toThrow(RangeError);
  });
});

describe('refundOf: what a refund gives back', () => {
  // Goods 22.30 in two lines after discounts, freight 8.00: the buyer paid 30.30.
  const order = {
    lines: [
      { lineNo: 1, payable: 1500, quantity: 1, refundedQuantity: 0 },
      { lineNo: 2, payable: 730, quantity: 2, refundedQuantity: 0 },
    ],
    amounts: { payable: 3030, paid: 3030, freightInsurance: 150, pointsUsed: 300 },
    refundedFen: 0,
  };
  const everything = [
    { lineNo: 1, quantity: 1 },
    { lineNo: 2, quantity: 2 },
  ];

  it('gives a whole unshipped order back with its freight: everything paid', () => {
    expect(refundOf(order, 'REFUND_ONLY', everything)).toEqual({
      goods: 2230,
      freight: 800,
      total: 3030,
      points: 300,
      insurance: 150,
    });
  });

  it('keeps the freight while part of the order is still to be shipped, and gives it back with the last part', () => {
    const first = refundOf(order, 'REFUND_ONLY', [{ lineNo: 2, quantity: 2 }]);
    expect(first).toMatchObject({ goods: 730, freight: 0, total: 730 });
    const rest = refundOf(
      { ...order, lines: [order.lines[0]!, { ...order.lines[1]!, refundedQuantity: 2 }], refundedFen: first.total },
      'REFUND_ONLY',
      [{ lineNo: 1, quantity: 1 }],
    );
    expect(rest).toMatchObject({ goods: 1500, freight: 800, total: 2300 });
    expect(first.total + rest.total).toBe(order.amounts.paid);
    expect(first.points + rest.points).toBe(300);
  });

  it('keeps the freight of a delivery that took place when the goods are returned', () => {
    expect(refundOf(order, 'RETURN_REFUND', everything)).toMatchObject({ goods: 2230, freight: 0, total: 2230 });
  });

  it('never counts the freight insurance as money to give back', () => {
    const { total, insurance } = refundOf(order, 'REFUND_ONLY', everything);
    expect(total).toBe(order.amounts.paid);
    expect(insurance).toBe(150);
  });
});
