import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvRow, neutraliseCell } from '../../../src/shared/files/csv';

describe('a spreadsheet opens what the desk exports as text, never as a formula', () => {
  it('makes a receiver named =HYPERLINK("x","y") inert', () => {
    expect(neutraliseCell('=HYPERLINK("x","y")')).toBe(`'=HYPERLINK("x","y")`);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it('neutralises every character a spreadsheet starts a formula or a DDE call with', () => {
    for (const text of [
      '=1+1',
      '+1+1',
      '-1+cmd|"/c calc"!A0',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
    ]) {
      expect(neutraliseCell(text).startsWith("'"), JSON.stringify(text)).toBe(true);
    }
    // Leading blanks do not hide a formula from a spreadsheet that trims them.
    expect(neutraliseCell('  =1+1')).toBe("'  =1+1");
  });

  it('leaves ordinary text, numbers and amounts as they are', () => {
    for (const text of ['张伟', 'M250601000100000101', '59.00', '-12.50', '-3', '13812345678', '', 'a=b', 'x@y.com']) {
      expect(neutraliseCell(text)).toBe(text);
    }
    expect(csvCell(1250)).toBe('1250');
    expect(csvCell(null)).toBe('');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('上海市, 浦东新区')).toBe('"上海市, 浦东新区"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
  });

  it('writes rows ending in CRLF and a document starting with the BOM Excel needs for Chinese', () => {
    expect(csvRow(['订单号', '=1+1', 3])).toBe("订单号,'=1+1,3\r\n");
    const text = csvDocument(['收货人'], [['=HYPERLINK("x","y")'], ['张伟']]);
    expect(text).toBe('\uFEFF收货人\r\n"\'=HYPERLINK(""x"",""y"")"\r\n张伟\r\n');
  });
});
