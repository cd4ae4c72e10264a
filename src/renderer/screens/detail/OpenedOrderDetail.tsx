import { useNavigation } from '../../stores/navigation';
import { OrderDetailPanel } from './OrderDetailPanel';

/** The detail of the order opened over the current screen, if any; a fresh panel per order. */
export function OpenedOrderDetail() {
  const orderNo = useNavigation((s) => s.openedOrderNo);
  return orderNo ? <OrderDetailPanel key={orderNo} orderNo={orderNo} /> : null;
}
