import type { Random } from './random';

/**
 * Carriers with how their tracking numbers look today (src/shared/domain/carriers.ts checks the
 * same shapes) and what a buyer sees in their tracking feed.
 */
export const DEMO_CARRIERS = [
  { code: 'SF', name: '顺丰速运', weight: 22, trackingNo: (r: Random) => `SF${r.int(1, 9)}${r.digits(11)}` },
  { code: 'ZTO', name: '中通快递', weight: 22, trackingNo: (r: Random) => `78${r.int(1, 9)}${r.digits(11)}` },
  { code: 'YTO', name: '圆通速递', weight: 16, trackingNo: (r: Random) => `YT${r.int(1, 9)}${r.digits(12)}` },
  { code: 'STO', name: '申通快递', weight: 10, trackingNo: (r: Random) => `773${r.digits(12)}` },
  { code: 'YUNDA', name: '韵达快递', weight: 12, trackingNo: (r: Random) => `43${r.int(1, 9)}${r.digits(12)}` },
  { code: 'JD', name: '京东物流', weight: 9, trackingNo: (r: Random) => `JDVA${r.int(1, 9)}${r.digits(10)}` },
  { code: 'EMS', name: 'EMS', weight: 4, trackingNo: (r: Random) => `1${r.int(0, 1)}${r.digits(11)}` },
  { code: 'JT', name: '极兔速递', weight: 5, trackingNo: (r: Random) => `JT${r.int(1, 9)}${r.digits(12)}` },
] as const;
export type DemoCarrier = (typeof DEMO_CARRIERS)[number];

export const pickCarrier = (rng: Random): DemoCarrier => rng.weighted(DEMO_CARRIERS.map((c) => [c, c.weight] as const));

const HOUR = 3_600_000;
const COURIER_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

export const courierName = (rng: Random, phone: string): string => `${rng.pick(COURIER_SURNAMES)}师傅 ${phone}`;

export interface TrackingPlan {
  carrier: DemoCarrier;
  shippedAt: number;
  warehouseCity: string;
  warehouseHub: string;
  destCity: string;
  destDistrict: string;
  courier: string;
  now: number;
  /** Orders that went on to be completed were obviously not refused at the door. */
  mayRefuse: boolean;
}

export interface TrackingOutcome {
  events: Array<{ at: number; text: string }>;
  status: 'IN_TRANSIT' | 'DELIVERED' | 'RETURNED';
  signedAt: number | null;
}

/**
 * The feed of one parcel, from pickup to signature, cut off at `now`: a parcel shipped an hour ago
 * has one event, one shipped last week is signed for. A few parcels are refused and go back.
 */
export function trackParcel(rng: Random, plan: TrackingPlan): TrackingOutcome {
  const { carrier, destCity, destDistrict } = plan;
  const sameCity = plan.warehouseCity === destCity;
  const steps: string[] = [
    `【${plan.warehouseCity}】${carrier.name} 已揽收`,
    `快件已到达【${plan.warehouseHub}】`,
    sameCity
      ? `快件已从【${plan.warehouseHub}】发出，下一站【${destCity}${destDistrict}营业部】`
      : `快件已从【${plan.warehouseHub}】发出，下一站【${destCity}转运中心】`,
    ...(sameCity ? [] : [`快件已到达【${destCity}转运中心】`]),
    `快件已到达【${destCity}${destDistrict}营业部】`,
    `【${destCity}${destDistrict}】派件员 ${plan.courier} 正在为您派件，请保持电话畅通`,
  ];
  const refused = plan.mayRefuse && rng.chance(0.01);
  const gaps = [
    rng.int(1, 4),
    rng.int(2, 6),
    rng.int(1, 3),
    sameCity ? 0 : rng.int(10, 30),
    rng.int(3, 8),
    rng.int(1, 3),
  ];
  const events: TrackingOutcome['events'] = [];
  let at = plan.shippedAt;
  let gapIndex = 0;
  for (const text of steps) {
    at += (gaps[gapIndex++] ?? 2) * HOUR + rng.int(0, 59) * 60_000;
    if (at > plan.now) return { events, status: 'IN_TRANSIT', signedAt: null };
    events.push({ at, text });
  }
  at += rng.int(1, 5) * HOUR + rng.int(0, 59) * 60_000;
  if (at > plan.now) return { events, status: 'IN_TRANSIT', signedAt: null };
  if (refused) {
    events.push({ at, text: '收件人拒收，快件正在退回寄件人' });
    return { events, status: 'RETURNED', signedAt: null };
  }
  const signer = rng.pick(['本人签收', '家人代收', '快递柜', '前台代收', '门卫代收']);
  events.push({ at, text: `快件已签收，签收人：${signer}。如有疑问请联系派件员` });
  return { events, status: 'DELIVERED', signedAt: at };
}
