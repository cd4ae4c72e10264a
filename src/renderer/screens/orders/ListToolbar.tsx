import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Input, type InputRef } from 'antd';
import { useState, type RefObject } from 'react';
import { useMessages } from '../../i18n';
import { useOrders } from '../../stores/orders';
import { BatchShipButton } from '../shipping/BatchShipButton';
import { ColumnChooser } from './ColumnChooser';
import { ViewsBar } from './ViewsBar';

interface Props {
  /** The search box, for the list's `/` and Esc keys. */
  searchRef: RefObject<InputRef | null>;
  filtersOpen: boolean;
  onToggleFilters(): void;
}

/** Above the list: free text, the search area's toggle, saved views, columns, batch shipping. */
export function ListToolbar({ searchRef, filtersOpen, onToggleFilters }: Props) {
  const m = useMessages();
  const text = useOrders((s) => s.text);
  const activeFilters = useOrders((s) => Object.keys(s.search).length);
  const setText = useOrders((s) => s.setText);
  const [draft, setDraft] = useState(text);
  // A saved view brings its own text: the box follows (adjusted during render, not in an effect).
  const [shownText, setShownText] = useState(text);
  if (shownText !== text) {
    setShownText(text);
    setDraft(text);
  }
  return (
    <>
      <Input.Search
        ref={searchRef}
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
          onClick={onToggleFilters}
        >
          {filtersOpen ? m.list.hideFilters : m.list.showFilters}
        </Button>
      </Badge>
      <ViewsBar />
      <span className="spacer" />
      <ColumnChooser />
      <BatchShipButton />
    </>
  );
}
