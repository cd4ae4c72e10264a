import { LIST_COLUMNS, type ListColumn } from '../../../shared/contract/list-columns';

const keyOf = (username: string) => `order-desk-columns:${username}`;

/**
 * The columns a user last chose in the column chooser, kept on this machine per user, so the list
 * opens as they left it (a default saved view still wins). Null when none, or unreadable.
 */
export function rememberedColumns(username: string): ListColumn[] | null {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(keyOf(username)) ?? 'null');
    if (!Array.isArray(saved)) return null;
    // Only columns this version knows: a column dropped by an update must not break the list.
    const known = saved.filter((c): c is ListColumn => (LIST_COLUMNS as readonly unknown[]).includes(c));
    return known.length ? [...new Set(known)] : null;
  } catch {
    return null;
  }
}

export function rememberColumns(username: string, columns: readonly ListColumn[]): void {
  localStorage.setItem(keyOf(username), JSON.stringify(columns));
}
