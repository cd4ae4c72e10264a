import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, isValidEan13, withEan13Check } from '../../../src/shared/barcode/ean13';

describe('EAN-13 check digits', () => {
  it('matches the barcodes printed on real goods', () => {
    // 农夫山泉 550 ml and a GS1 example number.
    expect(isValidEan13('6921168509256')).toBe(true);
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(withEan13Check('690123456789')).toBe('6901234567892');
  });

  it('refuses a misread digit, a swapped pair and anything that is not 13 digits', () => {
    expect(isValidEan13('6921168509257')).toBe(false);
    expect(isValidEan13('6921168505926')).toBe(false);
    expect(isValidEan13('692116850925')).toBe(false);
    expect(isValidEan13('FZ00101')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow(RangeError);
  });
});
