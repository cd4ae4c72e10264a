import { useEffect, useRef, useState, type FormEvent } from 'react';
import { onEvent } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useShortcuts } from '../../keyboard/shortcuts';
import { useNavigation } from '../../stores/navigation';
import { useOrders } from '../../stores/orders';
import { useSession } from '../../stores/session';
import { BatchShipButton } from '../shipping/BatchShipButton';
import { BulkBar } from './BulkBar';
import { ColumnChooser } from './ColumnChooser';
import { FilterChips } from './FilterChips';
import { FiltersPanel } from './FiltersPanel';
import { OrderTable } from './OrderTable';
import { rememberedColumns } from './remembered-columns';
import { StatusTabs } from './StatusTabs';
import { ViewsBar } from './ViewsBar';

export function OrdersScreen() {
  const m = useMessages();
  const { status, text, search, sort, total, counts, loading, error, cursor } = useOrders();
  const { setStatus, setText, setSearch, reload, setCursor, rowAt, clearSelection } = useOrders();
  const openOrder = useNavigation((s) => s.openOrder);
  const username = useSession((s) => s.session?.username);
  const [draft, setDraft] = useState(text);
  const searchBox = useRef<HTMLInputElement>(null);
  // A saved view brings its own text: the box follows (adjusted during render, not in an effect).
  const [shownText, setShownText] = useState(text);
  if (shownText !== text) {
    setShownText(text);
    setDraft(text);
  }

  // The columns this user left the list with; a default view, answered later, replaces them.
  useEffect(() => {
    const saved = username ? rememberedColumns(username) : null;
    if (saved) useOrders.getState().setColumns(saved);
  }, [username]);

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

  const open = (index: number) => {
    const orderNo = rowAt(index)?.orderNo;
    if (orderNo) {
      setCursor(index);
      openOrder(orderNo);
    }
  };
  useShortcuts(m.list.keysTitle, [
    { keys: ['j'], description: m.list.keyDown, run: () => setCursor(cursor + 1) },
    { keys: ['k'], description: m.list.keyUp, run: () => setCursor(cursor - 1) },
    { keys: ['/'], description: m.list.keySearch, run: () => searchBox.current?.focus() },
    { keys: ['Enter'], description: m.list.keyOpen, run: () => open(cursor) },
    {
      keys: ['Escape'],
      description: m.list.keyEscape,
      inFields: true,
      run: () => {
        if (document.activeElement === searchBox.current) searchBox.current?.blur();
        else clearSelection();
      },
    },
  ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setText(draft);
  };
  const resultKey = JSON.stringify([status, text, search, sort]);

  return (
    <section className="orders-screen">
      <div className="list-toolbar">
        <form className="search-bar" role="search" onSubmit={submit}>
          <input
            ref={searchBox}
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
        <ViewsBar />
        <ColumnChooser />
        <BatchShipButton />
      </div>
      <FiltersPanel value={search} onApply={setSearch} />
      <FilterChips value={search} onChange={setSearch} />
      <StatusTabs active={status} counts={counts} onSelect={setStatus} />
      <BulkBar />
      {error && (
        <div className="error-banner" role="alert" data-code={error.code}>
          {m.error[error.code]}
          <button onClick={() => void reload()}>{m.ui.retry}</button>
        </div>
      )}
      {total === 0 && !error ? (
        <div className="placeholder">{m.ui.empty}</div>
      ) : total === null && loading ? (
        <div className="placeholder">{m.ui.loading}</div>
      ) : (
        <OrderTable resultKey={resultKey} onOpen={(orderNo) => openOrder(orderNo)} />
      )}
      <footer className="list-footer" aria-live="polite">
        {total !== null && fill(m.list.matching, { n: total.toLocaleString() })}
      </footer>
    </section>
  );
}
