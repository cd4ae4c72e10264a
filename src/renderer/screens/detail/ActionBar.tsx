import type { OrderDetail } from '../../../shared/contract/orders';
import type { Availability, DeskOrderAction } from '../../../shared/domain/action-availability';
import { useMessages } from '../../i18n';
import { usePrint } from '../../stores/print';
import { ActionButton } from './parts';

interface Props {
  order: OrderDetail;
  actions: Record<DeskOrderAction, Availability>;
  notice: { text: string; ok: boolean } | null;
  onAction(action: DeskOrderAction): void;
}

/** The order's own actions, each enabled or saying why not, and what the last one did. */
export function ActionBar({ order, actions, notice, onAction }: Props) {
  const m = useMessages();
  const button = (action: DeskOrderAction, keyHint?: string) => (
    <ActionButton
      label={m.detail.action[action]}
      availability={actions[action]}
      keyHint={keyHint}
      testId={`action-${action}`}
      onClick={() => onAction(action)}
    />
  );
  const cancel = actions.CANCEL;
  const print = usePrint((s) => s.open);
  return (
    <div className="actions detail-actions" data-testid="detail-actions">
      {button('SHIP', 'S')}
      {order.locked ? button('UNLOCK') : button('LOCK')}
      {button('NOTE')}
      {/* Cancelling is for the few roles that may; for everyone else it is not worth a button. */}
      {(cancel.ok || cancel.reason !== 'FORBIDDEN_ROLE') && button('CANCEL')}
      {/* A slip goes in a box: only an order that was paid for has one to pack. */}
      {order.kind === 'PHYSICAL' && order.paidAt !== null && (
        <button type="button" onClick={() => print('packing', [order.orderNo])}>
          {m.print.printSlip}
        </button>
      )}
      {notice && (
        <span className={notice.ok ? 'notice ok' : 'notice refused'} role="status" data-testid="detail-notice">
          {notice.text}
        </span>
      )}
    </div>
  );
}
