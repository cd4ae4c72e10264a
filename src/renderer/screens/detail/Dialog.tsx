import { Alert, Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useShortcuts } from '../../keyboard/shortcuts';
import { useMessages } from '../../i18n';

interface Props {
  title: string;
  testId: string;
  confirmLabel: string;
  busy: boolean;
  /** Already translated. */
  error: string | null;
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
  /** Wider for dialogs with tables (the ship dialog's parcels). */
  width?: number;
}

/**
 * A dialog over the detail (an Ant Modal): Esc closes it and Enter confirms it from any field, so a
 * scanner's trailing Enter ships. Both keys are the shortcut registry's (the `?` overlay lists them
 * and the keys of the screens behind stay silent). A focused button keeps its own Enter (it is
 * being pressed, not confirmed), and a text area its new line.
 */
export function Dialog({ title, testId, confirmLabel, busy, error, onConfirm, onClose, children, width }: Props) {
  const m = useMessages();
  useShortcuts(
    title,
    [
      { keys: ['Escape'], description: m.detail.cancel, inFields: true, run: onClose },
      {
        keys: ['Enter'],
        description: confirmLabel,
        inFields: true,
        run: (event) => {
          if (event.target instanceof HTMLButtonElement) event.target.click();
          else if (event.target instanceof HTMLTextAreaElement) insertNewline(event.target);
          else if (!busy) onConfirm();
        },
      },
    ],
    true,
    { modal: true },
  );
  return (
    <Modal
      open
      title={title}
      width={width}
      keyboard={false}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(node) => <div data-testid={testId}>{node}</div>}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {m.detail.cancel}
        </Button>,
        <Button key="confirm" type="primary" loading={busy} onClick={() => !busy && onConfirm()}>
          {confirmLabel}
        </Button>,
      ]}
    >
      {children}
      {error && <Alert className="form-error" type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}

/** The shortcut took the key from the text area; give it the line break it was typed for. */
function insertNewline(area: HTMLTextAreaElement) {
  area.setRangeText('\n', area.selectionStart, area.selectionEnd, 'end');
  area.dispatchEvent(new Event('input', { bubbles: true }));
}
