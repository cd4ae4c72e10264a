import { Descriptions, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AfterSaleRow } from '../../../shared/contract/aftersales';
import type { OrderDetail } from '../../../shared/contract/orders';
import { CARRIERS, checkTrackingNo } from '../../../shared/domain/carriers';
import { refundOfRecord } from '../../../shared/intents/refund';
import { refundedFen } from '../../../shared/intents/state';
import { api } from '../../api/client';
import { Amount } from '../../components/Amount';
import { FieldError } from '../../components/FieldError';
import { LoadingState } from '../../components/States';
import { fill, useI18n, useMessages } from '../../i18n';
import { money } from '../../lib/format';
import { Dialog, useSubmit, type Answer } from '../detail/Dialog';

/**
 * The refund step: before money moves, what goes back and why it adds up — the goods' share, the
 * freight (back only when a refund-only calls the whole order off), the points, and 运费险 shown
 * outside the refund (the insurer pays the postage) — then what the order has had back in all.
 */
export function RefundDialog({ row, onClose, onRefund }: { row: AfterSaleRow; onClose(): void; onRefund(): Answer }) {
  const m = useMessages();
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const { busy, error, submit } = useSubmit(() => onRefund());
  useEffect(() => {
    void api['orders.detail']({ orderNo: row.orderNo }).then((answer) => answer.ok && setOrder(answer.value));
  }, [row.orderNo]);
  const request = order?.afterSales.find((a) => a.id === row.afterSaleId);
  const type = request?.type === 'REFUND_ONLY' ? 'REFUND_ONLY' : 'RETURN_REFUND';
  const breakdown = order && request ? refundOfRecord(order, type, request.lines) : null;
  const before = order ? refundedFen(order) : 0;
  const after = before + row.amount;
  return (
    <Dialog
      title={fill(m.workbench.refundTitle, { afterSaleNo: row.afterSaleNo })}
      testId="refund-dialog"
      confirmLabel={fill(m.workbench.refundConfirm, { amount: money(row.amount) })}
      busy={busy}
      error={error}
      onConfirm={() => void submit(undefined)}
      onClose={onClose}
      width={560}
    >
      {!order || !breakdown ? (
        <LoadingState />
      ) : (
        <Descriptions column={1} size="small" bordered data-testid="refund-breakdown">
          <Descriptions.Item label={m.workbench.refundGoods}>
            <Amount fen={breakdown.goods} testId="refund-goods" />
          </Descriptions.Item>
          <Descriptions.Item label={m.workbench.refundFreight}>
            <Amount fen={breakdown.freight} testId="refund-freight" />
          </Descriptions.Item>
          <Descriptions.Item label={m.workbench.refundTotal}>
            <Amount fen={row.amount} strong testId="refund-total" />
          </Descriptions.Item>
          <Descriptions.Item label={m.workbench.refundPoints}>
            <span data-testid="refund-points">{fill(m.workbench.points, { n: breakdown.points })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m.workbench.refundInsurance}>
            <Amount fen={breakdown.insurance} testId="refund-insurance" />
          </Descriptions.Item>
          <Descriptions.Item label={m.workbench.refundPaid}>
            <Amount fen={order.amounts.paid} testId="refund-paid" />
          </Descriptions.Item>
          <Descriptions.Item label={m.workbench.refundBefore}>
            <Amount fen={before} />
          </Descriptions.Item>
          <Descriptions.Item label={m.workbench.refundAfter}>
            <Amount fen={after} testId="refund-after" />{' '}
            <Typography.Text type={after >= order.amounts.paid ? 'success' : 'secondary'} data-testid="refund-outcome">
              {after >= order.amounts.paid ? m.workbench.refundFull : m.workbench.refundPartial}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Dialog>
  );
}

/** The replacement leaves the warehouse: a carrier and a tracking number its format accepts. */
export function ShipExchangeDialog({
  row,
  onClose,
  onShip,
}: {
  row: AfterSaleRow;
  onClose(): void;
  onShip(carrier: string, trackingNo: string): Answer;
}) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const [carrier, setCarrier] = useState<string>('SF');
  const [trackingNo, setTrackingNo] = useState('');
  const [fieldError, setFieldError] = useState<{ code: string; text: string } | null>(null);
  const { busy, error, submit } = useSubmit((number: string) => onShip(carrier, number));
  const confirm = () => {
    if (!trackingNo.trim()) return setFieldError({ code: 'REQUIRED', text: m.shell.required });
    const checked = checkTrackingNo(carrier, trackingNo);
    if (!checked.ok) return setFieldError({ code: checked.code, text: m.detail.reason[checked.code] });
    void submit(trackingNo.trim());
  };
  return (
    <Dialog
      title={fill(m.workbench.shipTitle, { afterSaleNo: row.afterSaleNo })}
      testId="ship-exchange-dialog"
      confirmLabel={m.workbench.shipConfirm}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={m.workbench.carrier} required>
          <Select
            value={carrier}
            onChange={setCarrier}
            data-testid="exchange-carrier"
            options={CARRIERS.map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameZh }))}
          />
        </Form.Item>
        <Form.Item
          label={m.workbench.trackingNo}
          required
          htmlFor="exchange-tracking"
          validateStatus={fieldError ? 'error' : undefined}
          help={fieldError ? <FieldError code={fieldError.code}>{fieldError.text}</FieldError> : undefined}
        >
          <Input
            id="exchange-tracking"
            autoFocus
            maxLength={40}
            value={trackingNo}
            onChange={(e) => {
              setTrackingNo(e.target.value);
              setFieldError(null);
            }}
          />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
