import { describe, expect, it } from 'vitest';
import { splitCsv } from '../../../src/shared/files/read-csv';
import { carrierCodeOf, parseBatchCsv } from '../../../src/shared/shipping/batch-csv';

/** What a Shanghai packing station exports at the end of a shift (Excel, so with a BOM and CRLF). */
const SHIFT_EXPORT =
  '\uFEFF订单号,快递公司,运单号\r\n' +
  'M2503140001-1,SF,SF1234567890123\r\n' +
  'M2503140002-1,中通快递,75312345678901\r\n' +
  '"M2503140003-1","YTO","yt 1234567890123"\r\n';

describe('reading a batch-ship file', () => {
  it('reads an Excel export with BOM, header and CRLF line ends; names and codes both find a carrier', () => {
    expect(parseBatchCsv(SHIFT_EXPORT)).toEqual([
      { line: 2, orderNo: 'M2503140001-1', carrier: 'SF', trackingNo: 'SF1234567890123', error: null },
      { line: 3, orderNo: 'M2503140002-1', carrier: 'ZTO', trackingNo: '75312345678901', error: null },
      { line: 4, orderNo: 'M2503140003-1', carrier: 'YTO', trackingNo: 'YT1234567890123', error: null },
    ]);
  });

  it('takes a file without a header from its first line, and tab-separated paste from a spreadsheet', () => {
    const rows = parseBatchCsv('M2503140001-1\tsf\tSF1234567890123\nM2503140002-1\tJD\tJDVA12345678901\n');
    expect(rows.map((r) => [r.line, r.carrier, r.error])).toEqual([
      [1, 'SF', null],
      [2, 'JD', null],
    ]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(splitCsv('a,"b, ""c""\nd",e\nf,g,h').map((r) => r.fields)).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['f', 'g', 'h'],
    ]);
  });

  it('skips blank lines but keeps the line numbers a spreadsheet shows', () => {
    const rows = parseBatchCsv('订单号,快递公司,运单号\n\nM2503140001-1,SF,SF1234567890123\n,,\n');
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it('faults each bad row on its own with a stable code, and lets the good rows through', () => {
    const rows = parseBatchCsv(
      [
        'order no,carrier,tracking no',
        'M2503140001-1,SF,SF1234567890123',
        'M2503140002-1,FedEx,123456789012',
        'M2503140003-1,YTO,12345',
        'M2503140004-1,SF,',
        ',SF,SF1234567890124',
        'M2503140001-1,SF,SF1234567890125',
        'M2503140006-1,SF,sf1234567890123',
        'M2503140007-1,顺丰速运,SF1234567890126',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.orderNo, r.error])).toEqual([
      ['M2503140001-1', null],
      ['M2503140002-1', 'UNKNOWN_CARRIER'],
      ['M2503140003-1', 'TRACKING_FORMAT'],
      ['M2503140004-1', 'TRACKING_EMPTY'],
      ['', 'MISSING_FIELD'],
      ['M2503140001-1', 'DUPLICATE_ORDER_IN_FILE'],
      ['M2503140006-1', 'DUPLICATE_TRACKING_IN_FILE'],
      ['M2503140007-1', null],
    ]);
  });

  it('knows carriers by code, Chinese name and English name, in any case', () => {
    expect(['SF', 'sf', '顺丰速运', 'sf express', ' EMS '].map(carrierCodeOf)).toEqual(['SF', 'SF', 'SF', 'SF', 'EMS']);
    expect(carrierCodeOf('DHL')).toBeNull();
  });

  it('reads an empty file as no rows', () => {
    expect(parseBatchCsv('\uFEFF')).toEqual([]);
    expect(parseBatchCsv('订单号,快递公司,运单号\n')).toEqual([]);
  });
});
