import type { Widen } from '../widen';

/** A new store's first sync: how far it is, beside the sync status. */
export const firstSyncZhCN = {
  progress: '首次同步：已存 {done} / {total} 单',
  progressUnknown: '首次同步：已存 {done} 单',
  timeLeft: '约剩 {time}',
  seconds: '{n} 秒',
  minutes: '{n} 分钟',
};

export const firstSyncEn: Widen<typeof firstSyncZhCN> = {
  progress: 'First sync: {done} of {total} orders stored',
  progressUnknown: 'First sync: {done} orders stored',
  timeLeft: 'about {time} left',
  seconds: '{n} s',
  minutes: '{n} min',
};
