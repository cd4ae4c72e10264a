/**
 * What a log line must never carry out of the desk, however it got there: credentials and the
 * personal data orders hold. Applied when a line is written and again when logs are exported.
 * Masking is deliberately broad: a support engineer needs what happened, not whose phone it was.
 */
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
  [/\b(token|password|secret|authorization|code)(["']?\s*[:=]\s*["']?)(?!Bearer\b)[^"'\s,&}]+/gi, '$1$2[redacted]'],
  // A bare token or key: a long run of base64url with capitals in it (ids and hashes are lower-case hex).
  [/(?<![\w-])(?=[\w-]*[A-Z])[\w-]{32,}(?![\w-])/g, '[redacted]'],
  // Mainland mobiles (with or without +86), ID card numbers, any other long digit run (codes, cards).
  [/(\+?86[-\s]?)?\b1[3-9]\d{9}\b/g, '[phone]'],
  [/\b\d{17}[\dXx]\b/g, '[id]'],
  [/\b\d{6,12}\b/g, '[digits]'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
];

export function scrub(text: string): string {
  return RULES.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}
