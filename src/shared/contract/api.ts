import { z } from 'zod';
import { afterSalesProcedures, afterSalesWorkbenchProcedures } from './aftersales';
import { customerServiceProcedures } from './customer-service';
import { directoryProcedures } from './directory';
import { reportProcedures } from './reports';
import { reviewProcedures } from './review';
import { exceptionOrderProcedures } from './exception-orders';
import { floorProcedures, returnProcedures, shipmentProcedures } from './floor';
import { printProcedures } from './print';
import { shippingProcedures } from './shipping';
import { ROLES } from '../domain/vocabulary';
import { orderDetail, orderListFilter, orderListInput, orderListPage, statusCounts } from './orders';
import { listProcedures, orderExportProgress } from './list';
import { orderNo, procedure } from './procedure';
import type { Result } from './result';
import { campaignTerms, catalogueItem, couponTerms, dealerOrderInput, intentPayloads } from './sync';
import { viewProcedures } from './views';
import { adminProcedures } from './admin-procedures';
import { connectorProcedures } from './connectors';
import { importProcedures } from './imports';
import { settingsProcedures } from './settings-procedures';
import { dataScope } from './scope';

/**
 * The one contract between the renderer and main: every procedure the renderer may call, with
 * its input schema (checked in main), its output schema, and the operation right it needs.
 * Both transports (Electron IPC and the local HTTP bridge) and the renderer's client type are
 * derived from this object; nothing here is written twice. A capability with many procedures keeps
 * them in its own file (declared with `procedure` from ./procedure) and is spread in here.
 */
export type { Access } from './procedure';

export const sessionInfo = z.strictObject({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: dataScope,
  deviceId: z.string(),
  demo: z.boolean(),
  /** Signed in against the local copy because the order service could not be reached. */
  offline: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const syncStatus = z.strictObject({
  online: z.boolean(),
  syncing: z.boolean(),
  queued: z.number().int(),
  exceptions: z.number().int(),
  lastSyncAt: z.number().int().nullable(),
  lastError: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  /** The service no longer accepts this sign-in: local work continues, sync waits for a new sign-in. */
  needsSignIn: z.boolean(),
  /**
   * A first sync under way (a new store loading every order in scope): orders stored so far, of how
   * many (null until the service has said), and the time left at the rate so far (null at first).
   */
  firstSync: z
    .strictObject({
      done: z.number().int().min(0),
      total: z.number().int().min(0).nullable(),
      etaMs: z.number().int().min(0).nullable(),
    })
    .nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

const codeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,12}$/),
  storeId: z.string().min(1).max(64),
});

/** What a code buys, shown to the clerk before they confirm. */
export const redemptionPreview = z.strictObject({
  orderNo: z.string(),
  merchantName: z.string(),
  items: z.array(z.strictObject({ name: z.string(), spec: z.string(), quantity: z.number().int() })),
  buyerName: z.string(),
  buyerPhone: z.string(),
  payable: z.number().int(),
  validFrom: z.number().int(),
  validTo: z.number().int(),
  usesLeft: z.number().int(),
  usesTotal: z.number().int(),
});
export type RedemptionPreview = z.infer<typeof redemptionPreview>;

export const redemptionOutcome = z.strictObject({
  /** confirmed by the service; provisional while it cannot be reached; rejected (another desk was first, …). */
  outcome: z.enum(['confirmed', 'provisional', 'rejected']),
  orderNo: z.string(),
  redemptionId: z.string(),
  reason: z.string().nullable(),
  conflict: z.strictObject({ redeemedBy: z.string(), storeId: z.string(), redeemedAt: z.number().int() }).nullable(),
});
export type RedemptionOutcome = z.infer<typeof redemptionOutcome>;

export const shiftRow = z.strictObject({
  redemptionId: z.string(),
  orderNo: z.string(),
  storeId: z.string(),
  clerk: z.string(),
  redeemedAt: z.number().int(),
  state: z.enum(['provisional', 'confirmed', 'rejected', 'undone']),
  items: z.string(),
  payable: z.number().int(),
  /** Whether a supervisor may still undo it (window open, not undone yet). */
  undoable: z.boolean(),
});
export type ShiftRow = z.infer<typeof shiftRow>;
export const shiftList = z.strictObject({
  rows: z.array(shiftRow),
  /** Redemptions that stand (not refused, not undone): how many and what they are worth. */
  totals: z.strictObject({ count: z.number().int(), payable: z.number().int() }),
  /**
   * desk: this desk's own redemptions (a clerk's shift); stores: a supervisor's view of their
   * stores from the service, with this desk's not yet synced ones; desk-only: the service could not
   * be reached (its failure in `unavailable`), so a supervisor sees this desk's alone.
   */
  coverage: z.enum(['desk', 'stores', 'desk-only']),
  unavailable: z.string().nullable(),
});
export type ShiftList = z.infer<typeof shiftList>;

export const exceptionItem = z.strictObject({
  id: z.string(),
  type: z.string(),
  orderNo: z.string().nullable(),
  payload: z.unknown(),
  triedAt: z.number().int(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  answer: z.unknown(),
});
export type ExceptionItem = z.infer<typeof exceptionItem>;

/** A dealer's order as it is being entered: the order's fields, incomplete allowed, without number and payable. */
const draftText = (max: number) => z.string().max(max);
export const dealerDraft = dealerOrderInput.omit({ orderNo: true, expectedPayable: true }).extend({
  buyer: z.strictObject({ id: draftText(64), account: draftText(64), level: draftText(32), name: draftText(50) }),
  receiver: z.strictObject({
    name: draftText(50),
    phone: draftText(20),
    province: draftText(20),
    city: draftText(30),
    district: draftText(30),
    address: draftText(200),
    postcode: draftText(10),
  }),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1).max(64),
        quantity: z.number().int().min(0).max(100_000),
        unitPrice: z.number().int().min(0),
      }),
    )
    .max(200),
});
export type DealerDraftInput = z.infer<typeof dealerDraft>;

export const dealerPromotions = z.strictObject({ coupons: z.array(couponTerms), campaigns: z.array(campaignTerms) });
export type DealerPromotions = z.infer<typeof dealerPromotions>;

/** The amount breakdown of a draft, line by line, and every field the checks found wrong. */
export const dealerQuote = z.strictObject({
  goodsTotal: z.number().int(),
  freight: z.number().int(),
  orderAmount: z.number().int(),
  couponDiscount: z.number().int(),
  campaignDiscount: z.number().int(),
  memberDiscount: z.number().int(),
  memberBenefit: z.number().int(),
  pointsDeduction: z.number().int(),
  pointsUsed: z.number().int(),
  payable: z.number().int(),
  capped: z.boolean(),
  /** False while the goods' campaign is met and no coupon was chosen before: the coupon list is closed. */
  couponsAvailable: z.boolean(),
  fieldErrors: z.record(z.string(), z.string()),
});
export type DealerQuote = z.infer<typeof dealerQuote>;

export const dealerDraftRow = z.strictObject({
  id: z.string(),
  draft: dealerDraft,
  savedAt: z.number().int(),
  /** The number of the rejected order this draft fixes, when it is a resubmission. */
  orderNo: z.string().nullable(),
});
export type DealerDraftRow = z.infer<typeof dealerDraftRow>;

export const dealerSubmitOutcome = z.strictObject({
  orderNo: z.string(),
  outcome: z.enum(['accepted', 'provisional', 'rejected']),
  code: z.string().nullable(),
  fieldErrors: z.record(z.string(), z.string()),
});
export type DealerSubmitOutcome = z.infer<typeof dealerSubmitOutcome>;

export const procedures = {
  'session.current': procedure({ input: z.strictObject({}), output: sessionInfo.nullable(), right: 'public' }),
  'session.signIn': procedure({
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    output: sessionInfo,
    right: 'public',
  }),
  'session.signOut': procedure({ input: z.strictObject({}), output: z.strictObject({}), right: 'signedIn' }),
  /** A line for the renderer's log (its errors, mostly): scrubbed of secrets and personal data before it is written. */
  'diagnostics.log': procedure({
    input: z.strictObject({ level: z.enum(['info', 'warn', 'error']), message: z.string().min(1).max(4000) }),
    output: z.strictObject({}),
    right: 'public',
  }),
  /** 导出诊断信息: a zip of logs, versions and sync state for support, without secrets or personal data. */
  'diagnostics.export': procedure({
    input: z.strictObject({}),
    output: z.strictObject({ exportId: z.uuid(), fileName: z.string(), path: z.string() }),
    right: 'public',
  }),
  /** Where this desk keeps its sign-in between runs: the OS keychain, or memory only (the sign-in screen says so). */
  'session.tokenStorage': procedure({
    input: z.strictObject({}),
    output: z.enum(['keychain', 'memory']),
    right: 'public',
  }),
  /** The embedded demo's users and this run's password, for the sign-in screen; null with a real service. */
  'session.demoAccess': procedure({
    input: z.strictObject({}),
    output: z.strictObject({ usernames: z.array(z.string()), password: z.string() }).nullable(),
    right: 'public',
  }),
  'sync.status': procedure({ input: z.strictObject({}), output: syncStatus, right: 'signedIn' }),
  'sync.now': procedure({ input: z.strictObject({}), output: syncStatus, right: 'signedIn' }),
  'orders.list': procedure({ input: orderListInput, output: orderListPage, right: 'orders.read' }),
  'orders.counts': procedure({
    input: z.strictObject({ filter: orderListFilter.default({}) }),
    output: statusCounts,
    right: 'orders.read',
  }),
  'orders.detail': procedure({ input: z.strictObject({ orderNo }), output: orderDetail, right: 'orders.read' }),
  ...listProcedures,
  ...viewProcedures,
  ...adminProcedures,
  ...connectorProcedures,
  ...importProcedures,
  ...settingsProcedures,
  ...floorProcedures,
  ...shipmentProcedures,
  ...returnProcedures,
  // Local actions: applied at once on this device, queued for the order service (the same payloads as the intents).
  'orders.ship': procedure({ input: intentPayloads.SHIP, output: orderDetail, right: 'orders.ship' }),
  'orders.lock': procedure({ input: intentPayloads.LOCK, output: orderDetail, right: 'orders.lock' }),
  'orders.unlock': procedure({ input: intentPayloads.UNLOCK, output: orderDetail, right: 'orders.lock' }),
  'orders.note': procedure({ input: intentPayloads.NOTE, output: orderDetail, right: 'orders.note' }),
  'orders.trackingEvent': procedure({
    input: intentPayloads.TRACKING_EVENT,
    output: orderDetail,
    right: 'orders.ship',
  }),
  'orders.cancel': procedure({ input: intentPayloads.CANCEL, output: orderDetail, right: 'orders.cancel' }),
  'redemption.verify': procedure({ input: codeInput, output: redemptionPreview, right: 'redemption.verify' }),
  'redemption.redeem': procedure({ input: codeInput, output: redemptionOutcome, right: 'redemption.redeem' }),
  'redemption.lastUse': procedure({
    input: codeInput,
    output: z.strictObject({ redeemedBy: z.string(), storeId: z.string(), redeemedAt: z.number().int() }).nullable(),
    right: 'redemption.verify',
  }),
  'redemption.shift': procedure({
    input: z.strictObject({ from: z.number().int().min(0).optional(), to: z.number().int().min(0).optional() }),
    output: shiftList,
    right: 'signedIn',
  }),
  'redemption.undo': procedure({
    input: z.strictObject({
      orderNo,
      redemptionId: z.string().min(1).max(64),
      reason: z.string().trim().min(1).max(200),
    }),
    output: z.strictObject({ id: z.string() }),
    right: 'redemption.undo',
  }),
  'exceptions.list': procedure({ input: z.strictObject({}), output: z.array(exceptionItem), right: 'signedIn' }),
  'exceptions.dismiss': procedure({
    input: z.strictObject({ id: z.uuid(), reason: z.string().trim().min(1).max(200) }),
    output: z.strictObject({}),
    right: 'exceptions.resolve',
  }),
  'exceptions.retry': procedure({
    input: z.strictObject({ id: z.uuid() }),
    output: z.strictObject({ id: z.string() }),
    right: 'exceptions.resolve',
  }),
  'dealer.catalogue': procedure({
    input: z.strictObject({
      text: z.string().trim().max(64).optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.array(catalogueItem),
    right: 'dealer.enterOrder',
  }),
  'dealer.promotions': procedure({ input: z.strictObject({}), output: dealerPromotions, right: 'dealer.enterOrder' }),
  'dealer.quote': procedure({
    input: z.strictObject({
      draft: dealerDraft,
      /** Terms to price with instead of the ones this device knows (what-if quotes). */
      coupon: couponTerms.nullable().optional(),
      campaign: campaignTerms.nullable().optional(),
    }),
    output: dealerQuote,
    right: 'dealer.enterOrder',
  }),
  'dealer.drafts.list': procedure({
    input: z.strictObject({}),
    output: z.array(dealerDraftRow),
    right: 'dealer.enterOrder',
  }),
  'dealer.drafts.save': procedure({
    input: z.strictObject({
      id: z.uuid().optional(),
      draft: dealerDraft,
      orderNo: z.string().max(40).nullable().optional(),
    }),
    output: z.strictObject({ id: z.string() }),
    right: 'dealer.enterOrder',
  }),
  'dealer.drafts.delete': procedure({
    input: z.strictObject({ id: z.uuid() }),
    output: z.strictObject({}),
    right: 'dealer.enterOrder',
  }),
  'dealer.submit': procedure({
    input: z.strictObject({
      draft: dealerDraft,
      draftId: z.uuid().optional(),
      /** The rejected CREATE_DEALER_ORDER intent this submission fixes. */
      resubmitOf: z.uuid().optional(),
      /**
       * One key per press-worthy version of the form: a second press (a double click, a retry after
       * a timeout) answers the first submission's outcome instead of making a second order.
       */
      submissionId: z.uuid().optional(),
    }),
    output: dealerSubmitOutcome,
    right: 'dealer.enterOrder',
  }),
  ...afterSalesProcedures,
  ...afterSalesWorkbenchProcedures,
  ...customerServiceProcedures,
  ...reviewProcedures,
  ...exceptionOrderProcedures,
  ...reportProcedures,
  ...directoryProcedures,
  ...shippingProcedures,
  ...printProcedures,
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export const PROCEDURE_NAMES = Object.keys(procedures) as ProcedureName[];
export const isProcedureName = (name: unknown): name is ProcedureName =>
  typeof name === 'string' && Object.hasOwn(procedures, name);

export type InputOf<K extends ProcedureName> = z.input<Procedures[K]['input']>;
export type ParsedInputOf<K extends ProcedureName> = z.output<Procedures[K]['input']>;
export type OutputOf<K extends ProcedureName> = z.output<Procedures[K]['output']>;
export type PublicProcedureName = {
  [K in ProcedureName]: Procedures[K]['right'] extends 'public' ? K : never;
}[ProcedureName];

/** Events main pushes to the renderer. */
export const events = {
  'orders.changed': z.strictObject({ orderNos: z.array(z.string()), reason: z.string() }),
  'sync.status': syncStatus,
  'session.changed': sessionInfo.nullable(),
  'orders.exportProgress': orderExportProgress,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);

/** What the renderer sees: one async function per procedure, typed from the contract. */
export type ApiClient = {
  [K in ProcedureName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
};

/** The narrow bridge the preload exposes as window.api (and the HTTP transport imitates). */
export interface Bridge {
  invoke(procedure: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
