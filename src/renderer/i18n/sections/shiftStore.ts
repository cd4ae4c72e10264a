import type { Widen } from '../widen';

/** A supervisor's store-wide shift list: where its rows come from, and the undone state. */
export const shiftStoreZhCN = {
  titleStores: '全店今日核销',
  stores: '含所辖门店全部核销（订单服务）及本机待同步记录',
  deskOnly: '暂时无法读取全店记录（{reason}），仅显示本机记录',
  undone: '已撤销',
  /** Why the service's list could not be read (ServiceFailure kinds); a refusal shows its code. */
  failure: {
    OFFLINE: '离线',
    TIMEOUT: '订单服务无响应',
    SERVER_ERROR: '订单服务出错',
    BAD_RESPONSE: '订单服务应答无法识别',
  } as Record<string, string>,
};

export const shiftStoreEn: Widen<typeof shiftStoreZhCN> = {
  titleStores: 'Today’s redemptions, all stores',
  stores: 'Every redemption of your stores (order service) and this desk’s not yet synced ones',
  deskOnly: 'The stores’ list cannot be read right now ({reason}); showing this desk’s only',
  undone: 'Undone',
  failure: {
    OFFLINE: 'offline',
    TIMEOUT: 'the order service does not answer',
    SERVER_ERROR: 'the order service failed',
    BAD_RESPONSE: 'unreadable answer from the order service',
  },
};
