import { useEffect, useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';

type Shown = { text: string; ok: boolean };
/** What the panel says about the last action: a refusal at once, or a change queued at `since`. */
type Notice = Shown | { since: number };

/**
 * A change made here waits for the service (已保存，等待同步). When the order has nothing pending
 * any more, the service has answered: the notice follows that answer at once, saying it was
 * refused and why (the exceptions inbox keeps it) or that it is synced, instead of waiting for the
 * order to be reopened. A refusal of this change is one the inbox holds for this order, tried no
 * earlier than the change (an intent's time is the local change's own stamp).
 */
export function useQueuedNotice(order: OrderDetail | null) {
  const m = useMessages();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [answer, setAnswer] = useState<Shown | null>(null);
  const orderNo = order?.orderNo ?? '';
  const pending = order?.pendingSync ?? 0;

  useEffect(() => {
    if (!notice || !('since' in notice) || pending > 0) return;
    let live = true;
    void api['exceptions.list']({}).then((inbox) => {
      if (!live) return;
      const refused = inbox.ok
        ? inbox.value.filter((e) => e.orderNo === orderNo && e.triedAt >= notice.since).at(-1)
        : undefined;
      if (!refused) return setAnswer({ text: m.detail.synced, ok: true });
      const reason = (refused.code && refusalWords(m, refused.code)) ?? m.detail.refusedUnknown;
      setAnswer({ text: fill(m.detail.refusedByService, { reason }), ok: false });
    });
    return () => {
      live = false;
    };
  }, [notice, pending, orderNo, m]);

  const shown: Shown | null =
    notice === null ? null : 'since' in notice ? (answer ?? { text: m.detail.done, ok: true }) : notice;
  return {
    notice: shown,
    setNotice: (next: Shown | null) => setNotice(next),
    /** A change of the order was queued; `changed` is the order as that change left it. */
    queued: (changed: OrderDetail) => {
      setAnswer(null);
      setNotice({ since: changed.updatedAt });
    },
  };
}
