import { Form, Input } from 'antd';
import { useState } from 'react';
import { FieldError } from '../../components/FieldError';
import { useMessages } from '../../i18n';
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
  const m = useMessages();
  const [text, setText] = useState('');
  /** 必填 beside the field: an empty reason never goes out (the service would refuse it too). */
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!text.trim()) return setMissing(true);
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
      <Form layout="vertical" component="div">
        <Form.Item
          label={label}
          required
          htmlFor={`${testId}-text`}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? <FieldError code="REQUIRED">{m.shell.required}</FieldError> : undefined}
        >
          <Input
            id={`${testId}-text`}
            autoFocus
            value={text}
            maxLength={maxLength}
            showCount
            onChange={(e) => {
              setText(e.target.value);
              setMissing(false);
            }}
          />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
