import type { OrderRecord, WaybillRecord } from '../contract/records';
import type { LineQuantity } from '../domain/line-request';

/**
 * A parcel just handed to its carrier. Waybills are numbered per order in the order they leave
 * (`${orderNo}-W${n}`), so the same shipment gets the same ids on every device and on the service.
 */
export function newWaybill(
  record: OrderRecord,
  offset: number,
  parcel: { carrier: string; trackingNo: string; lines: LineQuantity[] },
  shippedAt: number,
): WaybillRecord {
  return {
    id: `${record.orderNo}-W${record.waybills.length + offset + 1}`,
    carrier: parcel.carrier,
    trackingNo: parcel.trackingNo,
    shippedAt,
    status: 'IN_TRANSIT',
    signedAt: null,
    courier: '',
    lines: parcel.lines,
    events: [],
  };
}
