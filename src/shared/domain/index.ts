/** The order domain's public API: pure functions and tables, no I/O. */
export * from './vocabulary';
export * from './result';
export * from './money';
export * from './allocation';
export * from './promotions';
export * from './amounts';
export * from './refund-amount';
export * from './order-number';
export * from './redemption-code';
export * from './carriers';
export * from './timers';
export * from './rights';
export * from './split';
export * from './line-request';
export * from './order-machine';
export * from './after-sale-machine';
export * from './action-availability';
