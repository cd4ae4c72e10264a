import { Form } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import { checkTrackingNo } from '../../../shared/domain/carriers';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { Dialog } from './Dialog';
import { lastCarrier, rememberCarrier } from './last-carrier';
import { useRefusalText } from './refusal-text';
import { TrackingField, type Tracking } from './TrackingField';

interface Props {
  order: OrderDetail;
  request: AfterSaleRecord;
  onClose(): void;
  onDone(order: OrderDetail): void;
}

/** The replacement of an exchange leaves with a waybill of its own. */
export function ExchangeDialog({ order, request, onClose, onDone }: Props) {
  const m = useMessages();
  const refusalText = useRefusalText();
  const [tracking, setTracking] = useState<Tracking>(() => ({ carrier: lastCarrier(), trackingNo: '' }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    const check = checkTrackingNo(tracking.carrier, tracking.trackingNo);
    if (!check.ok) {
      setError(m.detail.reason[check.code]);
      return;
    }
    setBusy(true);
    const result = await api['aftersales.shipExchange']({
      orderNo: order.orderNo,
      afterSaleId: request.id,
      ...tracking,
    });
    setBusy(false);
    if (!result.ok) return setError(refusalText(result.error));
    rememberCarrier(tracking.carrier);
    onDone(result.value);
  };
  return (
    <Dialog
      title={fill(m.detail.exchange.title, { no: request.afterSaleNo })}
      testId="exchange-dialog"
      confirmLabel={m.detail.exchange.confirm}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Form layout="vertical" component="div">
        <TrackingField value={tracking} onChange={setTracking} autoFocus />
      </Form>
    </Dialog>
  );
}
