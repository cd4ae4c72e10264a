import { useEffect, useLayoutEffect, useRef } from 'react';
import { create } from 'zustand';

/**
 * Single-key shortcuts (j, k, /, Enter, s, Esc, ?) for the screen in front. A component declares
 * what its keys do with `useShortcuts`; the registry is what the help overlay lists, so a key
 * shown there always exists and a key that exists is always shown.
 */
export interface Shortcut {
  /** KeyboardEvent.key values, e.g. ['j'] or ['Enter']. */
  keys: string[];
  /** Already translated: the help overlay shows it as is. */
  description: string;
  run(event: KeyboardEvent): void;
  /** Also fires while typing in a field (Esc leaves a field; letters never do). */
  inFields?: boolean;
}

interface Registry {
  /** In mount order. A modal group (a dialog, an overlay) silences every group mounted before it. */
  groups: Array<{ id: number; title: string; shortcuts: Shortcut[]; modal: boolean }>;
}
export const useShortcutRegistry = create<Registry>(() => ({ groups: [] }));

let nextId = 0;

/** Keys behind an open dialog or overlay must not act on the screen the user cannot see. */
export function silencedByModal(groups: Registry['groups'], id: number): boolean {
  const mine = groups.findIndex((g) => g.id === id);
  return groups.some((g, i) => g.modal && i > mine);
}

export const isTypingTarget = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Binds keys while the component is mounted and `enabled`. The latest group mounted wins a key, so
 * a dialog's Esc shadows the list's. Modifier chords are left to the browser and the OS.
 */
export function useShortcuts(
  title: string,
  shortcuts: Shortcut[],
  enabled = true,
  { modal = false }: { modal?: boolean } = {},
): void {
  const latest = useRef(shortcuts);
  useLayoutEffect(() => {
    latest.current = shortcuts;
  });
  const signature = shortcuts.map((s) => `${s.keys.join('+')}:${s.description}`).join('|');

  useEffect(() => {
    if (!enabled) return;
    const id = nextId++;
    const proxies: Shortcut[] = latest.current.map((s, i) => ({
      ...s,
      run: (event) => latest.current[i]?.run(event),
    }));
    useShortcutRegistry.setState((r) => ({ groups: [...r.groups, { id, title, shortcuts: proxies, modal }] }));
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const groups = useShortcutRegistry.getState().groups;
      if (silencedByModal(groups, id)) return;
      const owner = [...groups].reverse().find((g) => g.shortcuts.some((s) => s.keys.includes(event.key)));
      if (owner?.id !== id) return;
      const shortcut = proxies.find((s) => s.keys.includes(event.key));
      if (!shortcut || (isTypingTarget(event.target) && !shortcut.inFields)) return;
      event.preventDefault();
      shortcut.run(event);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      useShortcutRegistry.setState((r) => ({ groups: r.groups.filter((g) => g.id !== id) }));
    };
    // The signature changes when the keys or their descriptions do; handlers are read through the ref.
  }, [title, signature, enabled, modal]);
}
