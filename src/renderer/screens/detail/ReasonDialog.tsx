import { useState } from 'react';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  label: string;
  confirmLabel: string;
  testId: string;
  maxLength: number;
  /** Answers a translated error, or null when it was done. */
  onSubmit(text: string): Promise<string | null>;
  onClose(): void;
}

/** One line of text and a confirm: a lock reason, a follow-up note, why a request is rejected. */
export function ReasonDialog({ title, label, confirmLabel, testId, maxLength, onSubmit, onClose }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    const failure = await onSubmit(text);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Dialog
      title={title}
      testId={testId}
      confirmLabel={confirmLabel}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <label className="field">
        <span>{label}</span>
        <input autoFocus value={text} maxLength={maxLength} onChange={(e) => setText(e.target.value)} />
      </label>
    </Dialog>
  );
}
