import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { FieldError } from '../../components/FieldError';
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

/** What a dialog's work answers: null when it went through, or the refusal in words to show. */
export type Answer = Promise<string | null>;

/**
 * A dialog's confirm: busy while `run` works, then its refusal shown in the dialog, or `onDone`
 * (usually closing it) when it went through. `setError` shows a problem found before anything ran.
 */
export function useSubmit<T>(run: (value: T) => Answer, onDone?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (value: T) => {
    setBusy(true);
    const failure = await run(value);
    setBusy(false);
    setError(failure);
    if (failure === null) onDone?.();
  };
  return { busy, error, setError, submit };
}

/** A line of text a dialog cannot go without (a reason, a note): its value, and whether 必填 shows. */
export function useRequiredText() {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    text,
    missing,
    change(value: string) {
      setText(value);
      setMissing(false);
    },
    /** The text as typed, or null with 必填 shown beside the field when it is blank: nothing goes out. */
    take(): string | null {
      if (text.trim()) return text;
      setMissing(true);
      return null;
    },
  };
}

/** The field of a `useRequiredText`, focused first, with 必填 beside it when it was left blank. */
export function RequiredTextItem({
  id,
  label,
  field,
  maxLength,
  showCount,
}: {
  id: string;
  label: string;
  field: ReturnType<typeof useRequiredText>;
  maxLength: number;
  showCount?: boolean;
}) {
  const m = useMessages();
  return (
    <Form.Item
      label={label}
      required
      htmlFor={id}
      validateStatus={field.missing ? 'error' : undefined}
      help={field.missing ? <FieldError code="REQUIRED">{m.shell.required}</FieldError> : undefined}
    >
      <Input
        id={id}
        autoFocus
        value={field.text}
        maxLength={maxLength}
        showCount={showCount}
        onChange={(e) => field.change(e.target.value)}
      />
    </Form.Item>
  );
}
