import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './fields';

/**
 * A mapping a person confirmed, kept per shop by the columns' titles (not their positions), so
 * the next export of the same report maps itself even when the platform moved a column.
 */
export type SavedMapping = Partial<Record<ImportField, string>>;

export function saveMapping(header: readonly string[], mapping: ColumnMapping): SavedMapping {
  const saved: SavedMapping = {};
  for (const field of IMPORT_FIELDS) {
    const index = mapping[field];
    if (index !== undefined && header[index] !== undefined) saved[field] = header[index];
  }
  return saved;
}

/** The saved mapping applied to this header; null when a title it names is gone from the file. */
export function restoreMapping(header: readonly string[], saved: SavedMapping): ColumnMapping | null {
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const title = saved[field];
    if (title === undefined) continue;
    const index = header.indexOf(title);
    if (index < 0) return null;
    mapping[field] = index;
  }
  return mapping;
}
