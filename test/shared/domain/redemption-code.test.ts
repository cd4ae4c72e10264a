import { describe, it, expect } from 'vitest';
import {
  formatCodeForDisplay,
  generateCode,
  isWellFormedCode,
  maskPhone,
  normalizeCodeInput,
  redemptionRefusal,
} from '../../../src/shared/domain/redemption-code';

describe('normalizeCodeInput: what the clerk types', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    [' 12 34 56 ', '123456'],
    ['１２３４５６', '123456'],
    ['１２３　４５６', '123456'],
    ['123－456', '123456'],
    ['123—456', '123456'],
  ])('reads %j as %j', (raw, code) => {
    expect(normalizeCodeInput(raw)).toBe(code);
  });

  it('leaves other characters for the well-formedness check to refuse', () => {
    expect(normalizeCodeInput('12a456')).toBe('12a456');
  });
});

describe('isWellFormedCode', () => {
  it('accepts exactly six digits, including leading zeros', () => {
    expect(isWellFormedCode('000123')).toBe(true);
    expect(isWellFormedCode('12345')).toBe(false);
    expect(isWellFormedCode('1234567')).toBe(false);
    expect(isWellFormedCode('12a456')).toBe(false);
    expect(isWellFormedCode('')).toBe(false);
  });

  it('follows a configured length', () => {
    expect(isWellFormedCode('12345678', 8)).toBe(true);
    expect(isWellFormedCode('123456', 8)).toBe(false);
  });
});

describe('generateCode', () => {
  const scripted = (digits: number[]) => {
    let i = 0;
    return (max: number) => {
      expect(max).toBe(10);
      return digits[i++ % digits.length] ?? 0;
    };
  };

  it('keeps leading zeros, so every six digits are possible', () => {
    expect(generateCode(scripted([0, 0, 0, 0, 4, 2]))).toBe('000042');
    expect(generateCode(scripted([0]))).toBe('000000');
    expect(generateCode(scripted([9]))).toBe('999999');
  });

  it('makes codes of a configured length', () => {
    expect(generateCode(scripted([1, 2]), 8)).toBe('12121212');
  });

  it('throws when the random source misbehaves', () => {
    expect(() => generateCode(() => 10)).toThrow(RangeError);
    expect(() => generateCode(() => 1.5)).toThrow(RangeError);
    expect(() => generateCode(() => 1, 0)).toThrow(RangeError);
  });

  it('spreads digits evenly with a fair random source', () => {
    let seed = 7;
    const lcg = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * max);
    };
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 2000; i++) for (const d of generateCode(lcg)) counts[Number(d)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(1000);
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mainland mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('drops a +86 prefix and separators first', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('008613812345678')).toBe('138****5678');
  });

  it('keeps first three and last four of other long numbers', () => {
    expect(maskPhone('02112345678')).toBe('021****5678');
    expect(maskPhone('12345678')).toBe('123*5678');
  });

  it('shows only the last two characters of short numbers', () => {
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('masks very short input entirely and keeps empty input empty', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('')).toBe('');
  });
});

describe('formatCodeForDisplay', () => {
  it('groups a six-digit code by three', () => {
    expect(formatCodeForDisplay('123456')).toBe('123 456');
    expect(formatCodeForDisplay('000042')).toBe('000 042');
  });

  it('groups other lengths by four when three does not fit', () => {
    expect(formatCodeForDisplay('12345678')).toBe('1234 5678');
    expect(formatCodeForDisplay('123456789')).toBe('123 456 789');
    expect(formatCodeForDisplay('1234567891')).toBe('1234 5678 91');
  });
});

describe('redemptionRefusal: may this store redeem this code now', () => {
  const facts = { validFrom: 1000, validTo: 2000, usesLeft: 1, merchantId: 'M1' };

  it('allows a live code of the store’s merchant', () => {
    expect(redemptionRefusal(facts, 1500, 'M1')).toBeNull();
    expect(redemptionRefusal(facts, 1000, 'M1')).toBeNull();
  });

  it('refuses a code that is not valid yet', () => {
    expect(redemptionRefusal(facts, 999, 'M1')).toBe('CODE_NOT_YET_VALID');
  });

  it('refuses an expired code, validTo being exclusive', () => {
    expect(redemptionRefusal(facts, 2000, 'M1')).toBe('CODE_EXPIRED');
  });

  it('refuses a used-up code, even an expired one', () => {
    expect(redemptionRefusal({ ...facts, usesLeft: 0 }, 1500, 'M1')).toBe('CODE_USED_UP');
    expect(redemptionRefusal({ ...facts, usesLeft: 0 }, 5000, 'M1')).toBe('CODE_USED_UP');
  });

  it('refuses another merchant’s code before saying anything else about it', () => {
    expect(redemptionRefusal(facts, 1500, 'M2')).toBe('CODE_OTHER_MERCHANT');
    expect(redemptionRefusal({ ...facts, usesLeft: 0 }, 5000, 'M2')).toBe('CODE_OTHER_MERCHANT');
  });
});
