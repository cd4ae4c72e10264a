import { useEffect, useState, type FormEvent } from 'react';
import { onEvent } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useOrders } from '../../stores/orders';
import { BatchShipButton } from '../shipping/BatchShipButton';
import { OrderTable } from './OrderTable';
import { StatusTabs } from './StatusTabs';

export function OrdersScreen() {
  const m = useMessages();
  const { status, rows, next, counts, loading, loadingMore, error, setStatus, setText, reload, loadMore } = useOrders();
  const [draft, setDraft] = useState('');

  useEffect(() => {
    void reload();
    // A large sync lands page by page: reload once things settle, not once per page.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onEvent('orders.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 250);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [reload]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setText(draft);
  };
  const total = status ? counts?.byStatus[status] : counts?.all;

  return (
    <section className="orders-screen">
      <form className="search-bar" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label={m.ui.searchPlaceholder}
          placeholder={m.ui.searchPlaceholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{m.ui.search}</button>
        {draft && (
          <button
            type="button"
            onClick={() => {
              setDraft('');
              setText('');
            }}
          >
            {m.ui.clear}
          </button>
        )}
      </form>
      <BatchShipButton />
      <StatusTabs active={status} counts={counts} onSelect={setStatus} />
      {error && (
        <div className="error-banner" role="alert" data-code={error.code}>
          {m.error[error.code]}
          <button onClick={() => void reload()}>{m.ui.retry}</button>
        </div>
      )}
      {loading && rows.length === 0 ? (
        <div className="placeholder">{m.ui.loading}</div>
      ) : rows.length === 0 && !error ? (
        <div className="placeholder">{m.ui.empty}</div>
      ) : (
        <OrderTable rows={rows} onNearEnd={() => void loadMore()} />
      )}
      <footer className="list-footer" aria-live="polite">
        {loadingMore
          ? m.ui.loadingMore
          : next
            ? fill(m.ui.shownOf, { shown: rows.length.toLocaleString(), total: (total ?? 0).toLocaleString() })
            : fill(m.ui.endOfList, { n: rows.length.toLocaleString() })}
      </footer>
    </section>
  );
}
