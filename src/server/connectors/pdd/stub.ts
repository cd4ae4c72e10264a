import { formatChinaTime } from '../china-time';
import type { Credentials, Gateway, GatewayAnswer } from '../stub/server';
import { lineRefund, orderPaid, type StubOrder, type StubRefund, type World } from '../stub/world';
import {
  isPddMethod,
  PDD_ERRORS,
  PDD_PATH,
  PDD_RESPONSE_KEYS,
  yuanNumber,
  type PddError,
  type PddMethod,
} from './protocol';
import { signPdd } from './sign';

/**
 * The 拼多多 gateway as the stub plays it: client_id, access_token, timestamp and the MD5 signature
 * are checked first, then pdd.order.number.list.increment.get, pdd.order.information.get,
 * pdd.logistics.online.send, pdd.order.upload.extra.logistics, pdd.refund.list.increment.get and
 * pdd.refund.agree answer from the stub's shop. Amounts go out as yuan numbers, times as Beijing
 * "yyyy-MM-dd HH:mm:ss", as the platform sends them.
 */

const HALF_HOUR_S = 30 * 60;
const TEN_MINUTES_S = 600;

type Json = Record<string, unknown>;

let requestSerial = 0;
const requestId = () => `${Date.now()}${String(++requestSerial).padStart(4, '0')}`;

const ok = (method: PddMethod, body: Json): GatewayAnswer => ({
  body: JSON.stringify({ [PDD_RESPONSE_KEYS[method]]: body }),
  errorCode: null,
});

const fail = (error: PddError, subMsg = ''): GatewayAnswer => ({
  body: JSON.stringify({
    error_response: {
      error_msg: subMsg ? `${error.error_msg}:${subMsg}` : error.error_msg,
      sub_msg: subMsg || error.error_msg,
      sub_code: String(error.error_code),
      error_code: error.error_code,
      request_id: requestId(),
    },
  }),
  errorCode: String(error.error_code),
});

/** 1 待发货, 2 已发货待签收, 3 已签收 (unpaid and cancelled orders keep 1: never shipped). */
function orderStatus(order: StubOrder): number {
  if (order.state === 'SHIPPED') return 2;
  if (order.state === 'FINISHED') return 3;
  return 1;
}

/** 1 无售后或售后关闭, 2 售后处理中, 3 退款中, 4 退款成功 */
function refundStatus(order: StubOrder): number {
  if (order.refunds.some((r) => r.state === 'SUCCESS')) return 4;
  if (order.refunds.some((r) => r.state === 'REQUESTED')) return 2;
  return 1;
}

/** after_sales_status: 0 无售后, 2 买家申请退款待商家处理, 6 驳回退款, 10 退款成功, 11 买家撤销 */
const AFTER_SALES_STATUS: Record<StubRefund['state'], number> = {
  REQUESTED: 2,
  REFUSED: 6,
  SUCCESS: 10,
  WITHDRAWN: 11,
};

/** confirm_status: 0 未成交, 1 已成交, 2 已取消 */
function confirmStatus(order: StubOrder): number {
  if (order.state === 'CANCELLED') return 2;
  return order.state === 'UNPAID' ? 0 : 1;
}

const time = (at: number | null) => (at === null ? '' : formatChinaTime(at));

function orderInfo(order: StubOrder): Json {
  const line = order.lines[0]!;
  const goods = order.lines.reduce((s, l) => s + l.price * l.num, 0);
  const seller = order.discounts.filter((d) => d.by === 'SELLER').reduce((s, d) => s + d.amount, 0);
  const platform = order.discounts.filter((d) => d.by === 'PLATFORM').reduce((s, d) => s + d.amount, 0);
  const [first, ...extra] = order.shipments;
  const refund = lineRefund(order, line);
  return {
    order_sn: order.id,
    confirm_status: confirmStatus(order),
    order_status: orderStatus(order),
    refund_status: refundStatus(order),
    after_sales_status: refund ? AFTER_SALES_STATUS[refund.state] : 0,
    group_status: order.state === 'UNPAID' ? 0 : 1,
    trade_type: 0,
    is_lucky_flag: 1,
    created_time: formatChinaTime(order.createdAt),
    confirm_time: time(order.paidAt),
    pay_time: time(order.paidAt),
    shipping_time: time(order.consignedAt),
    receive_time: order.state === 'FINISHED' ? time(order.endAt) : '',
    updated_at: formatChinaTime(order.modifiedAt),
    goods_amount: yuanNumber(goods),
    seller_discount: yuanNumber(seller),
    platform_discount: yuanNumber(platform),
    capital_free_discount: 0,
    discount_amount: yuanNumber(seller + platform),
    postage: yuanNumber(order.postFee),
    pay_amount: yuanNumber(orderPaid(order)),
    pay_no: order.paidAt === null ? '' : order.paymentNo,
    pay_type: 'WEIXIN',
    buyer_memo: order.buyerMessage,
    remark: '',
    country: '中国',
    province: order.receiver.province,
    city: order.receiver.city,
    town: order.receiver.district,
    receiver_name: order.receiver.name,
    receiver_phone: order.receiver.phone,
    receiver_address: order.receiver.address,
    address: `${order.receiver.province}${order.receiver.city}${order.receiver.district}${order.receiver.address}`,
    logistics_id: first ? Number(first.company) || 0 : 0,
    tracking_number: first?.trackingNo ?? '',
    extra_delivery_list: extra.map((s) => ({ logistics_id: Number(s.company) || 0, tracking_number: s.trackingNo })),
    promotion_detail_list: order.discounts.map((d) => ({
      discount_amount: yuanNumber(d.amount),
      promotion_type: d.by === 'PLATFORM' ? 1 : 2,
    })),
    item_list: order.lines.map((l) => ({
      goods_id: Number(l.itemId),
      sku_id: Number(l.skuId),
      outer_id: l.outerSkuId,
      outer_goods_id: l.outerSkuId.split('-').slice(0, 2).join('-'),
      goods_name: l.title,
      goods_spec: l.spec,
      goods_price: yuanNumber(l.price),
      goods_count: l.num,
      goods_img: l.image,
    })),
  };
}

type Params = Readonly<Record<string, string>>;

function integer(
  params: Params,
  name: string,
  fallback: number | null,
  min: number,
  max: number,
): number | GatewayAnswer {
  const text = params[name];
  if (text === undefined || text === '') return fallback ?? fail(PDD_ERRORS.invalidParameter, `${name}不能为空`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max)
    return fail(PDD_ERRORS.invalidParameter, `${name}取值非法`);
  return value;
}

const isAnswer = (value: unknown): value is GatewayAnswer =>
  typeof value === 'object' && value !== null && 'body' in value;

function span(params: Params): { start: number; end: number } | GatewayAnswer {
  const start = integer(params, 'start_updated_at', null, 0, Number.MAX_SAFE_INTEGER);
  if (isAnswer(start)) return start;
  const end = integer(params, 'end_updated_at', null, 0, Number.MAX_SAFE_INTEGER);
  if (isAnswer(end)) return end;
  if (end < start || end - start > HALF_HOUR_S)
    return fail(PDD_ERRORS.invalidParameter, '开始时间结束时间间距不超过30分钟');
  return { start: start * 1000, end: end * 1000 };
}

export function pddGateway(world: World, credentials: Credentials): Gateway {
  const methods: Record<PddMethod, (params: Params, now: number) => GatewayAnswer> = {
    'pdd.order.number.list.increment.get': (params) => {
      const window = span(params);
      if (isAnswer(window)) return window;
      const status = integer(params, 'order_status', null, 1, 5);
      if (isAnswer(status)) return status;
      const refund = integer(params, 'refund_status', null, 1, 5);
      if (isAnswer(refund)) return refund;
      const lucky = integer(params, 'is_lucky_flag', null, 0, 2);
      if (isAnswer(lucky)) return lucky;
      const page = integer(params, 'page', 1, 1, 100_000);
      if (isAnswer(page)) return page;
      const size = integer(params, 'page_size', 100, 1, 100);
      if (isAnswer(size)) return size;
      const matching = world
        .modifiedBetween(window.start, window.end + 999)
        .filter((o) => (status === 5 || orderStatus(o) === status) && (refund === 5 || refundStatus(o) === refund));
      const slice = matching.slice((page - 1) * size, page * size);
      return ok('pdd.order.number.list.increment.get', {
        total_count: matching.length,
        has_next: page * size < matching.length,
        order_sn_list: slice.map(orderInfo),
      });
    },
    'pdd.order.information.get': (params) => {
      if (!params.order_sn) return fail(PDD_ERRORS.invalidParameter, 'order_sn不能为空');
      const order = world.find(params.order_sn);
      if (!order) return fail(PDD_ERRORS.businessError, '订单不存在');
      return ok('pdd.order.information.get', { order_info: orderInfo(order) });
    },
    'pdd.logistics.online.send': (params, now) => {
      for (const name of ['order_sn', 'logistics_id', 'tracking_number']) {
        if (!params[name]) return fail(PDD_ERRORS.invalidParameter, `${name}不能为空`);
      }
      const shipped = world.ship(params.order_sn!, params.logistics_id!, params.tracking_number!, null, now);
      if (!shipped.ok) {
        const why = {
          NOT_FOUND: '订单不存在',
          STATE: '订单状态不允许发货',
          ALREADY_SHIPPED: '订单已发货',
          REFUND_OPEN: '订单售后中，不允许发货',
        }[shipped.reason];
        return fail(PDD_ERRORS.businessError, why);
      }
      return ok('pdd.logistics.online.send', { is_success: true });
    },
    'pdd.order.upload.extra.logistics': (params, now) => {
      if (!params.order_sn) return fail(PDD_ERRORS.invalidParameter, 'order_sn不能为空');
      let list: Array<{ shipping_id?: unknown; tracking_number?: unknown }>;
      try {
        list = JSON.parse(params.extra_track_list ?? '');
      } catch {
        return fail(PDD_ERRORS.invalidParameter, 'extra_track_list格式错误');
      }
      if (!Array.isArray(list) || list.length === 0)
        return fail(PDD_ERRORS.invalidParameter, 'extra_track_list不能为空');
      for (const track of list) {
        const added = world.addParcel(
          params.order_sn,
          String(track.shipping_id ?? ''),
          String(track.tracking_number ?? ''),
          now,
        );
        if (!added) return fail(PDD_ERRORS.businessError, '订单未发货，不能上传额外运单');
      }
      return ok('pdd.order.upload.extra.logistics', { success: true });
    },
    'pdd.refund.list.increment.get': (params) => {
      const window = span(params);
      if (isAnswer(window)) return window;
      const page = integer(params, 'page', 1, 1, 100_000);
      if (isAnswer(page)) return page;
      const size = integer(params, 'page_size', 100, 1, 100);
      if (isAnswer(size)) return size;
      const matching = world.refundsModifiedBetween(window.start, window.end + 999);
      const slice = matching.slice((page - 1) * size, page * size);
      return ok('pdd.refund.list.increment.get', {
        total_count: matching.length,
        refund_list: slice.map(({ order, refund }) => {
          const line = order.lines.find((l) => l.lineId === refund.lineId)!;
          return {
            id: Number(refund.id),
            order_sn: order.id,
            after_sales_status: AFTER_SALES_STATUS[refund.state],
            after_sales_type: order.state === 'SHIPPED' ? 3 : 2,
            after_sale_reason: refund.reason,
            refund_amount: yuanNumber(refund.amount),
            order_amount: yuanNumber(orderPaid(order)),
            goods_id: Number(line.itemId),
            sku_id: Number(line.skuId),
            outer_id: line.outerSkuId,
            goods_name: line.title,
            goods_number: line.num,
            goods_price: yuanNumber(line.price),
            created_time: formatChinaTime(refund.createdAt),
            updated_time: formatChinaTime(refund.modifiedAt),
          };
        }),
      });
    },
    'pdd.refund.agree': (params, now) => {
      let request: { after_sales_id?: unknown; order_sn?: unknown };
      try {
        request = JSON.parse(params.request ?? '');
      } catch {
        return fail(PDD_ERRORS.invalidParameter, 'request格式错误');
      }
      const refundId = String(request.after_sales_id ?? '');
      const decided = world.decideRefund(refundId, true, now);
      return ok('pdd.refund.agree', {
        result: {
          after_sales_id: Number(refundId),
          order_sn: String(request.order_sn ?? ''),
          succ: decided !== null,
          message: decided ? '退款操作成功' : '售后单状态不允许同意退款',
        },
      });
    },
  };

  return {
    path: PDD_PATH,
    methodOf: (params) => params.type ?? '',
    authenticate(params, now) {
      if (!params.type) return fail(PDD_ERRORS.commonParameter, 'type');
      if (!params.client_id) return fail(PDD_ERRORS.commonParameter, 'client_id');
      if (params.client_id !== credentials.appKey) return fail(PDD_ERRORS.unknownClient);
      if (!params.timestamp) return fail(PDD_ERRORS.commonParameter, 'timestamp');
      const at = Number(params.timestamp);
      if (!Number.isSafeInteger(at) || Math.abs(at - now / 1000) > TEN_MINUTES_S) {
        return fail(PDD_ERRORS.commonParameter, 'timestamp');
      }
      if (params.data_type !== undefined && params.data_type !== 'JSON')
        return fail(PDD_ERRORS.commonParameter, 'data_type');
      if (!params.sign || signPdd(params, credentials.appSecret) !== params.sign) {
        return {
          body: JSON.stringify({
            error_response: {
              error_msg: '签名验证失败',
              sub_msg: '签名验证失败',
              sub_code: '20004',
              error_code: PDD_ERRORS.badSignature.error_code,
              request_id: requestId(),
            },
          }),
          errorCode: '20004',
        };
      }
      if (!isPddMethod(params.type)) return fail(PDD_ERRORS.unknownType);
      if (params.access_token !== credentials.session) return fail(PDD_ERRORS.badToken);
      return null;
    },
    throttled: () => fail(PDD_ERRORS.tooFrequent),
    refusal: () => fail(PDD_ERRORS.businessError, '运单号不合法或已被使用'),
    answer: (params, now) => methods[params.type as PddMethod](params, now),
  };
}
