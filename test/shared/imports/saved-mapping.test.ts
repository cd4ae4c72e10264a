import { describe, expect, it } from 'vitest';
import { restoreMapping, saveMapping } from '../../../src/shared/imports/saved-mapping';

describe('a saved column mapping', () => {
  it('follows its columns by title when the next file moves them, and gives way when one is gone', () => {
    const saved = saveMapping(['订单号', '数量', '实付'], { orderNo: 0, quantity: 1, payable: 2 });
    expect(saved).toEqual({ orderNo: '订单号', quantity: '数量', payable: '实付' });
    expect(restoreMapping(['实付', '备注', '订单号', '数量'], saved)).toEqual({ orderNo: 2, quantity: 3, payable: 0 });
    expect(restoreMapping(['订单号', '数量'], saved)).toBeNull();
  });
});
