import { Form } from 'antd';
import { Dialog, RequiredTextItem, useRequiredText, useSubmit, type Answer } from './Dialog';

interface Props {
  title: string;
  label: string;
  confirmLabel: string;
  testId: string;
  maxLength: number;
  /** Answers a translated error, or null when it was done. */
  onSubmit(text: string): Answer;
  onClose(): void;
}

/** One line of text and a confirm: a lock reason, a follow-up note, why a request is rejected. */
export function ReasonDialog({ title, label, confirmLabel, testId, maxLength, onSubmit, onClose }: Props) {
  const reason = useRequiredText();
  const { busy, error, submit } = useSubmit(onSubmit, onClose);
  const confirm = () => {
    const text = reason.take();
    if (text !== null) void submit(text);
  };
  return (
    <Dialog
      title={title}
      testId={testId}
      confirmLabel={confirmLabel}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Form layout="vertical" component="div">
        <RequiredTextItem id={`${testId}-text`} label={label} field={reason} maxLength={maxLength} showCount />
      </Form>
    </Dialog>
  );
}
