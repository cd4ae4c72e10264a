import { describe, expect, it } from 'vitest';
import { latinTokens } from './latin-tokens';

describe('the zh-CN screens’ check for untranslated codes', () => {
  it('finds enum-like codes in visible text', () => {
    expect(latinTokens('支付方式：WECHAT_PAY · 平台 OWN_MALL，状态 PENDING')).toEqual([
      'WECHAT_PAY',
      'OWN_MALL',
      'PENDING',
    ]);
  });

  it('lets order, tracking, SKU and serial numbers through, and short abbreviations', () => {
    expect(
      latinTokens(
        '订单 M25031410170000010 · 运单 JDVA12345678901 · SF1234567890123 · SKU FZ00101 · 流水 TXN2025031400001 · 上海仓 WH-SH · 设备 1011',
      ),
    ).toEqual([]);
  });

  it('lets words that are written in Latin capitals through', () => {
    expect(latinTokens('电影票兑换券 影厅:IMAX ¥75.00')).toEqual([]);
  });
});
