import { Form, Radio } from 'antd';
import { useState } from 'react';
import { fill, useMessages } from '../../i18n';
import { Dialog, RequiredTextItem, useRequiredText, useSubmit } from '../detail/Dialog';

type Then = 'CANCEL_REFUND' | 'EXCEPTION';

/** Rejecting needs a reason, and what happens to the orders: cancelled with a refund, or to exceptions. */
export function RejectDialog({
  count,
  onClose,
  onReject,
}: {
  count: number;
  onClose(): void;
  onReject(reason: string, then: Then): Promise<void>;
}) {
  const m = useMessages();
  const reason = useRequiredText();
  const [then, setThen] = useState<Then>('EXCEPTION');
  // The screen says how the batch went; this dialog only waits for it.
  const { busy, submit } = useSubmit(async (text: string) => {
    await onReject(text.trim(), then);
    return null;
  });
  const confirm = () => {
    const text = reason.take();
    if (text !== null) void submit(text);
  };
  return (
    <Dialog
      title={fill(m.review.rejectTitle, { n: count })}
      testId="review-reject-dialog"
      confirmLabel={m.review.rejectConfirm}
      busy={busy}
      error={null}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Form layout="vertical">
        <RequiredTextItem id="review-reject-reason" label={m.review.rejectReason} field={reason} maxLength={200} />
        <Form.Item label={m.review.rejectThen}>
          <Radio.Group value={then} onChange={(e) => setThen(e.target.value as Then)}>
            <Radio value="EXCEPTION" data-testid="reject-then-exception">
              {m.review.thenException}
            </Radio>
            <Radio value="CANCEL_REFUND" data-testid="reject-then-cancel">
              {m.review.thenCancel}
            </Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Dialog>
  );
}
