import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { catalogueLookup, searchCatalogue } from './catalogue';
import { deleteDraft, listDrafts, saveDraft } from './drafts';
import { campaignById, couponById, knownPromotions } from './promotions';
import { quoteDraft } from '../../shared/intents/dealer-quote';
import { forgetRejectedDealerOrders, submitDealerOrder } from './submit';

type DealerHandlers = Pick<
  Handlers,
  | 'dealer.catalogue'
  | 'dealer.promotions'
  | 'dealer.quote'
  | 'dealer.drafts.list'
  | 'dealer.drafts.save'
  | 'dealer.drafts.delete'
  | 'dealer.submit'
>;

/** The dealer desk: the synced catalogue, live quotes, local drafts and offline submission. */
export const dealerHandlers = (): DealerHandlers => ({
  'dealer.catalogue': ({ db }, { text, limit }) => searchCatalogue(db, text, limit),
  'dealer.promotions': ({ db, session }) => knownPromotions(db, session.scope.dealerIds),
  'dealer.quote': ({ db, session }, { draft, coupon, campaign }) => {
    const explicitCampaign = campaign !== undefined && campaign !== null;
    return quoteDraft(
      draft,
      catalogueLookup(db),
      coupon === undefined ? couponById(db, session.scope.dealerIds, draft.couponId) : coupon,
      campaign === undefined ? campaignById(db, draft.campaignId) : campaign,
      explicitCampaign,
      (id) => campaignById(db, id) ?? undefined,
    );
  },
  'dealer.drafts.list': ({ db }) => {
    forgetRejectedDealerOrders(db);
    return listDrafts(db);
  },
  'dealer.drafts.save': (ctx, { id, draft, orderNo }) => ({
    id: saveDraft(ctx.db, { ...(id ? { id } : {}), draft, orderNo: orderNo ?? null, now: ctx.stamp().now }),
  }),
  'dealer.drafts.delete': ({ db }, { id }) => {
    if (!deleteDraft(db, id)) throw new ApiFailure('NOT_FOUND', `No draft ${id}`);
    return {};
  },
  'dealer.submit': (ctx, input) => submitDealerOrder(ctx, input),
});
