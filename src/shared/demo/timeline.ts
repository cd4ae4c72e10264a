import type { TimelineRecord } from '../contract/records';

/**
 * An order's history while it is being made up. Entries arrive per concern (payment, shipping,
 * after-sales) and are put in time order at the end; equal times keep their arrival order.
 */
export class Timeline {
  private readonly entries: TimelineRecord[] = [];

  add(at: number, actor: string, device: string, action: string, detail: string): void {
    this.entries.push({ at, actor, device, action, detail });
  }

  get last(): number {
    return this.entries.reduce((max, e) => Math.max(max, e.at), 0);
  }

  sorted(): TimelineRecord[] {
    return [...this.entries].sort((a, b) => a.at - b.at);
  }
}

/** Staff of the demo company as they appear in timelines. */
export const STAFF = {
  service: ['cs:li.na', 'cs:wang.lei', 'cs:zhao.min'],
  finance: ['finance:chen.yu', 'finance:sun.li'],
  warehouse: {
    'WH-SH': ['zhang.wei', 'liu.qiang'],
    'WH-GZ': ['huang.jie', 'lin.feng'],
    'WH-BJ': ['zhao.lei', 'ma.jun'],
  },
} as const;

/**
 * The names of the demo company's staff whose work the seeded history records (warehouse desks,
 * customer service, finance, store clerks): they have no accounts, but people read their names.
 */
export const STAFF_NAMES: Readonly<Record<string, string>> = {
  'zhang.wei': '张伟',
  'liu.qiang': '刘强',
  'huang.jie': '黄杰',
  'lin.feng': '林峰',
  'zhao.lei': '赵磊',
  'ma.jun': '马骏',
  'li.na': '李娜',
  'wang.lei': '王磊',
  'zhao.min': '赵敏',
  'chen.yu': '陈宇',
  'sun.li': '孙丽',
  zhangli: '张莉',
  wangfang: '王芳',
  chenjing: '陈静',
  liuyang: '刘洋',
  zhoumin: '周敏',
  sunhao: '孙浩',
  hujie: '胡杰',
  gaolei: '高磊',
};
