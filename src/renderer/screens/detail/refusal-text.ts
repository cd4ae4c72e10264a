import type { ApiError } from '../../../shared/contract/result';
import { fill, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';

/** A refused action in words: the domain's reason when main gave one, the error code's text otherwise. */
export function useRefusalText() {
  const m = useMessages();
  return (error: ApiError): string => {
    // A number already on another order of this desk's copy names that order, so the packer can go and look.
    if (error.reason === 'TRACKING_IN_USE' && error.params?.orderNo) return fill(m.shipping.heldBy, error.params);
    const why = (error.reason && refusalWords(m, error.reason)) || m.error[error.code];
    return fill(m.detail.refused, { reason: why });
  };
}
