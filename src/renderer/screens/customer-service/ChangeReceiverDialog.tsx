import { Form, Input } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { ReceiverRecord } from '../../../shared/contract/records';
import type { Result } from '../../../shared/contract/result';
import { receiverErrors } from '../../../shared/intents/dealer-checks';
import { api } from '../../api/client';
import { AddressPicker, postcodeOf } from '../../components/AddressPicker';
import { fill, useMessages } from '../../i18n';
import { Dialog } from '../detail/Dialog';

interface Props {
  order: OrderDetail;
  settle(result: Result<OrderDetail>): string | null;
  onClose(): void;
}

/** Typed fields before and after the region, which is picked from the national divisions. */
const BEFORE_REGION = ['name', 'phone'] as const;
const AFTER_REGION = ['address', 'postcode'] as const;
const EMPTY: ReceiverRecord = { name: '', phone: '', province: '', city: '', district: '', address: '', postcode: '' };

/** The new receiver, starting from the current one; the old one stays in the order's timeline. */
export function ChangeReceiverDialog({ order, settle, onClose }: Props) {
  const m = useMessages();
  const t = m.customerService.changeReceiver;
  const [receiver, setReceiver] = useState<ReceiverRecord>(order.receiver ?? EMPTY);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const region = `${t.province} / ${t.city} / ${t.district}`;
  const field = (name: (typeof BEFORE_REGION | typeof AFTER_REGION)[number]) => (
    <Form.Item key={name} label={t[name]} htmlFor={`receiver-${name}`}>
      <Input
        id={`receiver-${name}`}
        value={receiver[name]}
        maxLength={name === 'address' ? 200 : name === 'postcode' ? 10 : name === 'phone' ? 20 : 50}
        onChange={(e) => setReceiver((r) => ({ ...r, [name]: e.target.value }))}
      />
    </Form.Item>
  );

  const confirm = async () => {
    const wrong = Object.keys(receiverErrors(receiver)).map(
      (field) => t[field.replace('receiver.', '') as keyof ReceiverRecord],
    );
    if (wrong.length > 0) return setError(fill(t.invalid, { fields: wrong.join('、') }));
    setBusy(true);
    const failure = settle(
      await api['orders.changeReceiver']({ orderNo: order.orderNo, receiver, reason: reason.trim() }),
    );
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog
      title={t.title}
      testId="change-receiver-dialog"
      confirmLabel={t.confirm}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Form layout="vertical" component="div" className="cs-form">
        {BEFORE_REGION.map(field)}
        <Form.Item label={region} htmlFor="receiver-region">
          <AddressPicker
            testId="receiver-region"
            ariaLabel={region}
            value={{ province: receiver.province, city: receiver.city, district: receiver.district }}
            onChange={(place) =>
              setReceiver((r) => ({ ...r, ...place, postcode: postcodeOf(place.province, place.city) }))
            }
          />
        </Form.Item>
        {AFTER_REGION.map(field)}
        <Form.Item label={t.reason} htmlFor="receiver-reason">
          <Input id="receiver-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
