import {
  AFTER_SALE_APPROVE,
  AFTER_SALE_RECEIVE_RETURN,
  AFTER_SALE_REFUND,
  AFTER_SALE_REJECT,
  AFTER_SALE_SHIP_EXCHANGE,
} from '../aftersales/intents';
import { CREATE_DEALER_ORDER } from '../intake/create';
import { CANCEL, LOCK, NOTE, SHIP, TRACKING_EVENT, UNLOCK } from '../orders/intents';
import { REDEEM, UNDO_REDEMPTION } from '../redemption/intents';
import type { IntentHandlers } from './handler';

/** Every intent type of the wire contract and who re-executes it; the compiler checks none is missing. */
export const INTENT_HANDLERS: IntentHandlers = {
  SHIP,
  REDEEM,
  UNDO_REDEMPTION,
  CREATE_DEALER_ORDER,
  CANCEL,
  LOCK,
  UNLOCK,
  NOTE,
  TRACKING_EVENT,
  AFTER_SALE_APPROVE,
  AFTER_SALE_REJECT,
  AFTER_SALE_RECEIVE_RETURN,
  AFTER_SALE_REFUND,
  AFTER_SALE_SHIP_EXCHANGE,
};
