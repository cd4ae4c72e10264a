import { parseChinaTime } from '../china-time';
import { failed, type PlatformResult } from '../failure';
import type { Parcel, Platform, PlatformOptions, PlatformRefund, ReadOrder } from '../platform';
import { PDD_LOGISTICS_IDS } from './carriers';
import { PddClient } from './client';
import { mapPddOrder } from './map';
import { fenOfYuan, type PddMethod } from './protocol';

const PAGE_SIZE = 100;
/** after_sales_status values where the buyer's request waits for the shop or the platform. */
const OPEN_AFTER_SALES = new Set([2, 3, 4, 5, 7, 8]);

type Rows = Array<Record<string, unknown>>;
const seconds = (at: number) => Math.floor(at / 1000);

/** 拼多多 (docs/connectors.md "拼多多"). */
export function pddPlatform(options: PlatformOptions): Platform {
  const { appKey, appSecret, session } = options.credentials;
  const client = new PddClient({
    gateway: options.gateway,
    credentials: { clientId: appKey, clientSecret: appSecret, accessToken: session },
    timeoutMs: options.timeoutMs,
    clock: options.clock,
    signal: options.signal,
  });

  /** Every row of a window, from the last page back (the platform's advice, as for TOP). */
  async function allPages(
    type: PddMethod,
    params: Record<string, unknown>,
    key: string,
  ): Promise<PlatformResult<Rows>> {
    const page = (no: number) => client.call(type, { ...params, page: no, page_size: PAGE_SIZE });
    const first = await page(1);
    if (!first.ok) return first;
    const total = Number(first.value.total_count ?? 0);
    const rows = [...((first.value[key] ?? []) as Rows)];
    for (let no = Math.ceil(total / PAGE_SIZE); no >= 2; no--) {
      const next = await page(no);
      if (!next.ok) return next;
      rows.push(...((next.value[key] ?? []) as Rows));
    }
    return { ok: true, value: rows };
  }

  return {
    name: 'pdd',
    maxWindowMs: 30 * 60_000,

    async changedOrders(start, end) {
      const rows = await allPages(
        'pdd.order.number.list.increment.get',
        {
          start_updated_at: seconds(start),
          end_updated_at: seconds(end),
          order_status: 5,
          refund_status: 5,
          is_lucky_flag: 0,
        },
        'order_sn_list',
      );
      if (!rows.ok) return rows;
      return { ok: true, value: [...new Set(rows.value.map((o) => String(o.order_sn)))] };
    },

    async order(orderSn) {
      const answer = await client.call('pdd.order.information.get', { order_sn: orderSn });
      if (!answer.ok) return answer;
      return { ok: true, value: mapPddOrder(answer.value.order_info) as ReadOrder };
    },

    async refunds(start, end) {
      const rows = await allPages(
        'pdd.refund.list.increment.get',
        { after_sales_status: 1, after_sales_type: 1, start_updated_at: seconds(start), end_updated_at: seconds(end) },
        'refund_list',
      );
      if (!rows.ok) return rows;
      const refunds: PlatformRefund[] = rows.value.map((r) => ({
        refundId: String(r.id),
        externalOrderNo: String(r.order_sn),
        lineId: String(r.order_sn),
        status: String(r.after_sales_status),
        open: OPEN_AFTER_SALES.has(Number(r.after_sales_status)),
        amount: fenOfYuan(r.refund_amount) ?? 0,
        reason: String(r.after_sale_reason ?? ''),
        version: '',
        phase: '',
        modifiedAt: parseChinaTime(String(r.updated_time)) ?? 0,
      }));
      return { ok: true, value: refunds };
    },

    async ship(orderSn, parcel: Parcel) {
      const logisticsId = PDD_LOGISTICS_IDS[parcel.carrier];
      const answer = parcel.followsAnother
        ? await client.call('pdd.order.upload.extra.logistics', {
            order_sn: orderSn,
            extra_track_type: 1,
            extra_track_list: [{ shipping_id: logisticsId, tracking_number: parcel.trackingNo }],
          })
        : await client.call('pdd.logistics.online.send', {
            order_sn: orderSn,
            logistics_id: logisticsId,
            tracking_number: parcel.trackingNo,
          });
      if (!answer.ok) return answer;
      const done = parcel.followsAnother ? answer.value.success : answer.value.is_success;
      return done
        ? { ok: true, value: undefined }
        : failed({ kind: 'refused', code: 'PDD_NOT_SUCCESS', message: 'the platform answered success=false' });
    },

    async decideRefund(refund, agree, message) {
      if (!agree) {
        // 拼多多 publishes no API to refuse a refund: the shop answers the buyer in its back office.
        return failed({ kind: 'refused', code: 'PDD_NO_REFUSE_API', message: '拼多多 has no refund refusal API' });
      }
      const answer = await client.call('pdd.refund.agree', {
        request: { after_sales_id: Number(refund.refundId), order_sn: refund.externalOrderNo, operate_desc: message },
      });
      if (!answer.ok) return answer;
      const result = answer.value.result as { succ?: boolean; message?: string } | undefined;
      return result?.succ
        ? { ok: true, value: undefined }
        : failed({ kind: 'refused', code: 'PDD_NOT_SUCCESS', message: result?.message ?? '' });
    },
  };
}
