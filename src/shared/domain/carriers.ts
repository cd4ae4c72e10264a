/**
 * Carriers and their tracking-number formats. The formats are what the carriers print on their
 * waybills today plus the legacy forms still seen in the field; they are plausibility checks meant
 * to catch a typo or a number pasted into the wrong carrier, not an authority: OTHER accepts any
 * sane number when a carrier changes its scheme before this table does.
 */

/** Drives the auto-confirm timer (timers.ts): surface mail gets longer than express. */
export type CarrierDelivery = 'EXPRESS' | 'EMS' | 'SURFACE_MAIL';

export interface Carrier {
  code: string;
  nameZh: string;
  nameEn: string;
  pattern: RegExp;
  /** Extra arithmetic check for formats that carry a check digit. */
  check?: (normalized: string) => boolean;
  example: string;
  delivery: CarrierDelivery;
  /** Matches nearly anything, so it is never offered as a guess for a scanned number. */
  fallback?: boolean;
}

/**
 * UPU S10 (2 letters, 8 digits, check digit, country): weights 8 6 4 2 3 5 9 7, check = 11 − sum mod
 * 11, with 10 → 0 and 11 → 5. International and many domestic postal items use it.
 */
export function isValidS10(normalized: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(normalized);
  if (!m) return true; // not an S10 number; the pattern alone decides
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const digits = [...(m[1] ?? '')].map(Number);
  const sum = digits.reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0);
  const raw = 11 - (sum % 11);
  const check = raw === 10 ? 0 : raw === 11 ? 5 : raw;
  return check === Number(m[2]);
}

export const CARRIERS = [
  {
    code: 'SF',
    nameZh: '顺丰速运',
    nameEn: 'SF Express',
    // Today "SF" + 13 digits; older waybills were 12 bare digits and are still quoted in disputes.
    pattern: /^(?:SF\d{12,15}|\d{12})$/,
    example: 'SF1234567890123',
    delivery: 'EXPRESS',
  },
  {
    code: 'ZTO',
    nameZh: '中通快递',
    nameEn: 'ZTO Express',
    // Current 14-digit numbers start 73–78; legacy 12-digit ones started 5, 6 or 7.
    pattern: /^[567]\d{11,14}$/,
    example: '75312345678901',
    delivery: 'EXPRESS',
  },
  {
    code: 'YTO',
    nameZh: '圆通速递',
    nameEn: 'YTO Express',
    pattern: /^YT\d{13,16}$/,
    example: 'YT1234567890123',
    delivery: 'EXPRESS',
  },
  {
    code: 'STO',
    nameZh: '申通快递',
    nameEn: 'STO Express',
    // 12–15 digits; the two-digit prefixes are the ones STO issues (77x is by far the most common).
    pattern: /^(?:77|88|66|55|43|26|36|58|22)\d{10,13}$/,
    example: '773123456789012',
    delivery: 'EXPRESS',
  },
  {
    code: 'YUNDA',
    nameZh: '韵达快递',
    nameEn: 'Yunda Express',
    // 13 digits (older), or 15 digits starting 3 or 4 (current).
    pattern: /^(?:[1-9]\d{12}|[34]\d{14})$/,
    example: '432123456789012',
    delivery: 'EXPRESS',
  },
  {
    code: 'JD',
    nameZh: '京东物流',
    nameEn: 'JD Logistics',
    // "JD" + 13–16 characters ending in 11 digits: JD0012345678901, JDVA12345678901, JDX…
    pattern: /^JD[0-9A-Z]{2,5}\d{11}$/,
    example: 'JDVA12345678901',
    delivery: 'EXPRESS',
  },
  {
    code: 'EMS',
    nameZh: 'EMS',
    nameEn: 'China Post EMS',
    // Domestic EMS: 13 digits starting 1 or 9; international/legacy: UPU S10 ending CN.
    pattern: /^(?:[19]\d{12}|[A-Z]{2}\d{9}CN)$/,
    check: isValidS10,
    example: '1012345678901',
    delivery: 'EMS',
  },
  {
    code: 'JT',
    nameZh: '极兔速递',
    nameEn: 'J&T Express',
    pattern: /^JT\d{13}$/,
    example: 'JT0001234567890',
    delivery: 'EXPRESS',
  },
  {
    code: 'CHINA_POST',
    nameZh: '中国邮政平邮',
    nameEn: 'China Post surface mail',
    // Domestic parcels: 13 digits starting 9; registered items and parcels: S10 with R or C prefix.
    pattern: /^(?:9\d{12}|[RC][A-Z]\d{9}CN)$/,
    check: isValidS10,
    example: '9812345678901',
    delivery: 'SURFACE_MAIL',
  },
  {
    code: 'OTHER',
    nameZh: '其他',
    nameEn: 'Other',
    pattern: /^[A-Z0-9-]{6,40}$/,
    example: 'ABC-123456',
    delivery: 'EXPRESS',
    fallback: true,
  },
] as const satisfies readonly Carrier[];

export type CarrierCode = (typeof CARRIERS)[number]['code'];

const BY_CODE = new Map<string, Carrier>(CARRIERS.map((c) => [c.code, c]));

export function carrierByCode(code: string): Carrier | null {
  return BY_CODE.get(code) ?? null;
}

/**
 * Scanners send clean ASCII; people type lower case, spaces, and full-width characters from a
 * Chinese IME. All of that is the same number.
 */
export function normalizeTrackingNo(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export type TrackingRefusal = 'UNKNOWN_CARRIER' | 'TRACKING_EMPTY' | 'TRACKING_FORMAT';

export type TrackingCheck =
  { ok: true; normalized: string } | { ok: false; code: TrackingRefusal; example: string | null };

function matches(carrier: Carrier, normalized: string): boolean {
  return carrier.pattern.test(normalized) && (carrier.check?.(normalized) ?? true);
}

/** The refusal carries the carrier's example so the form can show what a good number looks like. */
export function checkTrackingNo(carrierCode: string, raw: string): TrackingCheck {
  const carrier = carrierByCode(carrierCode);
  if (!carrier) return { ok: false, code: 'UNKNOWN_CARRIER', example: null };
  const normalized = normalizeTrackingNo(raw);
  if (normalized === '') return { ok: false, code: 'TRACKING_EMPTY', example: carrier.example };
  if (!matches(carrier, normalized)) return { ok: false, code: 'TRACKING_FORMAT', example: carrier.example };
  return { ok: true, normalized };
}

/** Carriers a scanned number could belong to, in table order; several when formats overlap. */
export function guessCarriers(raw: string): CarrierCode[] {
  const normalized = normalizeTrackingNo(raw);
  return CARRIERS.filter((c: Carrier) => !c.fallback && matches(c, normalized)).map((c) => c.code);
}
