import { randomUUID } from 'node:crypto';
import { viewSettings, type SavedView, type ViewSettings } from '../../shared/contract/views';
import type { Db } from '../db/connection';

interface ViewRow {
  id: string;
  name: string;
  settings: string;
  isDefault: number;
  savedAt: number;
}

/**
 * The user's saved views, by name. A view saved by an older build whose settings no longer
 * parse (a column since removed) is left out rather than breaking the list.
 */
export function listViews(db: Db): SavedView[] {
  const rows = db
    .prepare('SELECT id, name, settings, is_default AS isDefault, saved_at AS savedAt FROM saved_views ORDER BY name')
    .all() as ViewRow[];
  return rows.flatMap((row) => {
    const settings = viewSettings.safeParse(JSON.parse(row.settings));
    return settings.success ? [{ ...settings.data, ...identity(row) }] : [];
  });
}

const identity = ({ id, name, isDefault, savedAt }: ViewRow) => ({ id, name, isDefault: isDefault === 1, savedAt });

/** Saves under `name`, replacing a view of that name; made the default, it takes over from the old one. */
export function saveView(
  db: Db,
  { name, isDefault, now, ...settings }: ViewSettings & { name: string; isDefault: boolean; now: number },
): SavedView {
  return db.transaction(() => {
    const existing = db.prepare('SELECT id FROM saved_views WHERE name = ?').pluck().get(name) as string | undefined;
    const id = existing ?? randomUUID();
    if (isDefault) db.prepare('UPDATE saved_views SET is_default = 0 WHERE is_default = 1').run();
    db.prepare(
      `INSERT INTO saved_views (id, name, settings, is_default, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, is_default = excluded.is_default, saved_at = excluded.saved_at`,
    ).run(id, name, JSON.stringify(settings), isDefault ? 1 : 0, now);
    return { ...settings, id, name, isDefault, savedAt: now };
  })();
}

export function deleteView(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes > 0;
}

/** Makes `id` the default view, or none when null; false when there is no such view. */
export function setDefaultView(db: Db, id: string | null): boolean {
  return db.transaction(() => {
    if (id !== null && !db.prepare('SELECT 1 FROM saved_views WHERE id = ?').get(id)) return false;
    db.prepare('UPDATE saved_views SET is_default = 0 WHERE is_default = 1').run();
    if (id !== null) db.prepare('UPDATE saved_views SET is_default = 1 WHERE id = ?').run(id);
    return true;
  })();
}
