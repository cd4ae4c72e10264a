import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checksum,
  code128Values,
  CODE_B,
  CODE_C,
  encodeCode128,
  QUIET_ZONE_MODULES,
  START_B,
  START_C,
} from '../../../src/shared/barcode/code128';

/** Reads symbol values back into text, following the set switches as a scanner does. */
function decodeValues(values: number[]): string {
  const data = values.slice(1, -1);
  expect(values.at(-1)).toBe(checksum(values.slice(0, -1)));
  let set = values[0] === START_C ? 'C' : 'B';
  let text = '';
  for (const v of data) {
    if (set === 'C' && v === CODE_B) set = 'B';
    else if (set === 'B' && v === CODE_C) set = 'C';
    else text += set === 'C' ? String(v).padStart(2, '0') : String.fromCharCode(v + 32);
  }
  return text;
}

/** A 1-bit bitmap of the symbol with its quiet zones, which zbarimg reads like a scanned label. */
function scanWithZbar(text: string): string {
  const { widths } = encodeCode128(text);
  const row: number[] = Array<number>(QUIET_ZONE_MODULES).fill(0);
  widths.forEach((w, i) => row.push(...Array<number>(w).fill(i % 2 === 0 ? 1 : 0)));
  row.push(...Array<number>(QUIET_ZONE_MODULES).fill(0));
  const pixels = row.flatMap((bit) => [bit, bit, bit]).join(' ');
  const file = join(mkdtempSync(join(tmpdir(), 'code128-')), 'label.pbm');
  writeFileSync(file, `P1\n${row.length * 3} 40\n${Array<string>(40).fill(pixels).join('\n')}\n`);
  return execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).trim();
}

describe('Code 128 for order numbers and labels', () => {
  it('checks a symbol as the standard does: start plus each value times its position, mod 103', () => {
    // "PJJ123C" in set B: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879 = 8·103 + 55.
    expect(code128Values('PJJ123C')).toEqual([START_B, 48, 42, 42, 17, 18, 19, 35, 55]);
    // All digits start in set C: 105 + 12·1 + 34·2 + 56·3 = 353 = 3·103 + 44.
    expect(code128Values('123456')).toEqual([START_C, 12, 34, 56, 44]);
  });

  it('packs the digits of an order number in pairs after its source letter', () => {
    const values = code128Values('M2403140042000017');
    expect(values.slice(0, 3)).toEqual([START_B, 'M'.charCodeAt(0) - 32, CODE_C]);
    expect(values.slice(3, -1)).toEqual([24, 3, 14, 0, 42, 0, 0, 17]);
  });

  it('leaves short digit runs in set B, where switching would cost more than it saves', () => {
    expect(code128Values('A12B').slice(1, -1)).toEqual([33, 17, 18, 34]);
    expect(code128Values('AB12345CD').slice(1, -1)).toEqual([33, 34, 17, 18, 19, 20, 21, 35, 36]);
  });

  it('has 11 modules per symbol plus a 13-module stop, starting with a bar', () => {
    for (const text of ['M2403140042000017', 'E24031400420000170', 'SF1234567890', 'x']) {
      const { values, widths, modules } = encodeCode128(text);
      expect(modules).toBe(values.length * 11 + 13);
      expect(widths.length).toBe(values.length * 6 + 7);
      // Bars and spaces alternate, so an odd count means the symbol ends on the stop's final bar.
      expect(widths.length % 2).toBe(1);
      expect(widths.every((w) => w >= 1 && w <= 4)).toBe(true);
      expect(widths.slice(0, 6).join('')).toBe(values[0] === START_C ? '211232' : '211214');
      expect(widths.slice(-7).join('')).toBe('2331112');
    }
  });

  it('reads back to the same text, whatever mix of letters and digit runs', () => {
    for (const text of ['M2403140042000017', 'D24031400420000170', '123', '1234', '12345', 'A123456B', ' !~', '9a']) {
      expect(decodeValues(code128Values(text))).toBe(text);
    }
  });

  it('is read by a real barcode decoder (zbar) as the order number it carries', () => {
    for (const text of ['M2403140042000017', 'E24031400420000170', 'YT1234567890123', 'Ab 12-x9']) {
      expect(scanWithZbar(text)).toBe(text);
    }
  });

  it('refuses text set B cannot carry', () => {
    expect(() => encodeCode128('')).toThrow(RangeError);
    expect(() => encodeCode128('订单')).toThrow(RangeError);
  });
});
