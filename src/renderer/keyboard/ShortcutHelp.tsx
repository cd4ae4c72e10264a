import { useState } from 'react';
import { useMessages } from '../i18n';
import { useShortcuts, useShortcutRegistry } from './shortcuts';
import './shortcut-help.css';

/** How a key reads on a keycap. */
const keyLabel = (key: string): string => ({ Escape: 'Esc', ' ': 'Space' })[key] ?? key;

/**
 * `?` anywhere lists every shortcut that works right now, straight from the registry: the list,
 * the opened order, a dialog, each as its own group, so the overlay can never show a dead key.
 */
export function ShortcutHelp() {
  const t = useMessages().print.keys;
  const [open, setOpen] = useState(false);
  const groups = useShortcutRegistry((r) => r.groups);
  useShortcuts(t.global, [{ keys: ['?'], description: t.help, run: () => setOpen((o) => !o) }]);
  useShortcuts(t.title, [{ keys: ['Escape'], description: t.close, inFields: true, run: () => setOpen(false) }], open);
  if (!open) return null;
  return (
    <div className="shortcut-help-backdrop" onClick={() => setOpen(false)}>
      <div
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-label={t.title}
        data-testid="shortcut-help"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>{t.title}</h2>
        {groups.map((group) => (
          <section key={group.id}>
            <h3>{group.title}</h3>
            <dl>
              {group.shortcuts.map((s) => (
                <div key={s.keys.join()} className="shortcut-row">
                  <dt>
                    {s.keys.map((k) => (
                      <kbd key={k}>{keyLabel(k)}</kbd>
                    ))}
                  </dt>
                  <dd>{s.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="shortcut-scan">{t.scan}</p>
        <button type="button" onClick={() => setOpen(false)}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
