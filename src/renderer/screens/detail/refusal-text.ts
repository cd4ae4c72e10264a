import type { ApiError } from '../../../shared/contract/result';
import { fill, useMessages } from '../../i18n';

/** A refused action in words: the domain's reason when main gave one, the error code's text otherwise. */
export function useRefusalText() {
  const m = useMessages();
  return (error: ApiError): string => {
    const reasons: Record<string, string> = m.detail.reason;
    const why = error.reason && reasons[error.reason] ? reasons[error.reason]! : m.error[error.code];
    return fill(m.detail.refused, { reason: why });
  };
}
