import { useState } from 'react';
import { island } from '../app/island';
import { useMessages } from '../i18n';
import { useShortcuts } from './shortcuts';

// The overlay loads the first time it is asked for.
const ShortcutList = island(() => import('./ShortcutList'), 'ShortcutList');

/**
 * `?` anywhere lists every shortcut that works right now, straight from the registry: the list,
 * the opened order, a dialog, each as its own group, so the overlay can never show a dead key.
 */
export function ShortcutHelp() {
  const t = useMessages().print.keys;
  const [open, setOpen] = useState(false);
  useShortcuts(t.global, [{ keys: ['?'], description: t.help, run: () => setOpen((o) => !o) }]);
  useShortcuts(t.title, [{ keys: ['Escape'], description: t.close, inFields: true, run: () => setOpen(false) }], open, {
    modal: true,
  });
  if (!open) return null;
  return <ShortcutList onClose={() => setOpen(false)} />;
}
