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
