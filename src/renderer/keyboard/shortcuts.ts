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
  groups: Array<{ id: number; title: string; shortcuts: Shortcut[] }>;
}
export const useShortcutRegistry = create<Registry>(() => ({ groups: [] }));

let nextId = 0;

export const isTypingTarget = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Binds keys while the component is mounted and `enabled`. The latest group mounted wins a key, so
 * a dialog's Esc shadows the list's. Modifier chords are left to the browser and the OS.
 */
export function useShortcuts(title: string, shortcuts: Shortcut[], enabled = true): void {
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
    useShortcutRegistry.setState((r) => ({ groups: [...r.groups, { id, title, shortcuts: proxies }] }));
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const groups = useShortcutRegistry.getState().groups;
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
  }, [title, signature, enabled]);
}
