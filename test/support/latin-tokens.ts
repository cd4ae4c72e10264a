/**
 * zh-CN screens must speak Chinese: a visible word with an English enum-like token in it
 * ([A-Z][A-Z_]{3,}: WECHAT_PAY, PENDING_SHIPMENT, OWN_MALL) is a code that reached the screen
 * untranslated. Identifiers people do read are allowed: order, tracking, SKU and serial numbers,
 * which all carry digits.
 */
const ENUM_LIKE = /[A-Z][A-Z_]{3,}/;
/** Identifiers: a run of letters, digits and dashes with at least four digits in it. */
const IDENTIFIER = /^(?=(?:[^\d]*\d){4})[A-Za-z0-9-]+$/;
/** Words Chinese text writes in Latin capitals as they are, not codes: a cinema format in the catalogue. */
const WORDS = new Set(['IMAX']);

export function latinTokens(text: string): string[] {
  const words = text.split(/[^A-Za-z0-9_-]+/).filter((word) => word !== '');
  return [...new Set(words.filter((word) => ENUM_LIKE.test(word) && !IDENTIFIER.test(word) && !WORDS.has(word)))];
}
