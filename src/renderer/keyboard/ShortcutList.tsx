import { Button, Modal } from 'antd';
import { useMessages } from '../i18n';
import { silencedByModal, useShortcutRegistry } from './shortcuts';
import './shortcut-help.css';

/** How a key reads on a keycap. */
const keyLabel = (key: string): string => ({ Escape: 'Esc', ' ': 'Space' })[key] ?? key;

/** The overlay itself: every group of live keys, as the registry holds them now. */
export function ShortcutList({ onClose }: { onClose(): void }) {
  const t = useMessages().print.keys;
  const groups = useShortcutRegistry((r) => r.groups);
  // What works once the overlay closes: its own group aside, keys behind a dialog are not listed.
  const others = groups.filter((g) => g.title !== t.title);
  const live = others.filter((g) => !silencedByModal(others, g.id));
  return (
    <Modal
      open
      title={t.title}
      // Esc is the registry's own (above), like every dialog's.
      keyboard={false}
      onCancel={() => onClose()}
      modalRender={(node) => <div data-testid="shortcut-help">{node}</div>}
      footer={<Button onClick={() => onClose()}>{t.close}</Button>}
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
