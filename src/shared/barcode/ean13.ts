/**
 * EAN-13, the barcode on retail goods (China's GS1 prefixes are 690–699). The last digit checks
 * the other twelve: weights 1 and 3 alternate from the left, and the check digit tops the sum up
 * to a multiple of ten. A scanner reads it back as 13 digits followed by Enter.
 */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError(`EAN-13 needs 12 digits before its check digit: ${first12}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export const isValidEan13 = (code: string): boolean =>
  /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);

/** Twelve digits made whole with their check digit. */
export const withEan13Check = (first12: string): string => `${first12}${ean13CheckDigit(first12)}`;
