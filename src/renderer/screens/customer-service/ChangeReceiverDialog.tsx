import { Form, Input } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { ReceiverRecord } from '../../../shared/contract/records';
import type { Result } from '../../../shared/contract/result';
import { receiverErrors } from '../../../shared/intents/dealer-checks';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { Dialog, useSubmit } from '../detail/Dialog';
import { actionName } from './action-name';

interface Props {
  order: OrderDetail;
  settle(result: Result<OrderDetail>): string | null;
  onClose(): void;
}

const FIELDS = ['name', 'phone', 'province', 'city', 'district', 'address', 'postcode'] as const;
const EMPTY: ReceiverRecord = { name: '', phone: '', province: '', city: '', district: '', address: '', postcode: '' };

/** The new receiver, starting from the current one; the old one stays in the order's timeline. */
export function ChangeReceiverDialog({ order, settle, onClose }: Props) {
  const m = useMessages();
  const t = m.customerService.changeReceiver;
  // The receiver's fields are named as in order entry.
  const fieldName: Record<(typeof FIELDS)[number], string> = {
    name: m.dealer.receiver,
    phone: m.dealer.phone,
    province: m.dealer.province,
    city: m.dealer.city,
    district: m.dealer.district,
    address: m.dealer.address,
    postcode: m.dealer.postcode,
  };
  const [receiver, setReceiver] = useState<ReceiverRecord>(order.receiver ?? EMPTY);
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit } = useSubmit(
    async (next: ReceiverRecord) =>
      settle(await api['orders.changeReceiver']({ orderNo: order.orderNo, receiver: next, reason: reason.trim() })),
    onClose,
  );

  const confirm = () => {
    const wrong = Object.keys(receiverErrors(receiver)).map(
      (field) => fieldName[field.replace('receiver.', '') as (typeof FIELDS)[number]],
    );
    if (wrong.length > 0) return setError(fill(t.invalid, { fields: wrong.join('、') }));
    void submit(receiver);
  };

  return (
    <Dialog
      title={actionName(m, 'CHANGE_RECEIVER')}
      testId="change-receiver-dialog"
      confirmLabel={t.confirm}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Form layout="vertical" component="div" className="cs-form">
        {FIELDS.map((field) => (
          <Form.Item key={field} label={fieldName[field]} htmlFor={`receiver-${field}`}>
            <Input
              id={`receiver-${field}`}
              value={receiver[field]}
              maxLength={field === 'address' ? 200 : 50}
              onChange={(e) => setReceiver((r) => ({ ...r, [field]: e.target.value }))}
            />
          </Form.Item>
        ))}
        <Form.Item label={t.reason} htmlFor="receiver-reason">
          <Input id="receiver-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
