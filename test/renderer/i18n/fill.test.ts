import { describe, expect, it } from 'vitest';
import { fill } from '../../../src/renderer/i18n/fill';
import { en } from '../../../src/renderer/i18n/en';

describe('fill: placeholders and English counts', () => {
  it('says 1 exception and 2 exceptions, never 1 exceptions', () => {
    expect(fill(en.sync.exceptions, { n: 1 })).toBe('1 exception');
    expect(fill(en.sync.exceptions, { n: 2 })).toBe('2 exceptions');
    expect(fill(en.sync.exceptions, { n: 0 })).toBe('0 exceptions');
  });

  it('chooses each word by its own count', () => {
    expect(fill('{shown} of {total} {total:order|orders}', { shown: 1, total: 1 })).toBe('1 of 1 order');
    expect(fill('{a} {a:is|are}; {b} {b:is|are}', { a: 1, b: 3 })).toBe('1 is; 3 are');
  });

  it('keeps an unknown placeholder visible', () => {
    expect(fill('{n} {n:order|orders} of {who}', { n: 2 })).toBe('2 orders of {who}');
  });
});
