import { randomUUID } from 'node:crypto';
import { dealerDraft, type DealerDraftInput, type DealerDraftRow } from '../../shared/contract/api';
import type { Db } from '../db/connection';

/** Drafts live in the user's own store: they survive restarts and stay until submitted or deleted. */
export function listDrafts(db: Db): DealerDraftRow[] {
  const rows = db
    .prepare('SELECT id, draft, order_no AS orderNo, saved_at AS savedAt FROM dealer_drafts ORDER BY saved_at DESC, id')
    .all() as Array<{ id: string; draft: string; orderNo: string | null; savedAt: number }>;
  return rows.flatMap((row) => {
    const parsed = dealerDraft.safeParse(JSON.parse(row.draft));
    return parsed.success ? [{ id: row.id, draft: parsed.data, orderNo: row.orderNo, savedAt: row.savedAt }] : [];
  });
}

export function saveDraft(
  db: Db,
  {
    id = randomUUID(),
    draft,
    orderNo = null,
    now,
  }: { id?: string; draft: DealerDraftInput; orderNo?: string | null; now: number },
): string {
  db.prepare('INSERT OR REPLACE INTO dealer_drafts (id, draft, order_no, saved_at) VALUES (?, ?, ?, ?)').run(
    id,
    JSON.stringify(draft),
    orderNo,
    now,
  );
  return id;
}

export function deleteDraft(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM dealer_drafts WHERE id = ?').run(id).changes > 0;
}
