import type { ReactNode } from 'react';

/**
 * The error shown under the field that caused it (a Form.Item's `help`), announced to assistive
 * tech as it appears. `code` keeps the stable reason code for tests and support.
 */
export function FieldError({ children, code }: { children: ReactNode; code?: string }) {
  return (
    <span className="field-error" role="alert" data-code={code}>
      {children}
    </span>
  );
}
