import { Form, Input } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { ReceiverRecord } from '../../../shared/contract/records';
import type { Result } from '../../../shared/contract/result';
import { receiverErrors } from '../../../shared/intents/dealer-checks';
import { api } from '../../api/client';
import { AddressPicker, postcodeOf } from '../../components/AddressPicker';
import { fill, useMessages } from '../../i18n';
import { Dialog, useSubmit } from '../detail/Dialog';
import { actionName } from './action-name';

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
  // The receiver's fields are named as in order entry.
  const fieldName: Record<keyof ReceiverRecord, string> = {
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

  const region = `${fieldName.province} / ${fieldName.city} / ${fieldName.district}`;
  const field = (name: (typeof BEFORE_REGION | typeof AFTER_REGION)[number]) => (
    <Form.Item key={name} label={fieldName[name]} htmlFor={`receiver-${name}`}>
      <Input
        id={`receiver-${name}`}
        value={receiver[name]}
        maxLength={name === 'address' ? 200 : name === 'postcode' ? 10 : name === 'phone' ? 20 : 50}
        onChange={(e) => setReceiver((r) => ({ ...r, [name]: e.target.value }))}
      />
    </Form.Item>
  );

  const confirm = () => {
    const wrong = Object.keys(receiverErrors(receiver)).map(
      (key) => fieldName[key.replace('receiver.', '') as keyof ReceiverRecord],
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
