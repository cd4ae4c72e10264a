import { describe, expect, it } from 'vitest';
import { INTENT_TYPES, type IntentPayload, type IntentType } from '../../../../src/shared/contract/sync';
import { triedText } from '../../../../src/renderer/screens/exceptions/tried';
import { zhCN } from '../../../../src/renderer/i18n/zh-CN';
import { en } from '../../../../src/renderer/i18n/en';

const orderNo = 'M2503140000000101';
/** One realistic payload of every intent type. */
const PAYLOADS: { [T in IntentType]: IntentPayload<T> } = {
  SHIP: {
    orderNo,
    parcels: [
      { carrier: 'SF', trackingNo: 'SF1234567890123', lines: [{ lineNo: 1, quantity: 2 }] },
      { carrier: 'ZTO', trackingNo: '78123456789012', lines: [{ lineNo: 2, quantity: 1 }] },
    ],
  },
  REDEEM: { code: '482913', storeId: 'ST-01', redeemedAt: 1_741_910_400_000 },
  UNDO_REDEMPTION: { orderNo, redemptionId: 'r-1', reason: '顾客未到店' },
  CREATE_DEALER_ORDER: {
    orderNo: 'D2503141017000001',
    dealerId: 'DL-01',
    buyer: { id: 'C-1', account: '13916880021', level: '', name: '周敏' },
    receiver: {
      name: '周敏',
      phone: '13916880021',
      province: '上海市',
      city: '上海市',
      district: '徐汇区',
      address: '漕溪北路88号',
      postcode: '',
    },
    lines: [{ sku: 'SP09901', quantity: 2, unitPrice: 4500 }],
    freight: 1000,
    couponId: null,
    campaignId: null,
    memberRateBp: null,
    memberBenefit: 0,
    pointsUsed: 0,
    invoice: null,
    remark: '',
    paymentChannel: 'BANK_TRANSFER',
    expectedPayable: 10_000,
  },
  CANCEL: { orderNo, reason: '缺货' },
  LOCK: { orderNo, reason: '地址待核实' },
  UNLOCK: { orderNo },
  NOTE: { orderNo, text: '客户要求周末送达' },
  TRACKING_EVENT: {
    orderNo,
    trackingNo: 'SF1400000000001',
    time: 0,
    status: 'DELIVERED',
    description: '快递员电话确认已签收',
    location: '',
  },
  SPLIT: {
    orderNo,
    parts: [[{ lineNo: 1, quantity: 1 }], [{ lineNo: 2, quantity: 1 }]],
  },
  UNSPLIT: { orderNo },
  MERGE: { orderNo, mergeId: 'm-1', orderNos: [orderNo, 'M2503140000000102'] },
  UNMERGE: { orderNo, mergeId: 'm-1' },
  AFTER_SALE_APPROVE: { orderNo, afterSaleId: 'AS1' },
  AFTER_SALE_REJECT: { orderNo, afterSaleId: 'AS1', reason: '超出售后期限' },
  AFTER_SALE_RECEIVE_RETURN: { orderNo, afterSaleId: 'AS1' },
  AFTER_SALE_RETURN_PARCEL: { orderNo, afterSaleId: 'as-1', carrier: 'YTO', trackingNo: 'YT1234567890123' },
  AFTER_SALE_REFUND: { orderNo, afterSaleId: 'AS1' },
  AFTER_SALE_SHIP_EXCHANGE: { orderNo, afterSaleId: 'AS1', carrier: 'SF', trackingNo: 'SF1234567890124' },
};

describe('the exceptions inbox says what each refused intent tried', () => {
  it.each(INTENT_TYPES)('%s', (type) => {
    const text = triedText(type, PAYLOADS[type], { m: zhCN, locale: 'zh-CN' });
    expect(text).not.toBe('');
    expect(text).not.toBe('—');
    expect(text).not.toMatch(/[A-Z][A-Z_]{3,}/);
    expect(triedText(type, PAYLOADS[type], { m: en, locale: 'en' })).not.toBe('');
  });

  it('names the carrier and the tracking number of a refused shipment', () => {
    expect(triedText('SHIP', PAYLOADS.SHIP, { m: zhCN, locale: 'zh-CN' })).toBe(
      '顺丰速运 SF1234567890123，共 2 件；中通快递 78123456789012，共 1 件',
    );
  });

  it('says which parcel a refused tracking entry was for, what it said, and what a split or merge tried', () => {
    expect(triedText('TRACKING_EVENT', PAYLOADS.TRACKING_EVENT, { m: zhCN, locale: 'zh-CN' })).toBe(
      '运单 SF1400000000001：已签收，快递员电话确认已签收',
    );
    expect(triedText('SPLIT', PAYLOADS.SPLIT, { m: zhCN, locale: 'zh-CN' })).toBe('拆为 2 个包裹');
    expect(triedText('MERGE', PAYLOADS.MERGE, { m: en, locale: 'en' })).toBe('Ship together with M2503140000000102');
  });

  it('still says something for a payload of a shape it does not know', () => {
    expect(triedText('SHIP', { orderNo }, { m: zhCN, locale: 'zh-CN' })).toBe('发货');
    expect(triedText('SOMETHING', null, { m: zhCN, locale: 'zh-CN' })).toBe('未知操作');
  });
});
