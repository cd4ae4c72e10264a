import type { AfterSaleRecord } from '../contract/records';
import type { AfterSaleStatus, AfterSaleType } from '../domain/vocabulary';
import { formatFen } from '../domain/money';
import type { Random } from './random';
import { STAFF, type Timeline } from './timeline';
import { DAY, HOUR, MINUTE } from './time';

type Step = readonly [action: string, status: AfterSaleStatus];

/** domain.md "After-sales": each type's happy path; a request stops somewhere along it. */
const PATHS: Record<AfterSaleType, readonly Step[]> = {
  REFUND_ONLY: [
    ['AFTER_SALE_APPLY', 'PENDING_REVIEW'],
    ['AFTER_SALE_APPROVE', 'PENDING_REFUND'],
    ['REFUND', 'SUCCEEDED'],
  ],
  RETURN_REFUND: [
    ['AFTER_SALE_APPLY', 'PENDING_REVIEW'],
    ['AFTER_SALE_APPROVE', 'AWAITING_RETURN'],
    ['RETURN_RECEIVED', 'PENDING_REFUND'],
    ['REFUND', 'SUCCEEDED'],
  ],
  EXCHANGE: [
    ['AFTER_SALE_APPLY', 'PENDING_REVIEW'],
    ['AFTER_SALE_APPROVE', 'AWAITING_EXCHANGE_RETURN'],
    ['RETURN_RECEIVED', 'EXCHANGE_OUTBOUND'],
    ['EXCHANGE_SHIP', 'SUCCEEDED'],
  ],
};

const TYPE_NAMES: Record<AfterSaleType, string> = {
  REFUND_ONLY: '仅退款',
  RETURN_REFUND: '退货退款',
  EXCHANGE: '换货',
};

export const REASONS: Record<'beforeShipping' | AfterSaleType | 'service' | 'virtual', readonly string[]> = {
  beforeShipping: ['不想要了', '拍错了/多拍了', '地址填写错误', '发货太慢', '协商一致退款'],
  REFUND_ONLY: ['商品破损，协商仅退款', '少件/漏发', '未收到货'],
  RETURN_REFUND: ['商品质量问题', '尺码不合适', '与商品描述不符', '收到商品破损', '七天无理由退货'],
  EXCHANGE: ['尺码不合适，换大一码', '颜色不喜欢，换其他颜色', '商品有瑕疵，换新'],
  service: ['行程有变，无法到店', '不想要了', '重复购买'],
  virtual: ['充值失败，自动退款', '重复购买'],
};
const REJECT_REASONS = ['商品已使用，影响二次销售', '超出售后期限', '退回商品与原商品不符', '未提供有效凭证'];

export const OPEN_AFTER_SALE: ReadonlySet<AfterSaleStatus> = new Set([
  'PENDING_REVIEW',
  'PENDING_REFUND',
  'AWAITING_RETURN',
  'AWAITING_EXCHANGE_RETURN',
  'EXCHANGE_OUTBOUND',
]);

export interface AfterSaleRequest {
  id: string;
  afterSaleNo: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  reason: string;
  amount: number;
  lines: AfterSaleRecord['lines'];
  createdAt: number;
  now: number;
  buyerActor: string;
  buyerDevice: string;
  warehouse: string | null;
  /** The order is refunded by the system (virtual goods) rather than by staff. */
  automatic?: boolean;
}

/**
 * Walks one request along its path up to `status`, writing each step into the timeline at a
 * plausible pace (never past now). Returns the record as the order service would report it.
 */
export function makeAfterSale(rng: Random, timeline: Timeline, req: AfterSaleRequest): AfterSaleRecord {
  const path = PATHS[req.type];
  const ending: readonly Step[] =
    req.status === 'REJECTED'
      ? [path[0] as Step, ['AFTER_SALE_REJECT', 'REJECTED']]
      : req.status === 'WITHDRAWN'
        ? [path[0] as Step, ['AFTER_SALE_WITHDRAW', 'WITHDRAWN']]
        : path.slice(0, path.findIndex(([, s]) => s === req.status) + 1);
  const rejectReason = req.status === 'REJECTED' ? rng.pick(REJECT_REASONS) : null;
  const money = formatFen(req.amount, { symbol: true });
  const staff = req.warehouse
    ? `warehouse:${req.warehouse}/${rng.pick(STAFF.warehouse[req.warehouse as keyof typeof STAFF.warehouse] ?? ['staff'])}`
    : 'system';

  let at = req.createdAt;
  for (const [i, [action]] of ending.entries()) {
    if (i > 0) at = Math.min(req.now, at + (req.automatic ? rng.int(1, 10) * MINUTE : rng.int(2, 36) * HOUR));
    const who = (): [string, string] => {
      if (req.automatic) return ['system', 'server'];
      switch (action) {
        case 'AFTER_SALE_APPLY':
        case 'AFTER_SALE_WITHDRAW':
          return [req.buyerActor, req.buyerDevice];
        case 'RETURN_RECEIVED':
        case 'EXCHANGE_SHIP':
          return [staff, req.warehouse ? `DESK-${req.warehouse}-01` : 'server'];
        case 'REFUND':
          return [rng.pick(STAFF.finance), 'DESK-FIN-01'];
        default:
          return [rng.pick(STAFF.service), 'DESK-CS-01'];
      }
    };
    const detail: Record<string, string> = {
      AFTER_SALE_APPLY: `申请${TYPE_NAMES[req.type]}（${req.afterSaleNo}）：${req.reason}，金额 ${money}`,
      AFTER_SALE_APPROVE: `${req.afterSaleNo} 审核通过`,
      AFTER_SALE_REJECT: `${req.afterSaleNo} 审核拒绝：${rejectReason ?? ''}`,
      AFTER_SALE_WITHDRAW: `${req.afterSaleNo} 买家撤回申请`,
      RETURN_RECEIVED: `${req.afterSaleNo} 退回商品已入库，质检合格`,
      REFUND: `${req.afterSaleNo} 退款 ${money} 已原路退回`,
      EXCHANGE_SHIP: `${req.afterSaleNo} 换货商品已发出`,
    };
    const [actor, device] = who();
    timeline.add(at, actor, device, action, detail[action] ?? action);
  }
  return {
    id: req.id,
    afterSaleNo: req.afterSaleNo,
    type: req.type,
    status: req.status,
    reason: req.reason,
    amount: req.amount,
    createdAt: req.createdAt,
    updatedAt: at,
    lines: req.lines,
    rejectReason,
  };
}

/** A request that has reached its end, or one still being worked on. */
export function pickAfterSaleOutcome(rng: Random, type: AfterSaleType, mayBeOpen: boolean): AfterSaleStatus {
  const open = PATHS[type].slice(0, -1).map(([, s]) => s);
  const roll = rng.float();
  if (mayBeOpen && roll < 0.3) return rng.pick(open);
  if (roll < 0.45) return 'REJECTED';
  if (roll < 0.55) return 'WITHDRAWN';
  return 'SUCCEEDED';
}

export const AFTER_SALE_WINDOW = 10 * DAY;
