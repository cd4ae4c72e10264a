import { formatChinaTime, parseChinaTime } from '../china-time';
import { failed, type PlatformResult } from '../failure';
import type { Parcel, Platform, PlatformOptions, PlatformRefund, ReadOrder } from '../platform';
import { TOP_COMPANY_CODES } from './carriers';
import { TopClient } from './client';
import { mapTopTrade, TRADE_FIELDS } from './map';
import { TOP_REFUND_STATUS } from './statuses';

const PAGE_SIZE = 100;
const OPEN = new Set(
  Object.entries(TOP_REFUND_STATUS)
    .filter(([, v]) => v === 'OPEN')
    .map(([k]) => k),
);

type Rows = Array<Record<string, unknown>>;

/** 淘宝/天猫 over TOP (docs/connectors.md "淘宝/天猫"). */
export function taobaoPlatform(options: PlatformOptions): Platform {
  const client = new TopClient({
    gateway: options.gateway,
    credentials: options.credentials,
    timeoutMs: options.timeoutMs,
    clock: options.clock,
    signal: options.signal,
  });

  /**
   * Every row of a modification window. TOP sorts newest-modified first and asks for paging from
   * the last page back, so a trade modified meanwhile (which leaves the window) cannot shift an
   * unread one onto a page already read.
   */
  async function allPages(
    method: string,
    params: Record<string, string>,
    list: (body: Record<string, unknown>) => Rows,
  ): Promise<PlatformResult<Rows>> {
    const page = (no: number) => client.call(method, { ...params, page_no: String(no), page_size: String(PAGE_SIZE) });
    const first = await page(1);
    if (!first.ok) return first;
    const total = Number(first.value.total_results ?? 0);
    const rows = [...list(first.value)];
    for (let no = Math.ceil(total / PAGE_SIZE); no >= 2; no--) {
      const next = await page(no);
      if (!next.ok) return next;
      rows.push(...list(next.value));
    }
    return { ok: true, value: rows };
  }

  const window = (start: number, end: number) => ({
    start_modified: formatChinaTime(start),
    end_modified: formatChinaTime(end),
  });

  return {
    name: 'taobao',
    maxWindowMs: 30 * 60_000,

    async changedOrders(start, end) {
      const rows = await allPages(
        'taobao.trades.sold.increment.get',
        { fields: 'tid,tid_str,modified', ...window(start, end) },
        (body) => ((body.trades as { trade?: Rows } | undefined)?.trade ?? []) as Rows,
      );
      if (!rows.ok) return rows;
      return { ok: true, value: [...new Set(rows.value.map((t) => String(t.tid_str ?? t.tid)))] };
    },

    async order(tid) {
      const answer = await client.call('taobao.trade.fullinfo.get', { fields: TRADE_FIELDS, tid });
      if (!answer.ok) return answer;
      return { ok: true, value: mapTopTrade(answer.value.trade) as ReadOrder };
    },

    async refunds(start, end) {
      const rows = await allPages(
        'taobao.refunds.receive.get',
        {
          fields: 'refund_id,tid,oid,status,refund_fee,reason,refund_phase,refund_version,modified',
          ...window(start, end),
        },
        (body) => ((body.refunds as { refund?: Rows } | undefined)?.refund ?? []) as Rows,
      );
      if (!rows.ok) return rows;
      const refunds: PlatformRefund[] = rows.value.map((r) => ({
        refundId: String(r.refund_id),
        externalOrderNo: String(r.tid),
        lineId: String(r.oid),
        status: String(r.status),
        open: OPEN.has(String(r.status)),
        amount: Math.round(Number(r.refund_fee) * 100),
        reason: String(r.reason ?? ''),
        version: String(r.refund_version ?? ''),
        phase: String(r.refund_phase ?? ''),
        modifiedAt: parseChinaTime(String(r.modified)) ?? 0,
      }));
      return { ok: true, value: refunds };
    },

    async ship(tid, parcel: Parcel) {
      const whole = parcel.completes && !parcel.followsAnother;
      const answer = await client.call('taobao.logistics.offline.send', {
        tid,
        out_sid: parcel.trackingNo,
        company_code: TOP_COMPANY_CODES[parcel.carrier],
        ...(whole ? {} : { is_split: '1', sub_tid: parcel.lineIds.join(',') }),
      });
      if (!answer.ok) return answer;
      const shipping = answer.value.shipping as { is_success?: boolean } | undefined;
      return shipping?.is_success
        ? { ok: true, value: undefined }
        : failed({ kind: 'refused', code: 'TOP_NOT_SUCCESS', message: 'offline.send answered is_success=false' });
    },

    async decideRefund(refund, agree, message) {
      if (agree) {
        const answer = await client.call('taobao.rp.refunds.agree', {
          refund_infos: `${refund.refundId}|${refund.amount}|${refund.version}|${refund.phase}`,
        });
        if (!answer.ok) return answer;
        return answer.value.msg_code === 'OP_SUCC'
          ? { ok: true, value: undefined }
          : failed({
              kind: 'refused',
              code: `TOP_${String(answer.value.msg_code)}`,
              message: String(answer.value.message ?? ''),
            });
      }
      const answer = await client.call('taobao.refund.refuse', {
        refund_id: refund.refundId,
        refuse_message: message.slice(0, 200).padEnd(2, '。'),
        refund_phase: refund.phase,
        refund_version: refund.version,
      });
      return answer.ok ? { ok: true, value: undefined } : answer;
    },
  };
}
