import { Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { yuanToFen } from '../../../shared/domain/money';
import { emptyDraft } from '../../stores/dealer';
import { receiverErrors } from '../../../shared/intents/dealer-checks';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';

/** The words for a check's code: the same the service's refusal carries, so both read alike. */
export const reasonText = (m: Messages, code: string): string =>
  (m.dealer.reason as Record<string, string>)[code] ?? code;

/**
 * The fields the shared checks refuse when left empty (src/shared/intents/dealer-checks.ts, run by
 * the desk and by the service's intake alike): they carry the required mark, and 必填 when empty.
 */
export const REQUIRED_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(receiverErrors(emptyDraft('').receiver)),
  'lines',
]);

/** The error under a field, in the words of the check (or the service's refusal) that found it. */
export function FieldMessage({ field, errors }: { field: string; errors: Record<string, string> }) {
  const m = useMessages();
  const code = errors[field];
  if (!code) return null;
  return (
    <span className="field-error" role="alert" data-testid={`error-${field}`} data-code={code}>
      {reasonText(m, code)}
    </span>
  );
}

/** A labelled form field whose error, if any, shows beneath it. */
export function Field(props: {
  label: string;
  field: string;
  errors: Record<string, string>;
  children: ReactNode;
  wide?: boolean;
}) {
  const failed = props.errors[props.field] !== undefined;
  return (
    <Form.Item
      label={props.label}
      className={props.wide ? 'form-field wide' : 'form-field'}
      required={REQUIRED_FIELDS.has(props.field)}
      validateStatus={failed ? 'error' : undefined}
      help={failed ? <FieldMessage field={props.field} errors={props.errors} /> : undefined}
    >
      {props.children}
    </Form.Item>
  );
}

/** A yuan amount typed by the user, kept in fen; invalid text stays on screen and says so. */
export function MoneyInput(props: { value: number; testId: string; label: string; onChange(fen: number): void }) {
  const m = useMessages();
  const [text, setText] = useState(props.value === 0 ? '' : (props.value / 100).toFixed(2));
  const valid = text.trim() === '' || yuanToFen(text) !== null;
  return (
    <>
      <Input
        inputMode="decimal"
        prefix="¥"
        className="money-input"
        aria-label={props.label}
        data-testid={props.testId}
        value={text}
        status={valid ? undefined : 'error'}
        aria-invalid={!valid}
        onChange={(e) => {
          setText(e.target.value);
          const fen = e.target.value.trim() === '' ? 0 : yuanToFen(e.target.value);
          if (fen !== null) props.onChange(fen);
        }}
      />
      {!valid && (
        <span className="field-error" role="alert">
          {m.dealer.invalidMoney}
        </span>
      )}
    </>
  );
}
