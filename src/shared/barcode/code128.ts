/**
 * Code 128 (ISO/IEC 15417), the symbology carriers and warehouse scanners read everywhere. Sets B
 * (printable ASCII) and C (digit pairs) are enough for order numbers, SKUs and tracking numbers;
 * runs of digits switch to C because it packs two digits per symbol and keeps a 17-character
 * order number short enough for a 100 mm label at a module width scanners read reliably.
 */

/** Bar/space widths of symbol values 0..105, each six elements summing to 11 modules. */
// prettier-ignore
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232',
] as const;
/** The stop pattern has a seventh element: the final 2-module bar. */
const STOP = '2331112';

export const START_B = 104;
export const START_C = 105;
export const CODE_B = 100;
export const CODE_C = 99;
export const STOP_VALUE = 106;
/** The standard asks for at least ten modules of blank space either side. */
export const QUIET_ZONE_MODULES = 10;

export interface Code128 {
  /** Symbol values: start, data (with set switches), checksum; the stop is implied. */
  values: number[];
  /** Element widths in modules, bar first, alternating bar and space, stop included, quiet zones not. */
  widths: number[];
  /** Total width in modules without quiet zones. */
  modules: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

const digitRunAt = (text: string, at: number): number => {
  let end = at;
  while (isDigit(text[end])) end++;
  return end - at;
};

/** Printable ASCII only: what set B can carry. */
export const canEncode = (text: string): boolean => text.length > 0 && /^[\x20-\x7e]+$/.test(text);

/**
 * The symbol values for `text`: set C for a run of at least 4 digits at either end or 6 in the
 * middle (shorter runs cost more in switches than they save), set B for the rest.
 */
export function code128Values(text: string): number[] {
  if (!canEncode(text)) throw new RangeError('Code 128 set B/C carries printable ASCII only');
  const values: number[] = [];
  let set: 'B' | 'C';
  let i = 0;
  const leading = digitRunAt(text, 0);
  if (leading >= 4 && leading % 2 === 0) {
    set = 'C';
    values.push(START_C);
  } else {
    set = 'B';
    values.push(START_B);
  }
  while (i < text.length) {
    if (set === 'C') {
      if (digitRunAt(text, i) >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
        continue;
      }
      values.push(CODE_B);
      set = 'B';
    }
    const run = digitRunAt(text, i);
    const worthC = run >= 6 || (run >= 4 && (i === 0 || i + run === text.length));
    if (worthC) {
      // An odd run leaves its first digit in B, so C gets whole pairs.
      if (run % 2 === 1) values.push(text.charCodeAt(i++) - 32);
      values.push(CODE_C);
      set = 'C';
      continue;
    }
    values.push(text.charCodeAt(i++) - 32);
  }
  values.push(checksum(values));
  return values;
}

/** Start value plus each following value times its position, mod 103. */
export function checksum(values: readonly number[]): number {
  let sum = values[0] ?? 0;
  for (let p = 1; p < values.length; p++) sum += (values[p] ?? 0) * p;
  return sum % 103;
}

export function encodeCode128(text: string): Code128 {
  const values = code128Values(text);
  const widths = [...values.map((v) => PATTERNS[v] as string), STOP].join('').split('').map(Number);
  return { values, widths, modules: widths.reduce((a, b) => a + b, 0) };
}
