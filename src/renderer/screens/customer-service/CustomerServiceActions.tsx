import { Button, Typography } from 'antd';
import { useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/api';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { Result } from '../../../shared/contract/result';
import {
  CUSTOMER_SERVICE_ACTIONS,
  customerServiceAvailability,
  type CustomerServiceAction,
  type CustomerServiceAvailability,
} from '../../../shared/domain/action-availability';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import { money } from '../../lib/format';
import { refundOfRecord } from '../../../shared/intents/refund';
import { situationOf } from '../detail/availability';
import { ReasonDialog } from '../detail/ReasonDialog';
import { ChangeReceiverDialog } from './ChangeReceiverDialog';
import { OpenAfterSaleDialog } from './OpenAfterSaleDialog';
import './customer-service.css';

interface Props {
  order: OrderDetail;
  session: SessionInfo;
  /** Takes an action's answer; a refusal comes back translated for the dialog to show. */
  settle(result: Result<OrderDetail>): string | null;
}

/** Why an action may not be used, in words: the request rules' own codes first, then the detail's. */
export function whyNot(m: Messages, availability: CustomerServiceAvailability): string | null {
  if (availability.ok) return null;
  const { reason } = availability;
  return m.customerService.reason[reason] ?? (m.detail.reason as Record<string, string>)[reason] ?? reason;
}

/**
 * Customer service's actions for a buyer on the phone: only for a role that has any of them; each
 * button stays visible when it may not be used and says why.
 */
export function CustomerServiceActions({ order, session, settle }: Props) {
  const m = useMessages();
  const [open, setOpen] = useState<CustomerServiceAction | null>(null);
  // The after-sales window is judged as of when the order was opened here.
  const [now] = useState(() => Date.now());
  const available = customerServiceAvailability(session, situationOf(order), {
    now,
    completedAt: order.completedAt,
  });
  const shown = CUSTOMER_SERVICE_ACTIONS.filter(
    (a) => available[a].ok || (!available[a].ok && available[a].reason !== 'FORBIDDEN_ROLE'),
  );
  if (shown.length === 0) return null;
  const { orderNo } = order;
  const reasonDialog = (
    texts: { title: string; reason: string; confirm: string },
    call: (reason: string) => Promise<Result<OrderDetail>>,
    testId: string,
  ) => (
    <ReasonDialog
      title={texts.title}
      label={texts.reason}
      confirmLabel={texts.confirm}
      testId={testId}
      maxLength={200}
      onSubmit={async (text) => settle(await call(text.trim()))}
      onClose={() => setOpen(null)}
    />
  );
  const whole = order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.refundedQuantity }));
  const refund = refundOfRecord(
    order,
    'REFUND_ONLY',
    whole.filter((l) => l.quantity > 0),
  );

  return (
    <div className="cs-actions" data-testid="cs-actions" aria-label={m.customerService.title}>
      <Typography.Text strong className="cs-title">
        {m.customerService.title}
      </Typography.Text>
      {shown.map((action) => {
        const why = whyNot(m, available[action]);
        return (
          <span key={action} className="action" data-available={available[action].ok}>
            <Button
              size="small"
              disabled={!available[action].ok}
              title={why ?? undefined}
              data-testid={`cs-${action}`}
              onClick={() => setOpen(action)}
            >
              {m.customerService.action[action]}
            </Button>
            {why && (
              <Typography.Text type="secondary" className="why">
                {why}
              </Typography.Text>
            )}
          </span>
        );
      })}
      {open === 'CANCEL_PAID' && (
        <ReasonDialog
          title={m.customerService.cancelPaid.title}
          label={`${m.customerService.cancelPaid.reason} · ${fill(m.customerService.cancelPaid.refund, {
            amount: money(refund.total),
            freight: money(refund.freight),
          })}`}
          confirmLabel={m.customerService.cancelPaid.confirm}
          testId="cancel-paid-dialog"
          maxLength={200}
          onSubmit={async (text) => settle(await api['orders.cancelPaid']({ orderNo, reason: text.trim() }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'CONFIRM_RECEIPT' &&
        reasonDialog(
          m.customerService.confirmReceipt,
          (reason) => api['orders.confirmReceipt']({ orderNo, reason }),
          'confirm-receipt-dialog',
        )}
      {open === 'EXTEND_RECEIPT' &&
        reasonDialog(
          m.customerService.extendReceipt,
          (reason) => api['orders.extendReceipt']({ orderNo, reason }),
          'extend-receipt-dialog',
        )}
      {open === 'OPEN_AFTER_SALE' && (
        <OpenAfterSaleDialog order={order} settle={settle} onClose={() => setOpen(null)} />
      )}
      {open === 'CHANGE_RECEIVER' && (
        <ChangeReceiverDialog order={order} settle={settle} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
