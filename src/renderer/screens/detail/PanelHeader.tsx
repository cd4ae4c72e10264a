import type { OrderDetail } from '../../../shared/contract/orders';
import { fill, useMessages } from '../../i18n';

/** The order number, its status and overlays at a glance, and the way out. */
export function PanelHeader({
  orderNo,
  order,
  onClose,
}: {
  orderNo: string;
  order: OrderDetail | null;
  onClose(): void;
}) {
  const m = useMessages();
  return (
    <header className="detail-header">
      <h2>{fill(m.detail.title, { orderNo })}</h2>
      {order && (
        <>
          <span className={`badge status-${order.status}`} data-testid="detail-status">
            {m.status[order.status]}
          </span>
          {order.refundStatus !== 'NONE' && <span className="badge">{m.refundStatus[order.refundStatus]}</span>}
          {order.locked && (
            <span className="badge locked" data-testid="detail-locked">
              {fill(m.detail.lockedBecause, { reason: order.lockReason ?? '' })}
            </span>
          )}
          {order.pendingSync > 0 && (
            <span className="badge pending" data-testid="detail-pending">
              {fill(m.detail.pendingSync, { n: order.pendingSync })}
            </span>
          )}
        </>
      )}
      <span className="spacer" />
      <button type="button" onClick={onClose} aria-label={m.detail.close}>
        {m.detail.close} <kbd>Esc</kbd>
      </button>
    </header>
  );
}
