import { useEffect, useState } from 'react';
import type { ExceptionItem } from '../../../shared/contract/api';
import type { ApiError } from '../../../shared/contract/result';
import { can } from '../../../shared/domain/rights';
import type { OrderStatus } from '../../../shared/domain/vocabulary';
import { onEvent } from '../../api/client';
import { fill, useI18n, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { dateTime, money } from '../../lib/format';
import { useExceptions } from '../../stores/exceptions';
import { useSession } from '../../stores/session';
import { UsedBy } from '../counter/CounterScreen';
import { triedText } from './tried';

interface Answer {
  order?: {
    orderNo?: string;
    status?: OrderStatus;
    amounts?: { payable?: number };
    redemptionCode?: { usesLeft?: number };
  };
  conflict?: { redeemedBy: string; storeId: string; redeemedAt: number } | null;
}

/** Every intent the service rejected, with what was tried, why, and the order as the service holds it. */
export function ExceptionsScreen() {
  const m = useMessages();
  const { items, loading, reload } = useExceptions();
  const exceptions = useSession((s) => s.sync?.exceptions);

  useEffect(() => {
    void reload();
    const off = onEvent('orders.changed', () => void reload());
    return off;
  }, [reload, exceptions]);

  return (
    <section className="exceptions-screen">
      <h2>{m.exceptions.title}</h2>
      {!loading && items.length === 0 && <div className="placeholder">{m.exceptions.empty}</div>}
      <ul className="exception-list">
        {items.map((item) => (
          <ExceptionCard key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function ExceptionCard({ item }: { item: ExceptionItem }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const role = useSession((s) => s.session?.role);
  const { retry, dismiss } = useExceptions();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const answer = (item.answer ?? {}) as Answer;
  const order = answer.order;
  const mayResolve = role !== undefined && can(role, 'exceptions.resolve');

  return (
    <li className="exception-card" data-testid="exception" data-type={item.type}>
      <div className="exception-head">
        <strong>{m.exceptions.types[item.type] ?? item.type}</strong>
        {item.orderNo && <span>{fill(m.exceptions.order, { orderNo: item.orderNo })}</span>}
        <span>{fill(m.exceptions.at, { time: dateTime(item.triedAt, locale) })}</span>
      </div>
      <dl>
        <dt>{m.exceptions.tried}</dt>
        <dd data-testid="exception-tried">{triedText(item.type, item.payload, { m, locale })}</dd>
        <dt>{m.exceptions.why}</dt>
        <dd>
          {(item.code && refusalWords(m, item.code)) ?? item.code}
          {/* The service's own words only when the code has no translation: otherwise they repeat it in English. */}
          {item.message && !(item.code && refusalWords(m, item.code)) && (
            <span className="muted"> ({item.message})</span>
          )}
        </dd>
        {order && (
          <>
            <dt>{m.exceptions.serviceState}</dt>
            <dd>
              {order.status ? m.status[order.status] : '—'}
              {order.amounts?.payable !== undefined && ` · ${money(order.amounts.payable)}`}
              {order.redemptionCode?.usesLeft !== undefined &&
                ` · ${m.counter.usesLeft} ${order.redemptionCode.usesLeft}`}
            </dd>
          </>
        )}
        {answer.conflict && (
          <>
            <dt>{m.exceptions.conflict}</dt>
            <dd>
              <UsedBy used={answer.conflict} />
            </dd>
          </>
        )}
      </dl>
      {error && (
        <div className="error-banner" role="alert">
          {m.refusal[error.reason ?? ''] ?? m.error[error.code]}
        </div>
      )}
      {mayResolve && (
        <div className="actions">
          {item.type !== 'CREATE_DEALER_ORDER' && (
            <button type="button" onClick={() => void retry(item.id).then(setError)}>
              {m.exceptions.retry}
            </button>
          )}
          {!dismissing && (
            <button type="button" onClick={() => setDismissing(true)}>
              {m.exceptions.dismiss}
            </button>
          )}
          {dismissing && (
            <form
              className="reason-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (reason.trim()) void dismiss(item.id, reason.trim()).then(setError);
              }}
            >
              <input
                aria-label={m.exceptions.dismissReason}
                placeholder={m.exceptions.dismissReason}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
              />
              <button type="submit" disabled={!reason.trim()}>
                {m.exceptions.dismissConfirm}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}
