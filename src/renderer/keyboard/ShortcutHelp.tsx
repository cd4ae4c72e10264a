import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n';
import { silencedByModal, useShortcuts, useShortcutRegistry } from './shortcuts';
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
  useShortcuts(t.title, [{ keys: ['Escape'], description: t.close, inFields: true, run: () => setOpen(false) }], open, {
    modal: true,
  });
  if (!open) return null;
  // What works once the overlay closes: its own group aside, keys behind a dialog are not listed.
  const others = groups.filter((g) => g.title !== t.title);
  const live = others.filter((g) => !silencedByModal(others, g.id));
  return (
    <Modal
      open
      title={t.title}
      // Esc is the registry's own (above), like every dialog's.
      keyboard={false}
      onCancel={() => setOpen(false)}
      modalRender={(node) => <div data-testid="shortcut-help">{node}</div>}
      footer={<Button onClick={() => setOpen(false)}>{t.close}</Button>}
      className="shortcut-help"
    >
      {live.map((group) => (
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
    </Modal>
  );
}
