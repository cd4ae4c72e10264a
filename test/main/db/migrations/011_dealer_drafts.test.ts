import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, migratedTo, tablesOf } from './schema';

describe('migration 011_dealer_drafts', () => {
  const db = migratedTo(11);

  it('adds the dealer’s local drafts', () => {
    expect(tablesOf(db)).toContain('dealer_drafts');
    expect(columnsOf(db, 'dealer_drafts')).toEqual(['id', 'draft', 'order_no', 'saved_at']);
    expect(indexesOf(db, 'dealer_drafts')).toContain('dealer_drafts_saved');
  });

  it('refuses a draft that is not JSON', () => {
    expect(() => db.prepare(`INSERT INTO dealer_drafts VALUES ('d1', 'not json', NULL, 1)`).run()).toThrow(/CHECK/);
  });
});
