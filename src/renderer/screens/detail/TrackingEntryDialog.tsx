import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import { TRACKING_STATUSES, type TrackingStatus } from '../../../shared/intents/tracking-statuses';
import { fill, useMessages } from '../../i18n';
import { api } from '../../api/client';
import { Dialog, RequiredTextItem, useRequiredText, useSubmit } from './Dialog';
import { useRefusalText } from './refusal-text';

interface Props {
  order: OrderDetail;
  trackingNo: string;
  onClose(): void;
  onDone(order: OrderDetail): void;
}

/**
 * A carrier event entered by hand (the courier phoned, the carrier's site says so): the same as a
 * pushed one, offline-first like any change. A sign-for (签收) starts the receipt countdown.
 */
export function TrackingEntryDialog({ order, trackingNo, onClose, onDone }: Props) {
  const m = useMessages();
  const t = m.floor.entry;
  const refusalText = useRefusalText();
  const [status, setStatus] = useState<TrackingStatus>('DELIVERED');
  const description = useRequiredText();
  const [location, setLocation] = useState('');
  const { busy, error, submit } = useSubmit(async (text: string) => {
    const result = await api['orders.trackingEvent']({
      orderNo: order.orderNo,
      trackingNo,
      time: Date.now(),
      status,
      description: text.trim(),
      location: location.trim(),
    });
    if (!result.ok) return refusalText(result.error);
    onDone(result.value);
    return null;
  });
  const confirm = () => {
    const text = description.take();
    if (text !== null) void submit(text);
  };
  return (
    <Dialog
      title={fill(t.title, { trackingNo })}
      testId="tracking-entry-dialog"
      confirmLabel={t.confirm}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t.status} htmlFor="tracking-entry-status">
          <Select<TrackingStatus>
            id="tracking-entry-status"
            data-testid="tracking-entry-status"
            value={status}
            onChange={setStatus}
            options={TRACKING_STATUSES.map((s) => ({ value: s, label: m.floor.trackingStatus[s] }))}
          />
        </Form.Item>
        <RequiredTextItem id="tracking-entry-description" label={t.description} field={description} maxLength={200} />
        <Form.Item label={t.location} htmlFor="tracking-entry-location">
          <Input
            id="tracking-entry-location"
            maxLength={60}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
