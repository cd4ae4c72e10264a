import {
  AFTER_SALE_APPROVE,
  AFTER_SALE_RECEIVE_RETURN,
  AFTER_SALE_RETURN_PARCEL,
  AFTER_SALE_REFUND,
  AFTER_SALE_REJECT,
  AFTER_SALE_SHIP_EXCHANGE,
} from '../aftersales/intents';
import { CREATE_DEALER_ORDER } from '../intake/create';
import { CANCEL, LOCK, MERGE, NOTE, SHIP, SPLIT, TRACKING_EVENT, UNLOCK, UNMERGE, UNSPLIT } from '../orders/intents';
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
  SPLIT,
  UNSPLIT,
  MERGE,
  UNMERGE,
  AFTER_SALE_APPROVE,
  AFTER_SALE_REJECT,
  AFTER_SALE_RECEIVE_RETURN,
  AFTER_SALE_RETURN_PARCEL,
  AFTER_SALE_REFUND,
  AFTER_SALE_SHIP_EXCHANGE,
};
