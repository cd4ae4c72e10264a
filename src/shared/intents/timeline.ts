import type { TimelineRecord } from '../contract/records';
import type { PaymentChannel } from '../domain/vocabulary';
import type { ApplyContext } from './result';
import type { OrderState } from './state';

/** The longest detail a timeline entry keeps (the record schema's limit). */
export const MAX_DETAIL = 1000;

/** Appends who did what, when and from where; every change to an order goes through here. */
export function logged(ctx: ApplyContext, state: OrderState, action: string, detail: string): OrderState {
  const entry: TimelineRecord = {
    at: ctx.now,
    actor: ctx.actor,
    device: ctx.device,
    action,
    detail: detail.slice(0, MAX_DETAIL),
  };
  return { ...state, record: { ...state.record, timeline: [...state.record.timeline, entry], updatedAt: ctx.now } };
}

/** Timeline entries are written in Chinese, for people: a payment route by its name, never its code. */
export const CHANNEL_NAMES: Readonly<Record<PaymentChannel, string>> = {
  WECHAT_PAY: '微信支付',
  ALIPAY: '支付宝',
  UNIONPAY: '银联',
  BALANCE: '余额',
  BANK_TRANSFER: '银行转账',
  CASH: '现金',
};

/** How money goes back: by the route it came, named with the original serial number. */
export const refundRoute = (payment: { channel: PaymentChannel | null; serialNo: string | null }): string =>
  payment.channel
    ? `原路退回（${CHANNEL_NAMES[payment.channel]}${payment.serialNo ? `，原支付流水号 ${payment.serialNo}` : ''}）`
    : '已退回';
