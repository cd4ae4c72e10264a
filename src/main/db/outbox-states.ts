/**
 * Life of an outbox row: queued → sending → applied | duplicate | rejected; a person may dismiss a
 * rejected one from the exceptions inbox. Only queued and sending count as "pending sync".
 */
export const OUTBOX_STATES = ['queued', 'sending', 'applied', 'duplicate', 'rejected', 'dismissed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const PENDING_OUTBOX_STATES = ['queued', 'sending'] as const satisfies readonly OutboxState[];
