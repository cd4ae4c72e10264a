import type { Widen } from '../widen';

/**
 * Customer service acting for a buyer on the phone, from the order's detail. Each action is named
 * by its intent's name (`exceptions.types`), the receiver's fields as in order entry (`dealer`);
 * a refusal not listed here reads as the detail says it (`detail.reason`).
 */
export const customerServiceZhCN = {
  title: '客服操作',
  /** Why a request could not be opened (the shared eligibility rules). */
  reason: {
    AFTER_SALE_OPEN: '已有进行中的售后',
    AFTER_SALE_WINDOW_CLOSED: '已超过售后期限',
    NOTHING_ELIGIBLE: '没有可申请售后的商品',
    QUANTITY_INVALID: '数量不正确',
    UNKNOWN_LINE: '没有这一行商品',
    QUANTITY_EXCEEDS_REMAINING: '超过可申请的数量',
  } as Record<string, string>,
  cancelPaid: {
    title: '取消订单并全额退款',
    reason: '取消原因（如：缺货）',
    confirm: '确认取消并退款',
    refund: '将原路退回 {amount}（含运费 {freight}）',
  },
  confirmReceipt: { reason: '依据（如：买家来电确认已收到）', confirm: '确认收货' },
  extendReceipt: { title: '代买家延长收货（仅一次）', reason: '原因（如：买家出差）', confirm: '延长收货' },
  openAfterSale: {
    type: '售后类型',
    reason: '买家说明的原因',
    whole: '整单',
    lines: '按商品',
    quantity: '{name} 申请数量（最多 {max}）',
    confirm: '提交申请',
  },
  changeReceiver: {
    reason: '修改原因（如：买家来电）',
    confirm: '保存新地址',
    invalid: '收货信息不完整：{fields}',
  },
};

export const customerServiceEn: Widen<typeof customerServiceZhCN> = {
  title: 'Customer service',
  reason: {
    AFTER_SALE_OPEN: 'Another request is open',
    AFTER_SALE_WINDOW_CLOSED: 'The after-sales window has closed',
    NOTHING_ELIGIBLE: 'Nothing left to ask about',
    QUANTITY_INVALID: 'Quantity is not valid',
    UNKNOWN_LINE: 'No such line',
    QUANTITY_EXCEEDS_REMAINING: 'More than can be asked for',
  },
  cancelPaid: {
    title: 'Cancel the order and refund it in full',
    reason: 'Why (e.g. out of stock)',
    confirm: 'Cancel and refund',
    refund: '{amount} goes back by the original route (freight {freight} included)',
  },
  confirmReceipt: {
    reason: 'On what word (e.g. the buyer called)',
    confirm: 'Confirm receipt',
  },
  extendReceipt: {
    title: 'Extend receipt for the buyer (once)',
    reason: 'Why (e.g. the buyer is away)',
    confirm: 'Extend',
  },
  openAfterSale: {
    type: 'Type',
    reason: 'The buyer’s reason',
    whole: 'Whole order',
    lines: 'By item',
    quantity: '{name}: quantity (up to {max})',
    confirm: 'Open the request',
  },
  changeReceiver: {
    reason: 'Why (e.g. the buyer called)',
    confirm: 'Save the new address',
    invalid: 'The receiver is incomplete: {fields}',
  },
};
