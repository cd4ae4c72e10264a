import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { allPages, orderNosOf, storeWith } from '../../fixtures/db';
import { anOrder, demoOrders, shipped } from '../../fixtures/orders';
import { ADMIN, deskOf } from '../../fixtures/scopes';

const receiver = (name: string, phone: string): OrderRecord['receiver'] => ({
  name,
  phone,
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路90号东部软件园2号楼',
  postcode: '310000',
});

const zhangSan = anOrder({ receiver: receiver('张三', '13912345678') });
const zhangSanfeng = anOrder({ receiver: receiver('张三丰', '18600001234') });
const liSi = shipped(anOrder({ receiver: receiver('李四', '13587654321') }), {
  carrier: 'YTO',
  trackingNo: 'YT8800442266771',
});
const wangWu = shipped(anOrder({ receiver: receiver('王五', '15011112222'), warehouseId: 'WH-GZ' }), {
  carrier: 'ZTO',
  trackingNo: '78531902468135',
});
const tricky = anOrder({ receiver: receiver('O"Neil (AND) *', '17700000000') });
const fromTaobao = anOrder({
  receiver: receiver('赵六', '19900001111'),
  source: 'EXTERNAL',
  platform: 'TMALL',
  external: {
    shopId: 'SHOP-TB',
    shopName: '官方旗舰店（天猫）',
    channel: 'TAOBAO',
    externalOrderNo: '3620118837765401',
    platformStatus: 'WAIT_SELLER_SEND_GOODS',
  },
});
const db = storeWith([...demoOrders(600), zhangSan, zhangSanfeng, liSi, wangWu, tricky, fromTaobao]);
const search = (text: string) => orderNosOf(db, ADMIN, { filter: { text } });

describe('free-text search in the order list', () => {
  it('finds an order by a fragment of its tracking number', () => {
    expect(search('00442266')).toEqual([liSi.orderNo]);
    expect(search('yt8800')).toEqual([liSi.orderNo]);
    expect(search('3190246')).toEqual([wangWu.orderNo]);
  });

  it('finds an order from a shop by the platform’s order number, whole or by its start', () => {
    expect(search('3620118837765401')).toEqual([fromTaobao.orderNo]);
    expect(search('362011883')).toEqual([fromTaobao.orderNo]);
  });

  it('finds a receiver by a two-character name (张三 is a whole name)', () => {
    expect(search('张三').sort()).toEqual([zhangSan.orderNo, zhangSanfeng.orderNo].sort());
  });

  it('finds a receiver by a three-character name, anywhere in it', () => {
    expect(search('张三丰')).toEqual([zhangSanfeng.orderNo]);
  });

  it('finds a receiver by a fragment of the phone number, such as its last four digits', () => {
    expect(search('87654321')).toEqual([liSi.orderNo]);
    expect(search('1234')).toEqual(expect.arrayContaining([zhangSan.orderNo, zhangSanfeng.orderNo]));
    expect(search('2345678')).toEqual([zhangSan.orderNo]);
  });

  it('treats one or two digits as the start of a phone number', () => {
    const found = search('15');
    expect(found).toContain(wangWu.orderNo);
    expect(found.every((no) => page_phone(no).startsWith('15'))).toBe(true);
  });

  it('finds an order by its whole number, by its beginning, and in lower case', () => {
    expect(search(liSi.orderNo)).toEqual([liSi.orderNo]);
    expect(search(liSi.parentNo)).toEqual([liSi.orderNo]);
    expect(search(liSi.orderNo.toLowerCase())).toEqual([liSi.orderNo]);
  });

  it('understands full-width digits and letters typed with a Chinese IME', () => {
    expect(search('ＹＴ８８００４')).toEqual([liSi.orderNo]);
    expect(search('１３５８７')).toEqual([liSi.orderNo]);
  });

  it('takes quotes, brackets and search operators literally instead of failing', () => {
    expect(search('O"Neil (AND) *')).toEqual([tricky.orderNo]);
    for (const text of ['"', '*', 'AND', 'NOT x', '(', ')', "'", '%', '_', 'a:b', '-1', '\\']) {
      expect(() => search(text)).not.toThrow();
    }
    expect(search('%')).toEqual([]);
  });

  it("searches only inside the caller's scope", () => {
    expect(orderNosOf(db, deskOf('WH-SH'), { filter: { text: '78531902' } })).toEqual([]);
    expect(orderNosOf(db, deskOf('WH-GZ'), { filter: { text: '78531902' } })).toEqual([wangWu.orderNo]);
  });
});

describe('free text that matches a great many orders', () => {
  // More than the 2,000 matches a page takes as a list of ids: the page walks the sort index instead.
  const crowd = demoOrders(2600, 11).map((o) => ({
    ...o,
    receiver: o.receiver && { ...o.receiver, name: '张伟', phone: `138${o.receiver.phone.slice(3)}` },
  }));
  const big = storeWith(crowd);
  // Newest first; orders of one checkout share a creation time and are then ordered by id, newest first.
  const expected = (keep: (o: OrderRecord) => boolean) =>
    crowd
      .map((o, index) => ({ o, index }))
      .filter(({ o }) => keep(o))
      .sort((a, b) => b.o.createdAt - a.o.createdAt || b.index - a.index)
      .map(({ o }) => o.orderNo);

  it('still pages through every match in order', () => {
    const found = allPages(big, ADMIN, { filter: { text: '138' }, limit: 400 });
    expect(found).toEqual(
      expected(
        (o) =>
          !!o.receiver?.phone.includes('138') ||
          o.orderNo.includes('138') ||
          o.waybills.some((w) => w.trackingNo.includes('138')),
      ),
    );
  });

  it('still pages through a broad two-character name', () => {
    const found = allPages(big, ADMIN, { filter: { text: '张伟' }, limit: 400 });
    expect(found).toEqual(expected((o) => o.receiver?.name === '张伟'));
  });
});

function page_phone(orderNo: string): string {
  const row = db.prepare('SELECT receiver_phone AS phone FROM orders WHERE order_no = ?').get(orderNo) as {
    phone: string;
  };
  return row.phone;
}
