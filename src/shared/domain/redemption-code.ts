export const DEFAULT_CODE_LENGTH = 6;

/**
 * Clerks type what the customer reads out or shows: "123 456", "123-456", or full-width digits from
 * a Chinese IME. All of those mean the same code.
 */
const SEPARATORS = /[\s\u3000\-‐‑‒–—―－]/g;
const FULL_WIDTH_DIGIT = /[０-９]/g;
const FULL_WIDTH_ZERO = 0xff10;

export function normalizeCodeInput(raw: string): string {
  return raw.replace(SEPARATORS, '').replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - FULL_WIDTH_ZERO));
}

export function isWellFormedCode(code: string, length = DEFAULT_CODE_LENGTH): boolean {
  return code.length === length && /^\d+$/.test(code);
}

/**
 * One independent digit at a time, so every code from 000000 to 999999 is equally likely (a number
 * drawn below 10^6 and padded would be too, but digit-wise keeps any length exact). `randomInt` is
 * injected: the server passes crypto.randomInt, tests pass a script.
 */
export function generateCode(randomInt: (maxExclusive: number) => number, length = DEFAULT_CODE_LENGTH): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`length must be a positive integer, got ${length}`);
  let code = '';
  for (let i = 0; i < length; i++) {
    const digit = randomInt(10);
    if (!Number.isInteger(digit) || digit < 0 || digit > 9) throw new RangeError(`randomInt(10) returned ${digit}`);
    code += String(digit);
  }
  return code;
}

/**
 * Shows enough of a phone to tell customers apart at the counter and no more: 138****5678 for a
 * mainland mobile. A +86/0086 prefix and separators are dropped first. Short numbers keep only their
 * last two characters; four characters or fewer are masked entirely, since showing them would show
 * almost all of them.
 */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s\-()]/g, '').replace(/^(\+86|0086)(?=\d{11}$)/, '');
  const n = compact.length;
  if (n <= 4) return '*'.repeat(n);
  if (n < 8) return '*'.repeat(n - 2) + compact.slice(-2);
  return compact.slice(0, 3) + '*'.repeat(n - 7) + compact.slice(-4);
}

/** Groups of 3 when the length allows (123 456), else groups of 4 (1234 5678), easy to read aloud. */
export function formatCodeForDisplay(code: string): string {
  const size = code.length % 3 === 0 ? 3 : 4;
  return (code.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
}

export interface CodeFacts {
  validFrom: number;
  /** Exclusive: a code valid "until 24:00" is no longer valid at 24:00. */
  validTo: number;
  usesLeft: number;
  merchantId: string;
}

export const REDEMPTION_REFUSALS = [
  'CODE_OTHER_MERCHANT',
  'CODE_USED_UP',
  'CODE_NOT_YET_VALID',
  'CODE_EXPIRED',
] as const;
export type RedemptionRefusal = (typeof REDEMPTION_REFUSALS)[number];

/**
 * Checked in this order. Another merchant's code is refused before anything else so a store learns
 * nothing about codes that are not its own; "used up" beats the dates because it is the more useful
 * thing to tell a customer holding an old code.
 */
const REDEMPTION_CHECKS: ReadonlyArray<{
  code: RedemptionRefusal;
  fails: (facts: CodeFacts, now: number, merchantId: string) => boolean;
}> = [
  { code: 'CODE_OTHER_MERCHANT', fails: (f, _now, merchantId) => f.merchantId !== merchantId },
  { code: 'CODE_USED_UP', fails: (f) => f.usesLeft <= 0 },
  { code: 'CODE_NOT_YET_VALID', fails: (f, now) => now < f.validFrom },
  { code: 'CODE_EXPIRED', fails: (f, now) => now >= f.validTo },
];

export function redemptionRefusal(facts: CodeFacts, now: number, storeMerchantId: string): RedemptionRefusal | null {
  return REDEMPTION_CHECKS.find((check) => check.fails(facts, now, storeMerchantId))?.code ?? null;
}
