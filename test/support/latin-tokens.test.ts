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

  it('finds lower-case machine codes that name an account or a door', () => {
    expect(latinTokens('买家 李芳 · integration:erp1 · 官方旗舰店（天猫） · connector:taobao')).toEqual([
      'integration:erp1',
      'connector:taobao',
    ]);
    expect(latinTokens('操作人 warehouse:WH-SH/zhang.wei，买家 buyer:U10000887')).toEqual([
      'warehouse:WH-SH/zhang.wei',
      'buyer:U10000887',
    ]);
  });

  it('lets addresses, ports and times through', () => {
    expect(
      latinTokens('订单服务 https://orders.example.com:4610/v1 · http://127.0.0.1:5170 · localhost:5170 · 15:11'),
    ).toEqual([]);
  });
});
