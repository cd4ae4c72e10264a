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
}

/**
 * A dialog over the detail: Esc closes it and Enter confirms it from any field, so a scanner's
 * trailing Enter ships. A focused button keeps its own Enter (it is being pressed, not confirmed),
 * and a text area its new line.
 */
export function Dialog({ title, testId, confirmLabel, busy, error, onConfirm, onClose, children }: Props) {
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
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onConfirm();
        }}
      >
        <h3>{title}</h3>
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <footer>
          <button type="button" onClick={onClose}>
            {m.detail.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {confirmLabel}
          </button>
        </footer>
      </form>
    </div>
  );
}

/** The shortcut took the key from the text area; give it the line break it was typed for. */
function insertNewline(area: HTMLTextAreaElement) {
  area.setRangeText('\n', area.selectionStart, area.selectionEnd, 'end');
  area.dispatchEvent(new Event('input', { bubbles: true }));
}
