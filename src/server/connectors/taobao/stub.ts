import { formatFen } from '../../../shared/domain/money';
import { formatChinaTime, parseChinaTime } from '../china-time';
import type { Credentials, Gateway, GatewayAnswer } from '../stub/server';
import {
  lineRefund,
  lineShares,
  orderPaid,
  refunded,
  type StubOrder,
  type StubRefund,
  type World,
} from '../stub/world';
import { TOP_ERRORS, TOP_PATH, topResponseKey, type TopError } from './protocol';
import { isTopSignMethod, signTop } from './sign';

/**
 * The TOP gateway as the stub plays it: every request's app key, session, timestamp and signature
 * are checked as TOP checks them, then one of the methods the connector uses answers from the
 * stub's shop: taobao.trades.sold.increment.get, taobao.trade.fullinfo.get,
 * taobao.logistics.offline.send, taobao.refunds.receive.get, taobao.rp.refunds.agree and
 * taobao.refund.refuse. Trade numbers go out as JSON numbers (tid, oid) beside their *_str text,
 * as TOP sends them: 19 digits do not fit a double, so clients must read the text.
 */

const DAY = 86_400_000;
const TEN_MINUTES = 600_000;

type Json = Record<string, unknown>;

let requestSerial = 0;
const requestId = () => `stub${Date.now().toString(36)}${(++requestSerial).toString(36)}`;

/** Writes JSON with the named id fields as bare numbers, the way TOP writes int64 ids. */
function topJson(value: unknown): string {
  return JSON.stringify(value).replace(/"(tid|oid)":"(\d+)"/g, '"$1":$2');
}

const ok = (method: string, body: Json): GatewayAnswer => ({
  body: topJson({ [topResponseKey(method)]: { ...body, request_id: requestId() } }),
  errorCode: null,
});

const fail = (error: TopError, sub?: { sub_code?: string; sub_msg?: string }): GatewayAnswer => ({
  body: JSON.stringify({ error_response: { ...error, ...sub, request_id: requestId() } }),
  errorCode: String(sub?.sub_code ?? error.sub_code ?? error.code),
});

const missing = (name: string) =>
  fail(TOP_ERRORS.missingArguments, { sub_code: `isv.missing-parameter:${name}`, sub_msg: `缺少必选参数:${name}` });
const invalid = (name: string, why: string) =>
  fail(TOP_ERRORS.invalidArguments, { sub_code: `isv.invalid-parameter:${name}`, sub_msg: why });

const TRADE_STATUS: Record<StubOrder['state'], string> = {
  UNPAID: 'WAIT_BUYER_PAY',
  PAID: 'WAIT_SELLER_SEND_GOODS',
  SHIPPED: 'WAIT_BUYER_CONFIRM_GOODS',
  FINISHED: 'TRADE_FINISHED',
  CANCELLED: 'TRADE_CLOSED_BY_TAOBAO',
  CLOSED: 'TRADE_CLOSED',
};

const REFUND_STATUS: Record<StubRefund['state'], string> = {
  REQUESTED: 'WAIT_SELLER_AGREE',
  REFUSED: 'SELLER_REFUSE_BUYER',
  SUCCESS: 'SUCCESS',
  WITHDRAWN: 'CLOSED',
};

function tradeStatus(order: StubOrder): string {
  if (order.state === 'PAID' && order.shipments.length > 0) return 'SELLER_CONSIGNED_PART';
  return TRADE_STATUS[order.state];
}

const time = (at: number | null) => (at === null ? undefined : formatChinaTime(at));

function subOrders(order: StubOrder): Json[] {
  const shares = lineShares(order);
  return order.lines.map((line) => {
    const refund = lineRefund(order, line);
    const shipment = order.shipments.find((s) => s.id === line.shipmentId);
    const paid = shares.get(line.lineId) ?? 0;
    return {
      oid: line.lineId,
      oid_str: line.lineId,
      num_iid: line.itemId,
      sku_id: line.skuId,
      outer_iid: line.outerSkuId.split('-').slice(0, 2).join('-'),
      outer_sku_id: line.outerSkuId,
      title: line.title,
      sku_properties_name: line.spec,
      pic_path: line.image,
      price: formatFen(line.price),
      num: line.num,
      total_fee: formatFen(line.price * line.num - line.discount),
      discount_fee: formatFen(line.discount),
      adjust_fee: '0.00',
      payment: formatFen(paid),
      divide_order_fee: formatFen(paid),
      part_mjz_discount: formatFen(line.price * line.num - line.discount - paid),
      status: refunded(order, line) ? 'TRADE_CLOSED' : shipment ? 'WAIT_BUYER_CONFIRM_GOODS' : tradeStatus(order),
      refund_status: refund ? REFUND_STATUS[refund.state] : 'NO_REFUND',
      ...(refund ? { refund_id: refund.id } : {}),
      ...(shipment
        ? {
            consign_time: formatChinaTime(shipment.at),
            logistics_company: shipment.company,
            invoice_no: shipment.trackingNo,
            shipping_type: 'express',
          }
        : {}),
    };
  });
}

/** The whole trade as taobao.trade.fullinfo.get knows it. */
function fullTrade(order: StubOrder): Json {
  const goods = order.lines.reduce((s, l) => s + l.price * l.num, 0);
  const discount = order.discounts.reduce((s, d) => s + d.amount, 0);
  return {
    tid: order.id,
    tid_str: order.id,
    type: 'fixed',
    status: tradeStatus(order),
    created: formatChinaTime(order.createdAt),
    modified: formatChinaTime(order.modifiedAt),
    pay_time: time(order.paidAt),
    consign_time: time(order.consignedAt),
    end_time: time(order.endAt),
    buyer_nick: order.buyer.nick,
    buyer_open_uid: order.buyer.openUid,
    buyer_message: order.buyerMessage,
    seller_nick: '官方旗舰店',
    title: '官方旗舰店',
    num: order.lines.reduce((s, l) => s + l.num, 0),
    total_fee: formatFen(goods),
    post_fee: formatFen(order.postFee),
    discount_fee: formatFen(discount),
    adjust_fee: '0.00',
    payment: formatFen(orderPaid(order)),
    alipay_no: order.paidAt === null ? undefined : order.paymentNo,
    shipping_type: 'express',
    receiver_name: order.receiver.name,
    receiver_mobile: order.receiver.phone,
    receiver_state: order.receiver.province,
    receiver_city: order.receiver.city,
    receiver_district: order.receiver.district,
    receiver_address: order.receiver.address,
    receiver_zip: order.receiver.postcode,
    orders: { order: subOrders(order) },
    promotion_details: {
      promotion_detail: order.discounts.map((d) => ({
        id: d.lineId ?? order.id,
        promotion_name: d.name,
        promotion_id: `${d.lineId === null ? 'shopbonus' : 'Tmall$tmallItemPromotion'}-${d.id.slice(-6)}`,
        discount_fee: formatFen(d.amount),
      })),
    },
  };
}

/** The fields an increment query can see: no receiver (taobao.trade.fullinfo.get has it). */
const INCREMENT_FIELDS = new Set([
  'tid',
  'tid_str',
  'type',
  'status',
  'created',
  'modified',
  'pay_time',
  'payment',
  'total_fee',
  'post_fee',
  'discount_fee',
  'buyer_nick',
  'num',
  'orders',
]);

function pick(trade: Json, fields: readonly string[], allowed?: Set<string>): Json {
  const wanted = new Set(fields.map((f) => f.split('.')[0]!));
  return Object.fromEntries(
    Object.entries(trade).filter(([k, v]) => v !== undefined && wanted.has(k) && (!allowed || allowed.has(k))),
  );
}

function page(params: Readonly<Record<string, string>>): { no: number; size: number } | GatewayAnswer {
  const no = params.page_no === undefined ? 1 : Number(params.page_no);
  const size = params.page_size === undefined ? 40 : Number(params.page_size);
  if (!Number.isSafeInteger(no) || no < 1) return invalid('page_no', 'page_no必须是大于零的整数');
  if (!Number.isSafeInteger(size) || size < 1 || size > 100) return invalid('page_size', 'page_size取值范围:1~100');
  return { no, size };
}

function window(params: Readonly<Record<string, string>>): { start: number; end: number } | GatewayAnswer {
  if (!params.start_modified) return missing('start_modified');
  if (!params.end_modified) return missing('end_modified');
  const start = parseChinaTime(params.start_modified);
  const end = parseChinaTime(params.end_modified);
  if (start === null) return invalid('start_modified', '时间格式必须是yyyy-MM-dd HH:mm:ss');
  if (end === null) return invalid('end_modified', '时间格式必须是yyyy-MM-dd HH:mm:ss');
  if (end < start) return invalid('end_modified', '结束时间必须大于开始时间');
  if (end - start > DAY) return invalid('end_modified', '修改时间跨度不能大于一天');
  return { start, end };
}

const isAnswer = (value: object): value is GatewayAnswer => 'body' in value;

export function taobaoGateway(world: World, credentials: Credentials): Gateway {
  const methods: Record<string, (params: Readonly<Record<string, string>>, now: number) => GatewayAnswer> = {
    'taobao.trades.sold.increment.get': (params) => {
      if (!params.fields) return missing('fields');
      const span = window(params);
      if (isAnswer(span)) return span;
      const paging = page(params);
      if (isAnswer(paging)) return paging;
      const fields = params.fields.split(',').map((f) => f.trim());
      const matching = world
        .modifiedBetween(span.start, span.end)
        .filter((o) => !params.status || tradeStatus(o) === params.status);
      const slice = matching.slice((paging.no - 1) * paging.size, paging.no * paging.size);
      const more = paging.no * paging.size < matching.length;
      return ok('taobao.trades.sold.increment.get', {
        ...(params.use_has_next === 'true' ? { has_next: more } : { total_results: matching.length }),
        trades: { trade: slice.map((o) => pick(fullTrade(o), fields, INCREMENT_FIELDS)) },
      });
    },
    'taobao.trade.fullinfo.get': (params) => {
      if (!params.fields) return missing('fields');
      if (!params.tid) return missing('tid');
      const order = world.find(params.tid);
      if (!order)
        return fail(TOP_ERRORS.remoteServiceError, { sub_code: 'isv.trade-not-exist', sub_msg: '交易不存在' });
      return ok('taobao.trade.fullinfo.get', { trade: pick(fullTrade(order), params.fields.split(',')) });
    },
    'taobao.logistics.offline.send': (params, now) => {
      for (const name of ['tid', 'out_sid', 'company_code']) if (!params[name]) return missing(name);
      const split = params.is_split === '1';
      const subTids = params.sub_tid ? params.sub_tid.split(',').map((s) => s.trim()) : null;
      if (split && !subTids) return missing('sub_tid');
      const shipped = world.ship(params.tid!, params.company_code!, params.out_sid!, split ? subTids : null, now);
      if (!shipped.ok) {
        const why = {
          NOT_FOUND: ['isv.trade-not-exist', '交易不存在'],
          STATE: ['isv.logistics-offline-service-error', '当前交易状态不支持此操作'],
          ALREADY_SHIPPED: ['isv.logistics-offline-service-error', '子订单已经发货或不属于该交易'],
          REFUND_OPEN: ['isv.logistics-offline-service-error', '子订单存在未完结的退款，不能发货'],
        }[shipped.reason];
        return fail(TOP_ERRORS.remoteServiceError, { sub_code: why[0], sub_msg: why[1] });
      }
      return ok('taobao.logistics.offline.send', { shipping: { is_success: true } });
    },
    'taobao.refunds.receive.get': (params) => {
      if (!params.fields) return missing('fields');
      const span = window(params);
      if (isAnswer(span)) return span;
      const paging = page(params);
      if (isAnswer(paging)) return paging;
      const matching = world
        .refundsModifiedBetween(span.start, span.end)
        .filter(({ refund }) => !params.status || REFUND_STATUS[refund.state] === params.status);
      const slice = matching.slice((paging.no - 1) * paging.size, paging.no * paging.size);
      const fields = params.fields.split(',').map((f) => f.trim());
      return ok('taobao.refunds.receive.get', {
        ...(params.use_has_next === 'true'
          ? { has_next: paging.no * paging.size < matching.length }
          : { total_results: matching.length }),
        refunds: {
          refund: slice.map(({ order, refund }) => {
            const line = order.lines.find((l) => l.lineId === refund.lineId)!;
            return pick(
              {
                refund_id: refund.id,
                tid: order.id,
                oid: line.lineId,
                title: line.title,
                buyer_nick: order.buyer.nick,
                status: REFUND_STATUS[refund.state],
                order_status: tradeStatus(order),
                refund_fee: formatFen(refund.amount),
                total_fee: formatFen(line.price * line.num),
                payment: formatFen(lineShares(order).get(line.lineId)! - refund.amount),
                reason: refund.reason,
                desc: refund.reason,
                has_good_return: order.state === 'SHIPPED',
                good_status: order.state === 'SHIPPED' ? 'BUYER_RECEIVED' : 'BUYER_NOT_RECEIVED',
                created: formatChinaTime(refund.createdAt),
                modified: formatChinaTime(refund.modifiedAt),
                refund_phase: order.state === 'SHIPPED' ? 'aftersale' : 'onsale',
                refund_version: refund.version,
                num: line.num,
                outer_id: line.outerSkuId,
                sku: line.spec,
              },
              fields,
            );
          }),
        },
      });
    },
    'taobao.rp.refunds.agree': (params, now) => {
      if (!params.refund_infos) return missing('refund_infos');
      const results = params.refund_infos.split(',').map((info) => {
        const [refundId = '', , version] = info.split('|');
        const current = world
          .orders()
          .flatMap((o) => o.refunds)
          .find((r) => r.id === refundId);
        const succ =
          current !== undefined && String(current.version) === version && !!world.decideRefund(refundId, true, now);
        return { refund_id: refundId, succ, message: succ ? '退款成功' : '退款版本已变化或状态不允许' };
      });
      const all = results.every((r) => r.succ);
      return ok('taobao.rp.refunds.agree', {
        succ: all,
        msg_code: all ? 'OP_SUCC' : results.some((r) => r.succ) ? 'SOME_OP_SUCC' : 'OP_FAILURE_UE',
        message: all ? '操作成功' : '部分或全部退款失败',
        results: { refund_mapping_result: results },
      });
    },
    'taobao.refund.refuse': (params, now) => {
      if (!params.refund_id) return missing('refund_id');
      if (!params.refuse_message || params.refuse_message.length < 2) return missing('refuse_message');
      const refund = world.decideRefund(params.refund_id, false, now);
      if (!refund)
        return fail(TOP_ERRORS.remoteServiceError, {
          sub_code: 'isv.refund-status-error',
          sub_msg: '退款状态不允许拒绝',
        });
      return ok('taobao.refund.refuse', { is_success: true });
    },
  };

  return {
    path: TOP_PATH,
    methodOf: (params) => params.method ?? '',
    authenticate(params, now) {
      if (!params.method) return fail(TOP_ERRORS.missingMethod);
      if (!params.app_key) return fail(TOP_ERRORS.missingAppKey);
      if (params.app_key !== credentials.appKey) return fail(TOP_ERRORS.invalidAppKey);
      if (!params.timestamp) return fail(TOP_ERRORS.missingTimestamp);
      const at = parseChinaTime(params.timestamp);
      if (at === null || Math.abs(at - now) > TEN_MINUTES) return fail(TOP_ERRORS.invalidTimestamp);
      if (params.v !== undefined && params.v !== '2.0') return fail(TOP_ERRORS.invalidVersion);
      if (params.format !== undefined && params.format !== 'json') return fail(TOP_ERRORS.invalidFormat);
      if (!params.sign) return fail(TOP_ERRORS.missingSignature);
      const signMethod = params.sign_method ?? 'md5';
      if (!isTopSignMethod(signMethod) || signTop(params, credentials.appSecret, signMethod) !== params.sign) {
        return fail(TOP_ERRORS.invalidSignature);
      }
      if (!(params.method in methods)) return fail(TOP_ERRORS.invalidMethod);
      if (!params.session) return fail(TOP_ERRORS.missingSession);
      if (params.session !== credentials.session) return fail(TOP_ERRORS.invalidSession);
      return null;
    },
    throttled: () =>
      fail(TOP_ERRORS.appCallLimited, {
        sub_code: TOP_ERRORS.appCallLimited.sub_code,
        sub_msg: 'This ban will last for 1 more seconds',
      }),
    refusal: (method) =>
      fail(TOP_ERRORS.remoteServiceError, {
        sub_code:
          method === 'taobao.logistics.offline.send' ? 'isv.logistics-offline-service-error' : 'isv.invalid-parameter',
        sub_msg: method === 'taobao.logistics.offline.send' ? '运单号不符合规则或已经被使用' : '请求被拒绝',
      }),
    answer: (params, now) => methods[params.method!]!(params, now),
  };
}
