import type { OrderSource, PaymentChannel, Platform } from '../domain/vocabulary';
import type { Random, Weighted } from './random';
import { chinaStamp, chinaYmd } from './time';

const CHANNELS: Record<Platform, Weighted<PaymentChannel>> = {
  OWN_MALL: [
    ['ALIPAY', 45],
    ['WECHAT_PAY', 35],
    ['UNIONPAY', 10],
    ['BALANCE', 10],
  ],
  MINI_PROGRAM: [
    ['WECHAT_PAY', 88],
    ['BALANCE', 12],
  ],
  APP: [
    ['ALIPAY', 45],
    ['WECHAT_PAY', 45],
    ['UNIONPAY', 4],
    ['BALANCE', 6],
  ],
  TMALL: [['ALIPAY', 100]],
  JD: [
    ['WECHAT_PAY', 55],
    ['UNIONPAY', 45],
  ],
  DOUYIN: [
    ['ALIPAY', 45],
    ['WECHAT_PAY', 55],
  ],
  PDD: [
    ['WECHAT_PAY', 70],
    ['ALIPAY', 30],
  ],
  OFFLINE: [
    ['BANK_TRANSFER', 50],
    ['WECHAT_PAY', 30],
    ['CASH', 20],
  ],
};

export const pickChannel = (rng: Random, _source: OrderSource, platform: Platform): PaymentChannel =>
  rng.weighted(CHANNELS[platform]);

/** Serial numbers shaped like each provider's (WeChat Pay 4200…, Alipay yyyyMMdd2200…, …). */
export function paymentSerialNo(rng: Random, channel: PaymentChannel, paidAt: number): string {
  const ymd = chinaYmd(paidAt);
  switch (channel) {
    case 'WECHAT_PAY':
      return `42000${rng.digits(5)}${ymd}${rng.digits(10)}`;
    case 'ALIPAY':
      return `${ymd}2200${rng.digits(16)}`;
    case 'UNIONPAY':
      return `${chinaStamp(paidAt)}${rng.digits(9)}`;
    case 'BALANCE':
      return `BAL${ymd}${rng.digits(8)}`;
    case 'BANK_TRANSFER':
      return `TR${ymd}${rng.digits(8)}`;
    case 'CASH':
      return `CASH${ymd}${rng.digits(4)}`;
  }
}
