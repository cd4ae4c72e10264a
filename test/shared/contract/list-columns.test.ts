import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, LIST_COLUMNS } from '../../../src/shared/contract/list-columns';

describe('the order list’s columns', () => {
  it('shows a new list every column but the six picked by hand, in the list’s order', () => {
    expect(DEFAULT_COLUMNS).toEqual([
      'orderNo',
      'status',
      'paymentStatus',
      'refundStatus',
      'receiverName',
      'receiverPhone',
      'region',
      'itemSummary',
      'payable',
      'paymentChannel',
      'source',
      'createdAt',
      'trackingNos',
    ]);
    expect(LIST_COLUMNS.filter((c) => !DEFAULT_COLUMNS.includes(c))).toEqual([
      'paymentSerialNo',
      'platform',
      'warehouseId',
      'paidAt',
      'shippedAt',
      'dueAt',
    ]);
  });

  it('stays plain data: the renderer’s first frame reads it without loading a schema library', () => {
    expect(readFileSync('src/shared/contract/list-columns.ts', 'utf8')).not.toMatch(/^import /m);
  });
});
