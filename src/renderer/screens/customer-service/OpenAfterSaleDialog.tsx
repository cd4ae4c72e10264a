import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { Result } from '../../../shared/contract/result';
import { canRequestAfterSale } from '../../../shared/domain/after-sale-machine';
import { AFTER_SALE_TYPES, type AfterSaleType } from '../../../shared/domain/vocabulary';
import { orderStateOf, factsOf } from '../../../shared/intents/state';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { Dialog, useSubmit } from '../detail/Dialog';
import { actionName } from './action-name';

interface Props {
  order: OrderDetail;
  settle(result: Result<OrderDetail>): string | null;
  onClose(): void;
}

/** How many units of a line a request of this type could cover (the shared eligibility's room). */
const roomOf = (type: AfterSaleType, line: OrderDetail['lines'][number]) =>
  type === 'REFUND_ONLY' ? line.quantity - line.refundedQuantity : line.shippedQuantity - line.refundedQuantity;

/** A request opened for a buyer on the phone: which type, why, and the whole order or some of its items. */
export function OpenAfterSaleDialog({ order, settle, onClose }: Props) {
  const m = useMessages();
  const t = m.customerService.openAfterSale;
  const { pendingSync: _pending, ...record } = order;
  const facts = factsOf(orderStateOf(record));
  const [now] = useState(() => Date.now());
  const moment = { now, completedAt: order.completedAt };
  const types = AFTER_SALE_TYPES.filter((type) => canRequestAfterSale(facts, type, moment).ok);
  const [type, setType] = useState<AfterSaleType>(types[0] ?? 'REFUND_ONLY');
  const [reason, setReason] = useState('');
  const [byLine, setByLine] = useState(false);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const { busy, error, submit } = useSubmit(async () => {
    const lines = order.lines
      .map((l) => ({ lineNo: l.lineNo, quantity: quantities[l.lineNo] ?? 0 }))
      .filter((l) => l.quantity > 0);
    return settle(
      await api['aftersales.open']({
        orderNo: order.orderNo,
        type,
        reason: reason.trim(),
        ...(byLine ? { lines } : {}),
      }),
    );
  }, onClose);

  return (
    <Dialog
      title={actionName(m, 'OPEN_AFTER_SALE')}
      testId="open-after-sale-dialog"
      confirmLabel={t.confirm}
      busy={busy}
      error={error}
      onConfirm={() => void submit(undefined)}
      onClose={onClose}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t.type} htmlFor="after-sale-type">
          <Select<AfterSaleType>
            id="after-sale-type"
            value={type}
            onChange={setType}
            data-testid="after-sale-type"
            options={types.map((option) => ({ value: option, label: m.detail.afterSaleType[option] }))}
          />
        </Form.Item>
        <Form.Item label={t.reason} htmlFor="after-sale-reason">
          <Input
            id="after-sale-reason"
            autoFocus
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        <Form.Item>
          <Radio.Group value={byLine} onChange={(e) => setByLine(e.target.value as boolean)}>
            <Radio value={false}>{t.whole}</Radio>
            <Radio value={true}>{t.lines}</Radio>
          </Radio.Group>
        </Form.Item>
        {byLine &&
          order.lines.map((line) => {
            const max = roomOf(type, line);
            return (
              <Form.Item
                key={line.lineNo}
                label={fill(t.quantity, { name: line.name, max })}
                htmlFor={`after-sale-line-${line.lineNo}`}
              >
                <InputNumber
                  id={`after-sale-line-${line.lineNo}`}
                  min={0}
                  max={max}
                  precision={0}
                  value={quantities[line.lineNo] ?? 0}
                  onChange={(value) =>
                    setQuantities((q) => ({ ...q, [line.lineNo]: Math.max(0, Math.trunc(Number(value) || 0)) }))
                  }
                />
              </Form.Item>
            );
          })}
      </Form>
    </Dialog>
  );
}
