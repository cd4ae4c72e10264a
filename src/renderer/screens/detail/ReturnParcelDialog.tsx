import { Form } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import { checkTrackingNo } from '../../../shared/domain/carriers';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { Dialog } from './Dialog';
import { useRefusalText } from './refusal-text';
import { TrackingField, type Tracking } from './TrackingField';

interface Props {
  order: OrderDetail;
  request: AfterSaleRecord;
  onClose(): void;
  onDone(order: OrderDetail): void;
}

/**
 * The parcel a buyer sends goods back in, written down by staff (the buyer phoned, or it shows on
 * the platform), so that scanning it at the return desk opens this request.
 */
export function ReturnParcelDialog({ order, request, onClose, onDone }: Props) {
  const m = useMessages();
  const t = m.floor.returnParcel;
  const refusalText = useRefusalText();
  const [tracking, setTracking] = useState<Tracking>(
    () => request.returnShipment ?? { carrier: 'YTO', trackingNo: '' },
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    const check = checkTrackingNo(tracking.carrier, tracking.trackingNo);
    if (!check.ok) return setError(m.detail.reason[check.code]);
    setBusy(true);
    const result = await api['aftersales.returnParcel']({
      orderNo: order.orderNo,
      afterSaleId: request.id,
      ...tracking,
    });
    setBusy(false);
    if (!result.ok) return setError(refusalText(result.error));
    onDone(result.value);
  };
  return (
    <Dialog
      title={fill(t.title, { no: request.afterSaleNo })}
      testId="return-parcel-dialog"
      confirmLabel={t.confirm}
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
