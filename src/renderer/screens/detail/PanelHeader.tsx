import { Space } from 'antd';
import type { OrderDetail } from '../../../shared/contract/orders';
import { OrderFlagTag, OrderStatusTag, RefundStatusTag } from '../../components/StatusTag';
import { fill, useMessages } from '../../i18n';

/** The drawer's title: the order number, its status and overlays at a glance. */
export function PanelHeader({ orderNo, order }: { orderNo: string; order: OrderDetail | null }) {
  const m = useMessages();
  return (
    <Space size={8} wrap className="detail-header">
      <span className="detail-title">{fill(m.detail.title, { orderNo })}</span>
      {order && (
        <>
          <OrderStatusTag status={order.status} testId="detail-status" />
          {order.refundStatus !== 'NONE' && <RefundStatusTag status={order.refundStatus} />}
          {order.locked && (
            <OrderFlagTag flag="locked" testId="detail-locked">
              {fill(m.detail.lockedBecause, { reason: order.lockReason ?? '' })}
            </OrderFlagTag>
          )}
          {order.pendingSync > 0 && (
            <OrderFlagTag flag="pendingSync" testId="detail-pending">
              {fill(m.detail.pendingSync, { n: order.pendingSync })}
            </OrderFlagTag>
          )}
        </>
      )}
    </Space>
  );
}
