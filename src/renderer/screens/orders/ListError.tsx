import { Alert, Button } from 'antd';
import type { ApiError } from '../../../shared/contract/result';
import { useMessages } from '../../i18n';

/** The list could not be read: why, and a way to ask again. */
export function ListError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const m = useMessages();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-code={error.code}
      title={m.error[error.code]}
      action={
        <Button size="small" onClick={onRetry}>
          {m.ui.retry}
        </Button>
      }
    />
  );
}
