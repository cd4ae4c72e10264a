/** The order queries main's services use: list, status counts, detail. */
export { listOrders, type OrderListQuery } from './query/list';
export { countByStatus } from './query/counts';
export { getOrderDetail } from './query/detail';
export { DbInputError, type DbInputErrorCode } from './query/errors';
