import type { DealerDraftInput, DealerSubmitOutcome } from '../../shared/contract/api';
import { dealerOrderInput, type DealerOrderInput, type IntentResult } from '../../shared/contract/sync';
import { makeChildOrderNumber, makeOrderNumber, MAX_SEQ } from '../../shared/domain/order-number';
import { buildDealerOrderRecord } from '../../shared/intents/dealer-order';
import { schemaFieldError, withWalkInBuyer } from '../../shared/intents/dealer-checks';
import { goodsCampaignIds } from '../../shared/intents/dealer-pricing';
import type { Db } from '../db/connection';
import { removeOrders, upsertOrders } from '../db/ingest';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { readBase } from '../sync/base';
import { outboxOf, type OutboxRow } from '../db/outbox';
import { readSyncState } from '../sync/sync-state';
import { catalogueLookup } from './catalogue';
import { deleteDraft } from './drafts';
import { campaignById, couponById } from './promotions';
import { quoteDraft, WARNINGS } from '../../shared/intents/dealer-quote';

const SEQ_KEY = 'dealerOrderSeq';

/** This device's next dealer order sequence, kept in sync_state so a number is never made twice. */
function nextSeq(db: Db): number {
  const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(SEQ_KEY) as { value: string } | undefined;
  const seq = (Number(row?.value ?? 0) % MAX_SEQ) + 1;
  db.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)').run(SEQ_KEY, String(seq));
  return seq;
}

const rejectedDealerRow = (db: Db, id: string): OutboxRow | undefined =>
  outboxOf(db).rejectedOfType(id, 'CREATE_DEALER_ORDER');

/**
 * A rejected dealer order's local record goes when the service has no order of that number: the
 * order waits in the exceptions inbox, not in the order list.
 */
export function forgetRejectedDealerOrders(db: Db): string[] {
  const gone = outboxOf(db)
    .refusedDealerOrders()
    .filter((orderNo) => readBase(db, orderNo) === null);
  return gone.length > 0 && removeOrders(db, gone) > 0 ? gone : [];
}

const rejected = (orderNo: string, code: string, fieldErrors: Record<string, string>): DealerSubmitOutcome => ({
  orderNo,
  outcome: 'rejected',
  code,
  fieldErrors,
});

/**
 * Submits a dealer's order: checked and priced here as the service will, queued as
 * CREATE_DEALER_ORDER with an order number made on this device, shown at once as waiting to sync,
 * then one sync round. A resubmission keeps the rejected order's number (the service only refuses
 * a number an existing order holds) and dismisses the old exception as "resubmitted as …".
 */
export async function submitDealerOrder(
  ctx: CallContext,
  {
    draft,
    draftId,
    resubmitOf,
    submissionId,
  }: { draft: DealerDraftInput; draftId?: string; resubmitOf?: string; submissionId?: string },
): Promise<DealerSubmitOutcome> {
  const { db, session } = ctx;
  // The same submission pressed again: its order, as it stands, never a second one.
  const earlier = submissionId ? submissionOutcome(db, submissionId) : null;
  if (earlier) return earlier;
  if (!session.scope.dealerIds.includes(draft.dealerId)) {
    throw new ApiFailure('ACTION_REFUSED', `Not entitled to enter orders for ${draft.dealerId}`, 'DEALER_NOT_ENTITLED');
  }
  const deviceCode = Number(readSyncState(db, 'deviceCode') ?? NaN);
  if (!Number.isInteger(deviceCode)) {
    throw new ApiFailure('ACTION_REFUSED', 'This device has no code yet: sign in online once', 'NO_DEVICE_CODE');
  }
  const old = resubmitOf ? rejectedDealerRow(db, resubmitOf) : undefined;
  if (resubmitOf && !old) throw new ApiFailure('NOT_FOUND', `No rejected dealer order ${resubmitOf}`);
  const oldAnswer = old?.answer ? (JSON.parse(old.answer) as IntentResult) : null;
  const oldNo = old ? (JSON.parse(old.payload) as DealerOrderInput).orderNo : null;
  const reuse = oldNo !== null && old?.lastErrorCode !== 'ORDER_NO_TAKEN' && !oldAnswer?.fieldErrors?.orderNo;

  const lookup = catalogueLookup(db);
  const coupon = couponById(db, session.scope.dealerIds, draft.couponId);
  const campaign = campaignById(db, draft.campaignId);
  const campaignTerms = (id: string) => campaignById(db, id) ?? undefined;
  const quoted = quoteDraft(draft, lookup, coupon, campaign, false, campaignTerms);
  const goodsCampaigns = goodsCampaignIds(
    draft.lines.map((l) => ({ campaignId: lookup(l.sku)?.campaignId ?? null })),
  ).flatMap((id) => campaignTerms(id) ?? []);
  const blocking = Object.fromEntries(Object.entries(quoted.fieldErrors).filter(([, r]) => !WARNINGS.has(r)));
  const stamp = ctx.stamp();

  const submitted = db.transaction((): DealerSubmitOutcome | { orderNo: string; childNo: string } => {
    // A form the device already knows to be wrong is sent back at once, without using up a number.
    if (Object.keys(blocking).length > 0) return rejected(oldNo ?? '', 'DEALER_ORDER_REJECTED', blocking);
    const probe = dealerOrderInput.safeParse({
      ...withWalkInBuyer(draft),
      orderNo: 'D000000000000000',
      expectedPayable: quoted.payable,
    });
    if (!probe.success) {
      const errors = Object.fromEntries(probe.error.issues.map((i) => [i.path.join('.'), schemaFieldError(i)]));
      return rejected(oldNo ?? '', 'DEALER_ORDER_REJECTED', errors);
    }
    const orderNo =
      reuse && oldNo ? oldNo : makeOrderNumber({ source: 'DEALER', at: stamp.now, deviceCode, seq: nextSeq(db) });
    const input = { ...probe.data, orderNo };
    const built = buildDealerOrderRecord(
      input,
      (sku) => {
        const item = lookup(sku);
        return item && { ...item, kind: 'PHYSICAL' as const };
      },
      { ...stamp, dealerName: session.displayName, coupon, campaign, goodsCampaigns },
    );
    if (!built.ok) return rejected(orderNo, built.code, built.fieldErrors ?? {});
    const childNo = makeChildOrderNumber(orderNo, 1);
    outboxOf(db).enqueue('CREATE_DEALER_ORDER', input, {
      orderNo: childNo,
      now: stamp.now,
      ...(submissionId ? { id: submissionId } : {}),
    });
    upsertOrders(db, [built.state.record]);
    if (draftId) deleteDraft(db, draftId);
    if (old) {
      outboxOf(db).dismiss(old.id, `resubmitted as ${orderNo}`);
    }
    return { orderNo, childNo };
  })();
  if ('outcome' in submitted) return submitted;

  ctx.changed([submitted.childNo]);
  try {
    await ctx.sync();
  } catch {
    // Offline or the service failed: the order stays queued and provisional.
  }
  const row = outboxOf(db).latestOutcome(submitted.childNo, 'CREATE_DEALER_ORDER')!;
  const outcome = outcomeOf(submitted.orderNo, row);
  if (outcome.outcome === 'rejected') {
    const gone = forgetRejectedDealerOrders(db);
    if (gone.length > 0) ctx.changed(gone);
  }
  return outcome;
}

interface SubmittedRow {
  state: string;
  code: string | null;
  answer: string | null;
}

/** What a queued CREATE_DEALER_ORDER has come to: accepted, refused with its reasons, or still waiting. */
function outcomeOf(orderNo: string, row: SubmittedRow): DealerSubmitOutcome {
  if (row.state === 'applied' || row.state === 'duplicate') {
    return { orderNo, outcome: 'accepted', code: null, fieldErrors: {} };
  }
  if (row.state === 'rejected' || row.state === 'dismissed') {
    const answer = row.answer ? (JSON.parse(row.answer) as IntentResult) : null;
    return rejected(orderNo, row.code ?? 'DEALER_ORDER_REJECTED', answer?.fieldErrors ?? {});
  }
  return { orderNo, outcome: 'provisional', code: null, fieldErrors: {} };
}

function submissionOutcome(db: Db, submissionId: string): DealerSubmitOutcome | null {
  const row = outboxOf(db).outcomeOfType(submissionId, 'CREATE_DEALER_ORDER');
  return row ? outcomeOf((JSON.parse(row.payload) as DealerOrderInput).orderNo, row) : null;
}
