import type { SessionInfo } from '../../../shared/contract/api';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import type { OrderDetail } from '../../../shared/contract/orders';
import {
  afterSaleActionAvailability,
  orderActionAvailability,
  type OrderSituation,
} from '../../../shared/domain/action-availability';
import { factsOf, orderStateOf } from '../../../shared/intents/state';

/** The shared availability rules fed with what the detail shows. */
export function situationOf(order: OrderDetail): OrderSituation {
  const { pendingSync, ...record } = order;
  return {
    facts: factsOf(orderStateOf(record)),
    placement: {
      kind: record.kind,
      warehouseId: record.warehouseId,
      storeId: record.storeId,
      dealerId: record.dealerId,
    },
    pendingSync,
  };
}

export const orderActionsFor = (session: SessionInfo, order: OrderDetail) =>
  orderActionAvailability(session, situationOf(order));

export const afterSaleActionsFor = (session: SessionInfo, order: OrderDetail, request: AfterSaleRecord) =>
  afterSaleActionAvailability(session, situationOf(order), request);
