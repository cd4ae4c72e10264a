import { create } from 'zustand';
import type {
  DealerDraftInput,
  DealerDraftRow,
  DealerPromotions,
  DealerSubmitOutcome,
  ExceptionItem,
} from '../../shared/contract/api';
import type { CatalogueItem, DealerOrderInput, IntentResult } from '../../shared/contract/sync';
import { makeChildOrderNumber } from '../../shared/domain/order-number';
import { api } from '../api/client';

export const emptyDraft = (dealerId: string): DealerDraftInput => ({
  dealerId,
  buyer: { id: '', account: '', level: '', name: '' },
  receiver: { name: '', phone: '', province: '', city: '', district: '', address: '', postcode: '' },
  lines: [],
  freight: 0,
  couponId: null,
  campaignId: null,
  memberRateBp: null,
  memberBenefit: 0,
  pointsUsed: 0,
  invoice: null,
  remark: '',
  paymentChannel: 'BANK_TRANSFER',
});

interface DealerState {
  draft: DealerDraftInput;
  draftId: string | null;
  /** This version of the form's submission key: pressing 提交订单 twice makes one order. */
  submissionId: string;
  /** The rejected intent being fixed, and its order number. */
  resubmitOf: { id: string; orderNo: string } | null;
  /** Catalogue items the form knows (search results and the draft's lines). */
  known: Record<string, CatalogueItem>;
  results: CatalogueItem[];
  promotions: DealerPromotions;
  drafts: DealerDraftRow[];
  rejected: ExceptionItem[];
  serverErrors: Record<string, string>;
  outcome: DealerSubmitOutcome | null;
  notice: 'saved' | null;
  busy: boolean;
  error: string | null;
  load(dealerId: string): Promise<void>;
  edit(change: (draft: DealerDraftInput) => DealerDraftInput): void;
  search(text: string): Promise<void>;
  addItem(item: CatalogueItem): void;
  reset(dealerId: string): void;
  openDraft(row: DealerDraftRow): Promise<void>;
  deleteDraft(id: string): Promise<void>;
  fixRejected(item: ExceptionItem): Promise<void>;
  saveDraft(): Promise<void>;
  submit(): Promise<void>;
  /** After a sync: a provisional order's outcome becomes the service's answer. */
  followUp(): Promise<void>;
  /** After a sync: the coupons and campaigns it may have brought. */
  refreshPromotions(): Promise<void>;
}

/** A fresh form, or a form changed after a refusal, is a new submission. */
const newSubmission = () => crypto.randomUUID();

const isEmpty = (draft: DealerDraftInput) => JSON.stringify(draft) === JSON.stringify(emptyDraft(draft.dealerId));

const index = (items: CatalogueItem[]) => Object.fromEntries(items.map((i) => [i.sku, i]));

export const useDealer = create<DealerState>((set, get) => {
  /** Makes sure the catalogue entries of a draft's lines are known, for prices and the quote. */
  async function learn(draft: DealerDraftInput) {
    const missing = draft.lines.map((l) => l.sku).filter((sku) => !get().known[sku]);
    for (const sku of missing) {
      const found = await api['dealer.catalogue']({ text: sku, limit: 5 });
      if (found.ok) set((s) => ({ known: { ...s.known, ...index(found.value) } }));
    }
  }
  async function refreshLists() {
    const [drafts, inbox] = await Promise.all([api['dealer.drafts.list']({}), api['exceptions.list']({})]);
    set({
      drafts: drafts.ok ? drafts.value : [],
      rejected: inbox.ok ? inbox.value.filter((e) => e.type === 'CREATE_DEALER_ORDER') : [],
    });
  }
  return {
    draft: emptyDraft(''),
    draftId: null,
    submissionId: newSubmission(),
    resubmitOf: null,
    known: {},
    results: [],
    promotions: { coupons: [], campaigns: [] },
    drafts: [],
    rejected: [],
    serverErrors: {},
    outcome: null,
    notice: null,
    busy: false,
    error: null,
    async load(dealerId) {
      set({ draft: emptyDraft(dealerId) });
      const [promotions, results] = await Promise.all([
        api['dealer.promotions']({}),
        api['dealer.catalogue']({ limit: 50 }),
      ]);
      if (promotions.ok) set({ promotions: promotions.value });
      if (results.ok) set((s) => ({ results: results.value, known: { ...s.known, ...index(results.value) } }));
      await refreshLists();
    },
    edit(change) {
      set((s) => ({ draft: change(s.draft), notice: null }));
    },
    async search(text) {
      const found = await api['dealer.catalogue']({ text, limit: 50 });
      if (found.ok) set((s) => ({ results: found.value, known: { ...s.known, ...index(found.value) } }));
    },
    addItem(item) {
      set((s) => {
        const at = s.draft.lines.findIndex((l) => l.sku === item.sku);
        const lines =
          at >= 0
            ? s.draft.lines.map((l, i) => (i === at ? { ...l, quantity: l.quantity + 1 } : l))
            : [...s.draft.lines, { sku: item.sku, quantity: 1, unitPrice: item.dealerPrice }];
        return { draft: { ...s.draft, lines }, known: { ...s.known, [item.sku]: item } };
      });
    },
    reset(dealerId) {
      set({
        draft: emptyDraft(dealerId),
        draftId: null,
        submissionId: newSubmission(),
        resubmitOf: null,
        serverErrors: {},
        outcome: null,
        notice: null,
      });
    },
    async openDraft(row) {
      set({
        draft: row.draft,
        draftId: row.id,
        submissionId: newSubmission(),
        resubmitOf: null,
        serverErrors: {},
        outcome: null,
        notice: null,
      });
      await learn(row.draft);
    },
    async deleteDraft(id) {
      await api['dealer.drafts.delete']({ id });
      if (get().draftId === id) set({ draftId: null });
      await refreshLists();
    },
    async fixRejected(item) {
      const { orderNo: _no, expectedPayable: _payable, ...draft } = item.payload as DealerOrderInput;
      const answer = item.answer as IntentResult | null;
      set({
        draft,
        draftId: null,
        submissionId: newSubmission(),
        resubmitOf: { id: item.id, orderNo: (item.payload as DealerOrderInput).orderNo },
        serverErrors: answer?.fieldErrors ?? {},
        outcome: null,
        notice: null,
      });
      await learn(draft);
    },
    async saveDraft() {
      const { draft, draftId, resubmitOf } = get();
      const saved = await api['dealer.drafts.save']({
        ...(draftId ? { id: draftId } : {}),
        draft,
        orderNo: resubmitOf?.orderNo ?? null,
      });
      if (!saved.ok) return set({ error: saved.error.code });
      set({ draftId: saved.value.id, notice: 'saved', error: null });
      await refreshLists();
    },
    async submit() {
      const { draft, draftId, resubmitOf, submissionId } = get();
      set({ busy: true, error: null, outcome: null });
      const result = await api['dealer.submit']({
        draft,
        submissionId,
        ...(draftId ? { draftId } : {}),
        ...(resubmitOf ? { resubmitOf: resubmitOf.id } : {}),
      });
      set({ busy: false });
      if (!result.ok) return set({ error: result.error.reason ?? result.error.code });
      const outcome = result.value;
      if (outcome.outcome !== 'rejected') {
        // Accepted or queued: the form is cleared for the next order, so nothing can be sent twice.
        set({
          outcome,
          serverErrors: {},
          draft: emptyDraft(draft.dealerId),
          draftId: null,
          resubmitOf: null,
          submissionId: newSubmission(),
        });
        await refreshLists();
        return;
      }
      set({ outcome, serverErrors: outcome.fieldErrors, submissionId: newSubmission() });
      await refreshLists();
      // The rejected order is in the inbox now: a fix resubmits it under its number.
      const again = get().rejected.find((e) => (e.payload as DealerOrderInput).orderNo === outcome.orderNo);
      if (again) set({ resubmitOf: { id: again.id, orderNo: outcome.orderNo }, draftId: null });
    },
    async refreshPromotions() {
      const promotions = await api['dealer.promotions']({});
      if (promotions.ok) set({ promotions: promotions.value });
    },
    async followUp() {
      const waiting = get().outcome;
      if (waiting?.outcome !== 'provisional') return;
      await refreshLists();
      const rejected = get().rejected.find((e) => (e.payload as DealerOrderInput).orderNo === waiting.orderNo);
      if (rejected) {
        const fieldErrors = (rejected.answer as IntentResult | null)?.fieldErrors ?? {};
        // The form was cleared when the order was queued: bring the refused order back to fix, unless
        // the dealer has started another one meanwhile (it waits in the list of refused orders).
        if (isEmpty(get().draft)) await get().fixRejected(rejected);
        set({ outcome: { ...waiting, outcome: 'rejected', code: rejected.code, fieldErrors } });
        return;
      }
      const detail = await api['orders.detail']({ orderNo: makeChildOrderNumber(waiting.orderNo, 1) });
      if (detail.ok && detail.value.pendingSync === 0 && get().outcome === waiting) {
        set({ outcome: { ...waiting, outcome: 'accepted' } });
      }
    },
  };
});
