import type { InvoiceRecord } from '../contract/records';
import type { OrderKind, OrderSource } from '../domain/vocabulary';
import type { Random } from './random';

const COMPANIES = [
  ['上海云启信息科技有限公司', '310115'],
  ['杭州青禾贸易有限公司', '330106'],
  ['广州明锐电子商务有限公司', '440106'],
  ['北京恒信企业管理咨询有限公司', '110105'],
  ['南京拓远建材有限公司', '320102'],
  ['成都蓉城餐饮管理有限公司', '510107'],
  ['深圳前海智联科技有限公司', '440305'],
  ['武汉楚天物流有限公司', '420103'],
] as const;

/** Unified social credit code shape: 91 + region + 10 characters (no I, O, S, V, Z). */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function makeInvoice(
  rng: Random,
  { kind, source, buyerName }: { kind: OrderKind; source: OrderSource; buyerName: string },
): InvoiceRecord | null {
  const dealer = source === 'DEALER';
  if (!rng.chance(dealer ? 0.6 : kind === 'VIRTUAL' ? 0.08 : 0.2)) return null;
  const company = dealer || rng.chance(0.3);
  const content = rng.chance(0.8) ? '商品明细' : '商品类别';
  if (!company) {
    const paper = rng.chance(0.15);
    return {
      type: paper ? 'PAPER_NORMAL' : 'ELECTRONIC_NORMAL',
      titleType: 'PERSONAL',
      title: buyerName || '个人',
      taxNo: '',
      content,
    };
  }
  const [title, region] = rng.pick(COMPANIES);
  let taxNo = `91${region}`;
  for (let i = 0; i < 10; i++) taxNo += CODE_CHARS[rng.int(0, CODE_CHARS.length - 1)];
  return {
    type: dealer && rng.chance(0.5) ? 'VAT_SPECIAL' : 'ELECTRONIC_NORMAL',
    titleType: 'COMPANY',
    title,
    taxNo,
    content,
  };
}
