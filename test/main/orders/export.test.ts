import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderExportInput, OrderExportProgress } from '../../../src/shared/contract/list';
import { LIST_COLUMNS } from '../../../src/shared/contract/list';
import type { OrderListWindow } from '../../../src/shared/contract/orders';
import { startHttpBridge, type HttpBridge } from '../../../src/main/transport/http-bridge';
import { upsertOrders } from '../../../src/main/db/ingest';
import { cellText, readTable } from '../../../src/shared/files/read';
import { anOrder } from '../../fixtures/orders';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

const TOKEN = 'export-token-0123456789abcdef';
const headers = Object.fromEntries(LIST_COLUMNS.map((c) => [c, c])) as OrderExportInput['headers'];

describe('CSV export of the current filter, streamed by main and downloaded in browser mode', () => {
  let service: TestService;
  let desk: TestDesk;
  let bridge: HttpBridge;
  const base = () => `http://127.0.0.1:${bridge.port}`;

  // Seeding 2,500 orders and a desk's first sync of them: real work, seconds on a loaded machine.
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 2500 });
    desk = openTestDesk(service);
    await desk.signIn('admin');
    await desk.sync();
    bridge = await startHttpBridge({ app: desk.app, token: TOKEN, staticDir: null, port: 0 });
  }, 60_000);
  afterAll(async () => {
    await bridge?.close();
    await desk.dispose();
    await service.close();
  });

  /** Starts an export and waits for its last progress event. */
  async function exportAll(input: Omit<OrderExportInput, 'headers' | 'labels' | 'timeZone'>) {
    const events: OrderExportProgress[] = [];
    const finished = new Promise<OrderExportProgress>((resolve) => {
      const off = desk.app.events.subscribe((name, payload) => {
        if (name !== 'orders.exportProgress') return;
        const progress = payload as OrderExportProgress;
        events.push(progress);
        if (progress.done || progress.error) {
          off();
          resolve(progress);
        }
      });
    });
    const started = await desk.call('orders.export', {
      ...input,
      headers,
      labels: { 'status.PENDING_SHIPMENT': '待发货' },
      timeZone: 'Asia/Shanghai',
    });
    if (!started.ok) throw new Error(started.error.message);
    const last = await finished;
    return { started: started.value as { exportId: string; total: number }, last, events };
  }

  it('writes every order of a 待发货 + WeChat filter, in the list’s sort, and serves it as a download', async () => {
    const filter = { statuses: ['PENDING_SHIPMENT' as const], paymentChannels: ['WECHAT_PAY' as const] };
    const sort = { field: 'paidAt' as const, direction: 'asc' as const };
    const window = await desk.call('orders.window', { filter, sort, offset: 0, limit: 500 });
    if (!window.ok) throw new Error(window.error.message);
    const { total, rows } = window.value as OrderListWindow;
    expect(total).toBeGreaterThan(20);

    const { started, last } = await exportAll({ filter, sort, columns: ['orderNo', 'status', 'payable', 'paidAt'] });
    expect(started.total).toBe(total);
    expect(last).toMatchObject({ done: true, written: total, error: null });

    const response = await fetch(`${base()}/api/exports/${started.exportId}?token=${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('orderNo,status,payable,paidAt');
    expect(lines).toHaveLength(total + 1);
    const first = rows[0];
    if (!first?.paidAt) throw new Error('a paid order comes first');
    const paidAt = new Date(first.paidAt + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    expect(lines[1]).toBe(`${first.orderNo},待发货,${(first.payable / 100).toFixed(2)},${paidAt}`);
    // The same orders in the same order as the list shows them.
    expect(rows).toHaveLength(total);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(rows.map((r) => r.orderNo));
  });

  it('exports exactly the selected orders and reports progress on a larger export', async () => {
    const window = await desk.call('orders.window', { offset: 0, limit: 3 });
    if (!window.ok) throw new Error(window.error.message);
    const picked = (window.value as OrderListWindow).rows.map((r) => r.orderNo);
    const selected = await exportAll({ filter: { orderNos: picked }, columns: ['orderNo'] });
    expect(selected.last.written).toBe(3);

    const everything = await exportAll({ filter: {}, columns: ['orderNo', 'receiverName'] });
    expect(everything.started.total).toBe(2500);
    // A report after every chunk of 1,000 rows, then the finished file.
    expect(everything.events.map((e) => e.written)).toEqual([1000, 2000, 2500]);
    expect(everything.last.written).toBe(2500);
    expect(everything.events.at(-1)?.path).toMatch(/orders-.*\.csv$/);
  });

  it('writes a receiver named =HYPERLINK("x","y") as inert text, not a formula', async () => {
    const receiver = anOrder().receiver!;
    const planted = anOrder({ receiver: { ...receiver, name: '=HYPERLINK("x","y")' } });
    // Planted beside the desk's own writer thread, through a connection of the test's own.
    const db = new Database(join(desk.userDir(), 'orders.sqlite'));
    db.pragma('busy_timeout = 5000');
    upsertOrders(db, [planted]);
    db.close();
    const { started } = await exportAll({
      filter: { orderNos: [planted.orderNo] },
      columns: ['orderNo', 'receiverName'],
    });
    const response = await fetch(`${base()}/api/exports/${started.exportId}?token=${TOKEN}`);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[1]).toBe(`${planted.orderNo},"'=HYPERLINK(""x"",""y"")"`);
  });

  it('exports the same filter as an Excel workbook: tracking and phone numbers stay text, amounts are numbers', async () => {
    const filter = { statuses: ['PENDING_RECEIPT' as const] };
    const window = await desk.call('orders.window', { filter, offset: 0, limit: 500 });
    if (!window.ok) throw new Error(window.error.message);
    const { total, rows } = window.value as OrderListWindow;
    expect(rows.some((r) => r.trackingNos !== '')).toBe(true);
    const { started, last } = await exportAll({
      filter,
      format: 'xlsx',
      columns: ['orderNo', 'receiverPhone', 'payable', 'trackingNos'],
    });
    expect(last).toMatchObject({ done: true, written: total });
    expect(last.path).toMatch(/orders-.*\.xlsx$/);
    const response = await fetch(`${base()}/api/exports/${started.exportId}?token=${TOKEN}`);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const read = await readTable(new Uint8Array(await response.arrayBuffer()));
    if (!read.ok) throw new Error(read.code);
    const cells = read.table.rows.map((r) => r.cells);
    expect(cells[0]).toEqual(['orderNo', 'receiverPhone', 'payable', 'trackingNos']);
    expect(cells.slice(1)).toEqual(
      rows.map((r) => [r.orderNo, r.receiverPhone ?? '', cellText(r.payable / 100), r.trackingNos]),
    );
  });

  it('refuses bad input and changes nothing; the download needs the token and a known id', async () => {
    const bad = await desk.call('orders.export', {
      filter: {},
      columns: ['orderNo'],
      headers,
      labels: {},
      timeZone: 'Mars/Olympus',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const noColumns = await desk.call('orders.export', {
      filter: {},
      columns: [],
      headers,
      labels: {},
      timeZone: 'UTC',
    });
    expect(noColumns).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknownColumn = await desk.call('orders.export', {
      filter: {},
      columns: ['password'],
      headers,
      labels: {},
      timeZone: 'UTC',
    });
    expect(unknownColumn).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    const { started } = await exportAll({ filter: { statuses: ['COMPLETED'] }, columns: ['orderNo'] });
    expect((await fetch(`${base()}/api/exports/${started.exportId}`)).status).toBe(401);
    expect((await fetch(`${base()}/api/exports/${started.exportId}?token=wrong`)).status).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await fetch(`${base()}/api/exports/${unknown}?token=${TOKEN}`)).status).toBe(404);
    const withHeader = await fetch(`${base()}/api/exports/${started.exportId}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withHeader.status).toBe(200);
  });
});
