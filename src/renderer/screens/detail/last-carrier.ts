import { carrierByCode } from '../../../shared/domain/carriers';

const KEY = 'order-desk-last-carrier';

/** A desk ships with one or two carriers all day: the dialog starts with the last one used. */
export function lastCarrier(): string {
  const saved = localStorage.getItem(KEY);
  return saved && carrierByCode(saved) ? saved : 'SF';
}

export function rememberCarrier(code: string): void {
  localStorage.setItem(KEY, code);
}
