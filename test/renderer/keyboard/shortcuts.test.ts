import { describe, expect, it } from 'vitest';
import { silencedByModal } from '../../../src/renderer/keyboard/shortcuts';

const group = (id: number, modal = false) => ({ id, title: `g${id}`, shortcuts: [], modal });

describe('shortcut groups behind a dialog', () => {
  it('silences the list and the detail while the ship dialog is open, never the dialog itself', () => {
    const groups = [group(1), group(2), group(3, true)];
    expect(silencedByModal(groups, 1)).toBe(true);
    expect(silencedByModal(groups, 2)).toBe(true);
    expect(silencedByModal(groups, 3)).toBe(false);
  });

  it('lets every group act when no dialog is open', () => {
    const groups = [group(1), group(2)];
    expect(groups.map((g) => silencedByModal(groups, g.id))).toEqual([false, false]);
  });

  it('keeps a group mounted after the dialog (the dialog’s own nested keys) alive', () => {
    const groups = [group(1), group(2, true), group(3)];
    expect(groups.map((g) => silencedByModal(groups, g.id))).toEqual([true, false, false]);
  });
});
