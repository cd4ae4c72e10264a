import type { InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { listDefaultsFor } from '../../../shared/domain/list-defaults';
import { onEvent } from '../../api/client';
import { island } from '../../app/island';
import { fill, useMessages } from '../../i18n';
import { useShortcuts } from '../../keyboard/shortcuts';
import { useNavigation } from '../../stores/navigation';
import { useOrders } from '../../stores/orders';
import { useSession } from '../../stores/session';
import { OrderTable } from './OrderTable';
import { rememberedColumns } from './remembered-columns';
import './orders.css';

// Everything around the rows is Ant Design and loads beside them: the rows never wait for it.
const ListToolbar = island(() => import('./ListToolbar'), 'ListToolbar');
const FiltersPanel = island(() => import('./FiltersPanel'), 'FiltersPanel');
const FilterChips = island(() => import('./FilterChips'), 'FilterChips');
const StatusTabs = island(() => import('./StatusTabs'), 'StatusTabs');
const ListError = island(() => import('./ListError'), 'ListError');
const EmptyState = island(() => import('../../components/States'), 'EmptyState');
const LoadingState = island(() => import('../../components/States'), 'LoadingState');
const BulkBar = island(() => import('./BulkBar'), 'BulkBar');
const LabelPrint = island(() => import('../../print/LabelPrint'), 'LabelPrint');

export function OrdersScreen() {
  const m = useMessages();
  const { status, text, search, sort, total, counts, loading, error, cursor } = useOrders();
  const { setStatus, setSearch, reload, setCursor, rowAt, clearSelection } = useOrders();
  const openOrder = useNavigation((s) => s.openOrder);
  const username = useSession((s) => s.session?.username);
  const hiddenTabs = listDefaultsFor(useSession((s) => s.session?.role)).hiddenStatuses;
  const searchBox = useRef<InputRef>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);

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
        if (document.activeElement === searchBox.current?.input) searchBox.current?.blur();
        else clearSelection();
      },
    },
  ]);

  const resultKey = JSON.stringify([status, text, search, sort]);

  return (
    <section className="orders-screen">
      <LabelPrint />
      <div className="list-toolbar">
        <ListToolbar
          searchRef={searchBox}
          filtersOpen={filtersOpen}
          onToggleFilters={() => setFiltersOpen(!filtersOpen)}
        />
      </div>
      {filtersOpen && <FiltersPanel value={search} onApply={setSearch} />}
      <FilterChips value={search} onChange={setSearch} />
      <div className="status-tabs-slot">
        <StatusTabs active={status} counts={counts} onSelect={setStatus} hidden={hiddenTabs} />
      </div>
      {error && <ListError error={error} onRetry={() => void reload()} />}
      {total === 0 && !error ? (
        <EmptyState text={m.ui.empty} />
      ) : total === null && loading ? (
        <LoadingState text={m.ui.loading} />
      ) : (
        <OrderTable resultKey={resultKey} onOpen={(orderNo) => openOrder(orderNo)} />
      )}
      <footer className="list-footer">
        <span className="list-total" aria-live="polite">
          {total !== null && fill(m.list.matching, { n: total.toLocaleString() })}
        </span>
        <BulkBar />
      </footer>
    </section>
  );
}
