import { Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { fill, useMessages } from '../../i18n';
import { Dialog } from '../detail/Dialog';

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
  const [reason, setReason] = useState('');
  const [then, setThen] = useState<Then>('EXCEPTION');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    await onReject(reason.trim(), then);
    setBusy(false);
  };
  return (
    <Dialog
      title={fill(m.review.rejectTitle, { n: count })}
      testId="review-reject-dialog"
      confirmLabel={m.review.rejectConfirm}
      busy={busy}
      error={null}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Form layout="vertical">
        <Form.Item
          label={m.review.rejectReason}
          required
          validateStatus={missing ? 'error' : undefined}
          help={missing ? m.shell.required : undefined}
        >
          <Input
            autoFocus
            maxLength={200}
            value={reason}
            aria-label={m.review.rejectReason}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </Form.Item>
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
