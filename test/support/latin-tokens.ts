/**
 * zh-CN screens must speak Chinese: a visible word with an English enum-like token in it
 * ([A-Z][A-Z_]{3,}: WECHAT_PAY, PENDING_SHIPMENT, OWN_MALL) is a code that reached the screen
 * untranslated, and so is a lower-case machine code of the form `word:word` (integration:erp1,
 * connector:taobao, buyer:U10000887: how records name accounts and doors). Identifiers people do
 * read are allowed: order, tracking, SKU and serial numbers, which all carry digits.
 */
const ENUM_LIKE = /[A-Z][A-Z_]{3,}/;
/** Identifiers: a run of letters, digits and dashes with at least four digits in it. */
const IDENTIFIER = /^(?=(?:[^\d]*\d){4})[A-Za-z0-9-]+$/;
/** Words Chinese text writes in Latin capitals as they are, not codes: a cinema format in the catalogue. */
const WORDS = new Set(['IMAX']);
/**
 * `role:username` and its kin: a lower-case word, a colon, a word that starts with a letter. A URL
 * (`https://…`), a host and port (`localhost:5170`) and a time (`15:11`) do not match.
 */
const MACHINE_CODE = /(?<![\w./:-])[a-z][a-z0-9_]*:[A-Za-z][\w./-]*/g;

export function latinTokens(text: string): string[] {
  const words = text.split(/[^A-Za-z0-9_-]+/).filter((word) => word !== '');
  const enumLike = words.filter((word) => ENUM_LIKE.test(word) && !IDENTIFIER.test(word) && !WORDS.has(word));
  return [...new Set([...(text.match(MACHINE_CODE) ?? []), ...enumLike])];
}
