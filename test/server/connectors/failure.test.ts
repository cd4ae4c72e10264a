import { describe, expect, it } from 'vitest';
import { parseObject, quoteLongIntegers } from '../../../src/server/connectors/failure';

describe('reading platform answers', () => {
  it('keeps 19-digit trade numbers exact and leaves strings and ordinary numbers alone', () => {
    const text = '{"tid":4201234567890123456,"num":2,"price":"12.50","note":"tid:4201234567890123456,","x":-1.5e3}';
    expect(quoteLongIntegers(text)).toBe(
      '{"tid":"4201234567890123456","num":2,"price":"12.50","note":"tid:4201234567890123456,","x":-1.5e3}',
    );
    expect(parseObject(text)).toEqual({
      ok: true,
      value: { tid: '4201234567890123456', num: 2, price: '12.50', note: 'tid:4201234567890123456,', x: -1500 },
    });
  });

  it('turns a truncated answer into a retryable failure', () => {
    expect(parseObject('{"trades_sold_incr')).toMatchObject({
      ok: false,
      failure: { kind: 'transient', code: 'BAD_RESPONSE' },
    });
    expect(parseObject('[1,2]')).toMatchObject({ ok: false, failure: { code: 'BAD_RESPONSE' } });
  });
});
