import { describe, it, expect } from 'vitest';
import {
  CARRIERS,
  carrierByCode,
  checkTrackingNo,
  guessCarriers,
  isValidS10,
  normalizeTrackingNo,
} from '../../../src/shared/domain/carriers';

/** One number each carrier accepts and one it refuses, besides the table's own example. */
const SAMPLES: Record<string, { valid: string[]; invalid: string[] }> = {
  SF: {
    valid: ['SF1234567890123', 'sf 1234 5678 9012 3', 'SF123456789012', '123456789012'],
    invalid: ['SF12345', 'SFA234567890123', '1234567890123'],
  },
  ZTO: {
    valid: ['75312345678901', '731234567890', '612345678901234'],
    invalid: ['8123456789012', '7531234567', 'ZT75312345678901'],
  },
  YTO: {
    valid: ['YT1234567890123', 'yt1234567890123456'],
    invalid: ['YT123456789012', '1234567890123', 'YT12345678901234567'],
  },
  STO: {
    valid: ['773123456789012', '880123456789', '550123456789012'],
    invalid: ['123123456789', '77312345678', '7731234567890123'],
  },
  YUNDA: {
    valid: ['4321234567890', '432123456789012', '312345678901234'],
    invalid: ['532123456789012', '12345678901', '0123456789012'],
  },
  JD: {
    valid: ['JDVA12345678901', 'JD0012345678901', 'JDX000123456789', 'JDVA1234567890123'],
    invalid: ['JD12345', 'JDVA1234567890A', 'J0012345678901'],
  },
  EMS: {
    valid: ['1012345678901', '9876543210123', 'EA123456785CN', 'ea 123456785 cn'],
    invalid: ['2012345678901', 'EA123456789CN', 'EA123456785US'],
  },
  JT: {
    valid: ['JT0001234567890', 'jt1234567890123'],
    invalid: ['JT000123456789', 'JT00012345678901', 'JQ0001234567890'],
  },
  CHINA_POST: {
    valid: ['9812345678901', 'RR123456785CN', 'CA123456785CN'],
    invalid: ['1812345678901', 'RR123456789CN', 'EA123456785CN'],
  },
  OTHER: {
    valid: ['ABC-123456', 'x1y2z3', 'DPK' + '1'.repeat(37)],
    invalid: ['12345', 'ABC_123456', 'A'.repeat(41), 'ABC/12345'],
  },
};

describe('the carrier table', () => {
  it('lists the carriers the desks use, each with names, a pattern, an example and a delivery mode', () => {
    expect(CARRIERS.map((c) => c.code)).toEqual([
      'SF',
      'ZTO',
      'YTO',
      'STO',
      'YUNDA',
      'JD',
      'EMS',
      'JT',
      'CHINA_POST',
      'OTHER',
    ]);
    for (const c of CARRIERS) {
      expect(c.nameZh).not.toBe('');
      expect(c.nameEn).not.toBe('');
      expect(['EXPRESS', 'EMS', 'SURFACE_MAIL']).toContain(c.delivery);
    }
  });

  it('marks EMS for the EMS timer and China Post surface mail for the 30-day one', () => {
    expect(carrierByCode('EMS')?.delivery).toBe('EMS');
    expect(carrierByCode('CHINA_POST')?.delivery).toBe('SURFACE_MAIL');
    expect(carrierByCode('SF')?.delivery).toBe('EXPRESS');
  });

  it.each(CARRIERS.map((c) => [c.code, c.example] as const))('%s accepts its own example %s', (code, example) => {
    expect(checkTrackingNo(code, example)).toEqual({ ok: true, normalized: example });
  });

  it('has samples for every carrier', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CARRIERS.map((c) => c.code).sort());
  });
});

describe.each(Object.entries(SAMPLES))('checkTrackingNo for %s', (code, { valid, invalid }) => {
  it.each(valid)('accepts %j', (no) => {
    expect(checkTrackingNo(code, no).ok).toBe(true);
  });

  it.each(invalid)('refuses %j with the carrier’s example', (no) => {
    expect(checkTrackingNo(code, no)).toEqual({
      ok: false,
      code: 'TRACKING_FORMAT',
      example: carrierByCode(code)?.example,
    });
  });
});

describe('checkTrackingNo', () => {
  it('normalizes what it accepts: upper case, no spaces', () => {
    expect(checkTrackingNo('SF', ' sf1234 5678 90123 ')).toEqual({ ok: true, normalized: 'SF1234567890123' });
  });

  it('refuses an empty number with its own code', () => {
    expect(checkTrackingNo('SF', '   ')).toEqual({ ok: false, code: 'TRACKING_EMPTY', example: 'SF1234567890123' });
  });

  it('refuses an unknown carrier', () => {
    expect(checkTrackingNo('DHL', '1234567890')).toEqual({ ok: false, code: 'UNKNOWN_CARRIER', example: null });
  });
});

describe('normalizeTrackingNo', () => {
  it('turns full-width IME input into ASCII', () => {
    expect(normalizeTrackingNo('ＳＦ１２３４　５６７８９０１２３')).toBe('SF1234567890123');
  });
});

describe('isValidS10', () => {
  it('checks the UPU check digit, including the 10 → 0 and 11 → 5 cases', () => {
    expect(isValidS10('EA123456785CN')).toBe(true);
    expect(isValidS10('EA123456784CN')).toBe(false);
    expect(isValidS10('RR000000005CN')).toBe(true); // sum 0 → 11 → 5
    expect(isValidS10('RR000040000CN')).toBe(true); // sum 12 → 10 → 0
  });
});

describe('guessCarriers: which carrier a scanned number belongs to', () => {
  it('names the one carrier a prefixed number can belong to', () => {
    expect(guessCarriers('SF1234567890123')).toEqual(['SF']);
    expect(guessCarriers('JT0001234567890')).toEqual(['JT']);
    expect(guessCarriers('yt1234567890123')).toEqual(['YTO']);
    expect(guessCarriers('JDVA12345678901')).toEqual(['JD']);
  });

  it('offers every carrier whose format fits a bare number', () => {
    expect(guessCarriers('773123456789012')).toEqual(['ZTO', 'STO']);
    expect(guessCarriers('9812345678901')).toEqual(['YUNDA', 'EMS', 'CHINA_POST']);
  });

  it('never guesses the catch-all OTHER', () => {
    expect(guessCarriers('ABC-123456')).toEqual([]);
    expect(guessCarriers('')).toEqual([]);
  });
});
