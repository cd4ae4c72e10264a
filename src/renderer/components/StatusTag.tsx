import { CloudUploadOutlined, LockOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AfterSaleStatus, OrderStatus, PaymentStatus, RefundStatus } from '../../shared/domain/vocabulary';
import { useMessages } from '../i18n';
import {
  AFTER_SALE_STATUS_COLORS,
  ORDER_FLAG_COLORS,
  ORDER_STATUS_COLORS,
  PAYMENT_STATUS_COLORS,
  REDEMPTION_STATE_COLORS,
  REFUND_STATUS_COLORS,
  type OrderFlag,
  type RedemptionState,
  type TagColor,
} from './status-palette';

interface Common {
  testId?: string;
  /** Replaces the status word (e.g. "已锁定：盘点"), keeping the status's colour. */
  children?: ReactNode;
}

/**
 * Drawn like Ant's filled Tag (the preset colour's lightest shade behind its dark one, from the
 * theme's tokens: theme.ts), as one plain element: the order list shows three per row and redraws
 * them on every page it scrolls to, where Ant's Tag cost several components each.
 */
const tag = (color: TagColor, kind: string, value: string, label: ReactNode, testId?: string) => (
  <span
    className="status-tag"
    data-color={color}
    data-kind={kind}
    data-value={value}
    data-testid={testId}
    title={typeof label === 'string' ? label : undefined}
  >
    {label}
  </span>
);

/** 待付款, 待发货, …: the order's status in its palette colour. */
export function OrderStatusTag({ status, testId, children }: Common & { status: OrderStatus }) {
  const m = useMessages();
  return tag(ORDER_STATUS_COLORS[status], 'order', status, children ?? m.status[status], testId);
}

export function PaymentStatusTag({ status, testId, children }: Common & { status: PaymentStatus }) {
  const m = useMessages();
  return tag(PAYMENT_STATUS_COLORS[status], 'payment', status, children ?? m.paymentStatus[status], testId);
}

export function RefundStatusTag({ status, testId, children }: Common & { status: RefundStatus }) {
  const m = useMessages();
  return tag(REFUND_STATUS_COLORS[status], 'refund', status, children ?? m.refundStatus[status], testId);
}

export function AfterSaleStatusTag({ status, testId, children }: Common & { status: AfterSaleStatus }) {
  const m = useMessages();
  return tag(
    AFTER_SALE_STATUS_COLORS[status],
    'afterSale',
    status,
    children ?? m.detail.afterSaleStatus[status],
    testId,
  );
}

export function RedemptionStateTag({ state, testId, children }: Common & { state: RedemptionState }) {
  const m = useMessages();
  const label = state === 'undone' ? m.shiftStore.undone : m.shift.states[state];
  return tag(REDEMPTION_STATE_COLORS[state], 'redemption', state, children ?? label, testId);
}

const useFlagLabel = (flag: OrderFlag): string => {
  const m = useMessages();
  return { locked: m.ui.locked, exception: m.ui.exception, pendingSync: m.ui.waitingSync }[flag];
};

/** 已锁定 / 异常 / 待同步 beside an order number or status. */
export function OrderFlagTag({ flag, testId, children }: Common & { flag: OrderFlag }) {
  const label = useFlagLabel(flag);
  return tag(ORDER_FLAG_COLORS[flag], 'flag', flag, children ?? label, testId);
}

const FLAG_ICONS: Record<OrderFlag, ReactNode> = {
  locked: <LockOutlined />,
  exception: <WarningOutlined />,
  pendingSync: <CloudUploadOutlined />,
};

/**
 * The same flag as a mark in its colour with an icon, its word the mark's name and tooltip: in the
 * order list's number column, where a 19-character number and every flag an order can carry must
 * fit side by side in both languages (words ended up cut off behind the number).
 */
export function OrderFlagMark({ flag }: { flag: OrderFlag }) {
  const label = useFlagLabel(flag);
  return (
    <span
      className="status-tag flag-mark"
      data-color={ORDER_FLAG_COLORS[flag]}
      data-kind="flag"
      data-value={flag}
      role="img"
      aria-label={label}
      title={label}
    >
      {FLAG_ICONS[flag]}
    </span>
  );
}
