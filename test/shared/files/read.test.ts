import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readTable, type Table } from '../../../src/shared/files/read';
import { openXlsxFile, xlsxBytes, type XlsxColumn } from '../../../src/shared/files/xlsx';
import { encodeGb18030 } from '../../support/gb18030';

const REPORT =
  '订单编号,买家会员名,收货人姓名,联系手机,买家实际支付金额\r\n4201234567890123456,tb_小王,张三,13800138000,"1,299.00"\r\n';

async function read(bytes: Uint8Array): Promise<Table> {
  const answer = await readTable(bytes);
  if (!answer.ok) throw new Error(answer.code);
  return answer.table;
}

const cells = (table: Table) => table.rows.map((r) => r.cells);

describe('reading a table a person picked', () => {
  it('reads UTF-8 with and without Excel’s BOM, and GBK as Chinese Excel saves CSV', async () => {
    const utf8 = new TextEncoder().encode(REPORT);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const gbk = encodeGb18030(REPORT);
    const expected = [
      ['订单编号', '买家会员名', '收货人姓名', '联系手机', '买家实际支付金额'],
      ['4201234567890123456', 'tb_小王', '张三', '13800138000', '1,299.00'],
    ];
    for (const [bytes, encoding] of [
      [utf8, 'utf-8'],
      [bom, 'utf-8-bom'],
      [gbk, 'gb18030'],
    ] as const) {
      const table = await read(bytes);
      expect(table).toMatchObject({ format: 'csv', encoding, sheet: null });
      expect(cells(table)).toEqual(expected);
    }
  });

  it('reads Excel’s UTF-16 “Unicode text” (tab separated)', () => {
    const text = '订单编号\t物流单号\r\n1\t2\r\n';
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('refuses an empty file and a broken workbook with a code, not a crash', async () => {
    expect(await readTable(new Uint8Array())).toEqual({ ok: false, code: 'FILE_EMPTY' });
    expect(await readTable(new TextEncoder().encode('\r\n ,\r\n'))).toEqual({ ok: false, code: 'FILE_EMPTY' });
    expect(await readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({
      ok: false,
      code: 'FILE_UNREADABLE',
    });
  });
});

describe('writing XLSX', () => {
  const columns: XlsxColumn[] = [
    { header: '订单号', kind: 'text' },
    { header: '物流单号', kind: 'text' },
    { header: '收货人电话', kind: 'text' },
    { header: '收货人', kind: 'text' },
    { header: '实付金额', kind: 'money' },
    { header: '件数', kind: 'integer' },
  ];
  const rows = [
    ['T2609211000000001', '773123456789012', '013800138000', '=HYPERLINK("http://evil","点我")', 129900, 2],
    ['T2609211000000002', 'SF1234567890123', '13900139000', '李四', 5, null],
  ];

  it('keeps tracking and phone numbers as text, money as yuan numbers, and neutralises formulas', async () => {
    const table = await read(await xlsxBytes('订单', columns, rows));
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, sheet: '订单' });
    expect(cells(table)).toEqual([
      ['订单号', '物流单号', '收货人电话', '收货人', '实付金额', '件数'],
      ['T2609211000000001', '773123456789012', '013800138000', `'=HYPERLINK("http://evil","点我")`, '1299', '2'],
      ['T2609211000000002', 'SF1234567890123', '13900139000', '李四', '0.05', ''],
    ]);
  });

  it('streams a large sheet to a file row by row and reads it back intact', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'orders.xlsx');
    const sheet = await openXlsxFile(file, '订单', columns);
    const many = Array.from({ length: 5000 }, (_, i) => [
      `T${i}`,
      `7731234${String(i).padStart(8, '0')}`,
      '',
      '',
      i,
      1,
    ]);
    for (let i = 0; i < many.length; i += 1000) sheet.add(many.slice(i, i + 1000));
    await sheet.close();
    const table = await read(new Uint8Array(readFileSync(file)));
    expect(table.rows).toHaveLength(5001);
    expect(table.rows[4000]!.cells.slice(0, 2)).toEqual(['T3999', '773123400003999']);
  });
});
