import { island } from '../../app/island';
import { useNavigation } from '../../stores/navigation';

// The drawer, its modules and dialogs load with the first order opened, not before the list.
const OrderDetailPanel = island(() => import('./OrderDetailPanel'), 'OrderDetailPanel');

/** The detail of the order opened over the current screen, if any; a fresh panel per order. */
export function OpenedOrderDetail() {
  const orderNo = useNavigation((s) => s.openedOrderNo);
  return orderNo ? <OrderDetailPanel key={orderNo} orderNo={orderNo} /> : null;
}
