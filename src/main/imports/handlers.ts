import { z } from 'zod';
import { adminShop } from '../../shared/contract/admin';
import type { importProcedures, ImportSubmitResult } from '../../shared/contract/imports';
import { intakeResponse } from '../../shared/contract/intake';
import { toIntakeOrder } from '../../shared/external/intake';
import type { PaymentChannel } from '../../shared/domain/vocabulary';
import type { ShopChannel } from '../../shared/domain/shops';
import type { ExternalOrder } from '../../shared/external/order';
import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { relayCall } from '../admin/handlers';

type ImportHandlers = Pick<Handlers, keyof typeof importProcedures>;

/** How buyers of each channel pay, as far as an order report does not say (淘宝's 支付宝, …). */
const REPORT_PAYMENT: Partial<Record<ShopChannel, PaymentChannel>> = {
  TAOBAO: 'ALIPAY',
  DOUYIN: 'ALIPAY',
  PDD: 'WECHAT_PAY',
  JD: 'WECHAT_PAY',
};

/**
 * 导入订单: the shops a person may import into (the service's shops), and one batch of orders read
 * from a report, turned into intake's shape here (the same transform a connector uses) and posted
 * to the intake API as the signed-in person: the service takes them like any source's.
 */
export const importHandlers = (): ImportHandlers => ({
  'imports.shops': async (ctx) => {
    const shops = await relayCall(ctx, z.array(adminShop), 'GET', '/v1/admin/shops');
    return {
      shops: shops
        .filter((s) => s.enabled && s.channel !== 'DEALER')
        .map(({ id, name, channel, platform }) => ({ id, name, channel, platform })),
    };
  },
  'imports.submit': async (ctx, { shopId, orders }) => {
    const shops = await relayCall(ctx, z.array(adminShop), 'GET', '/v1/admin/shops');
    const shop = shops.find((s) => s.id === shopId);
    if (!shop) throw new ApiFailure('ACTION_REFUSED', `No shop ${shopId}`, 'SHOP_NOT_FOUND');
    const channel = REPORT_PAYMENT[shop.channel] ?? 'ALIPAY';
    const answer = await relayCall(ctx, intakeResponse, 'POST', '/v1/intake/orders', {
      orders: orders.map((order) => toIntakeOrder(shopId, order as ExternalOrder, channel)),
    });
    const result: ImportSubmitResult = { created: 0, updated: 0, unchanged: 0, exception: 0, rejected: [] };
    for (const r of answer.results) {
      if (r.outcome === 'rejected')
        result.rejected.push({
          externalOrderNo: r.externalOrderNo ?? '',
          code: r.reasons[0]?.code ?? 'REJECTED',
          message: r.reasons.map((reason) => `${reason.path ?? ''} ${reason.message}`.trim()).join('; '),
        });
      else result[r.outcome]++;
    }
    return result;
  },
});
