import type { Messages } from './zh-CN';

/**
 * A refusal code in words, wherever its text lives: the counter's codes, the order and after-sale
 * machines' reasons, the IPC error codes. Undefined when no table knows it, so callers can fall
 * back to the service's own message.
 */
export function refusalWords(m: Messages, code: string): string | undefined {
  const tables: Array<Record<string, string>> = [m.refusal, m.detail.reason, m.error];
  return tables.map((table) => table[code]).find((words) => words !== undefined);
}
