import { FilterOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { onEvent } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useShortcuts } from '../../keyboard/shortcuts';
import { useNavigation } from '../../stores/navigation';
import { useOrders } from '../../stores/orders';
import { useSession } from '../../stores/session';
import { EmptyState, LoadingState } from '../../components/States';
import { BatchShipButton } from '../shipping/BatchShipButton';
import { BulkBar } from './BulkBar';
import { ColumnChooser } from './ColumnChooser';
import { FilterChips } from './FilterChips';
import { FiltersPanel } from './FiltersPanel';
import { OrderTable } from './OrderTable';
import { rememberedColumns } from './remembered-columns';
import { StatusTabs } from './StatusTabs';
import { ViewsBar } from './ViewsBar';
import './orders.css';

export function OrdersScreen() {
  const m = useMessages();
  const { status, text, search, sort, total, counts, loading, error, cursor } = useOrders();
  const { setStatus, setText, setSearch, reload, setCursor, rowAt, clearSelection } = useOrders();
  const openOrder = useNavigation((s) => s.openOrder);
  const username = useSession((s) => s.session?.username);
  const [draft, setDraft] = useState(text);
  const searchBox = useRef<InputRef>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
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
        if (document.activeElement === searchBox.current?.input) searchBox.current?.blur();
        else clearSelection();
      },
    },
  ]);

  const resultKey = JSON.stringify([status, text, search, sort]);
  const activeFilters = Object.keys(search).length;

  return (
    <section className="orders-screen">
      <div className="list-toolbar">
        <Input.Search
          ref={searchBox}
          className="search-box"
          type="search"
          aria-label={m.ui.searchPlaceholder}
          placeholder={m.ui.searchPlaceholder}
          allowClear
          enterButton={m.ui.search}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(value) => setText(value)}
        />
        <Badge count={activeFilters} size="small" color="blue">
          <Button
            icon={<FilterOutlined />}
            data-testid="filters-toggle"
            aria-expanded={filtersOpen}
            type={filtersOpen ? 'primary' : 'default'}
            ghost={filtersOpen}
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {filtersOpen ? m.list.hideFilters : m.list.showFilters}
          </Button>
        </Badge>
        <ViewsBar />
        <span className="spacer" />
        <ColumnChooser />
        <BatchShipButton />
      </div>
      {filtersOpen && <FiltersPanel value={search} onApply={setSearch} />}
      <FilterChips value={search} onChange={setSearch} />
      <StatusTabs active={status} counts={counts} onSelect={setStatus} />
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-code={error.code}
          title={m.error[error.code]}
          action={
            <Button size="small" onClick={() => void reload()}>
              {m.ui.retry}
            </Button>
          }
        />
      )}
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
