import { chinaClock } from './business-day';
import type { OrderSource } from './vocabulary';

/**
 * Order numbers: {marker}{yyMMdd}{device 4}{seq 6}, e.g. D2403140042000017 (17 characters); a
 * child order appends a 2-digit index (01..99). The marker says where the order came from; the
 * device code makes a number made offline unique without asking the server (two devices never share
 * a code, and each device never reuses a seq within a day). Only digits after the marker, so a
 * number survives being read aloud on the phone or typed on a numeric keypad.
 */
export const SOURCE_MARKERS = { MALL: 'M', DEALER: 'D', EXTERNAL: 'E' } as const satisfies Record<OrderSource, string>;

/** 0000 is the order service itself; devices get 0001..9999 when they are registered. */
export const SERVICE_DEVICE_CODE = 0;
export const MAX_DEVICE_CODE = 9999;
export const MAX_SEQ = 999_999;
export const MAX_CHILD_INDEX = 99;

const ORDER_NO = /^([MDE])(\d{2})(\d{2})(\d{2})(\d{4})(\d{6})(\d{2})?$/;

export interface OrderNumberParts {
  source: OrderSource;
  at: number;
  deviceCode: number;
  seq: number;
}

export interface ParsedOrderNumber {
  source: OrderSource;
  /** China calendar date, YYYY-MM-DD. */
  date: string;
  deviceCode: number;
  seq: number;
  childIndex: number | null;
}

function assertIntIn(value: number, min: number, max: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${label} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The business day (business-day.ts) as yyMMdd. */
function chinaYyMmDd(at: number): string {
  const { year, month, day } = chinaClock(at);
  return pad(year % 100, 2) + pad(month, 2) + pad(day, 2);
}

/** Bad parts are a configuration bug (a device without a code), so this throws instead of refusing. */
export function makeOrderNumber({ source, at, deviceCode, seq }: OrderNumberParts): string {
  const marker = SOURCE_MARKERS[source];
  if (!marker) throw new RangeError(`unknown order source ${String(source)}`);
  assertIntIn(at, 0, Number.MAX_SAFE_INTEGER, 'at');
  assertIntIn(deviceCode, 0, MAX_DEVICE_CODE, 'deviceCode');
  assertIntIn(seq, 0, MAX_SEQ, 'seq');
  return `${marker}${chinaYyMmDd(at)}${pad(deviceCode, 4)}${pad(seq, 6)}`;
}

export function makeChildOrderNumber(parentNo: string, index: number): string {
  const parent = parseOrderNumber(parentNo);
  if (!parent || parent.childIndex !== null) throw new RangeError(`not a parent order number: ${parentNo}`);
  assertIntIn(index, 1, MAX_CHILD_INDEX, 'child index');
  return parentNo + pad(index, 2);
}

const SOURCE_BY_MARKER = Object.fromEntries(
  Object.entries(SOURCE_MARKERS).map(([source, marker]) => [marker, source as OrderSource]),
) as Record<string, OrderSource>;

export function parseOrderNumber(orderNo: string): ParsedOrderNumber | null {
  const m = ORDER_NO.exec(orderNo);
  if (!m) return null;
  const [, marker = '', yy = '', mm = '', dd = '', device = '', seq = '', child] = m;
  const source = SOURCE_BY_MARKER[marker];
  const year = 2000 + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  // Round-tripping through Date rejects impossible days such as 0230 or 1301.
  const probe = new Date(Date.UTC(year, month - 1, day));
  const realDate = probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  const childIndex = child === undefined ? null : Number(child);
  if (!source || !realDate || childIndex === 0) return null;
  return {
    source,
    date: `${year}-${mm}-${dd}`,
    deviceCode: Number(device),
    seq: Number(seq),
    childIndex,
  };
}

export function sourceOfOrderNumber(orderNo: string): OrderSource | null {
  return parseOrderNumber(orderNo)?.source ?? null;
}

/** The parent of a child number, or the number itself when it already is a parent. */
export function parentOfOrderNumber(orderNo: string): string | null {
  const parsed = parseOrderNumber(orderNo);
  if (!parsed) return null;
  return parsed.childIndex === null ? orderNo : orderNo.slice(0, -2);
}
