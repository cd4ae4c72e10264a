import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import type { Result } from '../../../shared/contract/result';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { ExchangeDialog } from './ExchangeDialog';
import { ReasonDialog } from './ReasonDialog';
import { ReturnParcelDialog } from './ReturnParcelDialog';
import { TrackingEntryDialog } from './TrackingEntryDialog';
import { ShipDialog } from './ShipDialog';

export type OpenDialog =
  | { kind: 'ship' | 'lock' | 'note' | 'cancel' }
  | { kind: 'reject' | 'exchange' | 'returnParcel'; request: AfterSaleRecord }
  | { kind: 'tracking'; trackingNo: string }
  | null;

interface Props {
  order: OrderDetail;
  open: OpenDialog;
  onClose(): void;
  /** Takes an action's answer; a refusal comes back translated for the dialog to show. */
  settle(result: Result<OrderDetail>): string | null;
}

/** The dialog in front of the detail, if any: each collects what its action needs, then acts. */
export function PanelDialogs({ order, open, onClose, settle }: Props) {
  const m = useMessages();
  const { orderNo } = order;
  const done = (next: OrderDetail) => {
    onClose();
    settle({ ok: true, value: next });
  };
  const reason = (kind: 'lock' | 'note' | 'cancel') => {
    const texts = {
      lock: m.detail.lock,
      note: { ...m.detail.note, reason: m.detail.note.text },
      cancel: m.detail.cancelOrder,
    };
    const act = {
      lock: (text: string) => api['orders.lock']({ orderNo, reason: text }),
      note: (text: string) => api['orders.note']({ orderNo, text }),
      cancel: (text: string) => api['orders.cancel']({ orderNo, reason: text }),
    };
    return (
      <ReasonDialog
        title={texts[kind].title}
        label={texts[kind].reason}
        confirmLabel={texts[kind].confirm}
        testId={`${kind}-dialog`}
        maxLength={kind === 'note' ? 1000 : 200}
        onSubmit={async (text) => settle(await act[kind](text))}
        onClose={onClose}
      />
    );
  };

  switch (open?.kind) {
    case 'ship':
      return <ShipDialog order={order} onClose={onClose} onShipped={done} />;
    case 'lock':
    case 'note':
    case 'cancel':
      return reason(open.kind);
    case 'reject':
      return (
        <ReasonDialog
          title={fill(m.detail.reject.title, { no: open.request.afterSaleNo })}
          label={m.detail.reject.reason}
          confirmLabel={m.detail.reject.confirm}
          testId="reject-dialog"
          maxLength={200}
          onSubmit={async (text) =>
            settle(await api['aftersales.reject']({ orderNo, afterSaleId: open.request.id, reason: text }))
          }
          onClose={onClose}
        />
      );
    case 'exchange':
      return <ExchangeDialog order={order} request={open.request} onClose={onClose} onDone={done} />;
    case 'returnParcel':
      return <ReturnParcelDialog order={order} request={open.request} onClose={onClose} onDone={done} />;
    case 'tracking':
      return <TrackingEntryDialog order={order} trackingNo={open.trackingNo} onClose={onClose} onDone={done} />;
    default:
      return null;
  }
}
