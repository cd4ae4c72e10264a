import { flexRender, getCoreRowModel, useReactTable, type Row } from '@tanstack/react-table';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ListColumn } from '../../../shared/contract/list';
import type { OrderListRow, OrderSort } from '../../../shared/contract/orders';
import { ORDER_SORT_FIELDS } from '../../../shared/contract/order-sort';
import { fill, useI18n, useMessages } from '../../i18n';
import { ROW_HEIGHTS, useDensity } from '../../app/design/density';
import { useOrders } from '../../stores/orders';
import { orderColumns } from './columns';
import { scaleFor } from './scroll-scale';

const OVERSCAN = 6;
const CHECK_WIDTH = 36;

const isSortField = (id: string): id is OrderSort['field'] => (ORDER_SORT_FIELDS as readonly string[]).includes(id);

interface Props {
  onOpen(orderNo: string): void;
  /** Changes whenever the result does (filter, sort): the list goes back to its top. */
  resultKey: string;
}

/**
 * The order list's body. Only the rows in view exist in the DOM, and only the pages around them
 * in memory (stores/orders.ts); rows not loaded yet show as placeholders until their page comes.
 * The scroll position is kept as a "virtual" offset in pixels of the whole result, mapped onto a
 * capped scroll height (scroll-scale.ts), so a million rows scroll to the last one. The wheel
 * moves the virtual offset by the pixels it asks for, so near the viewport scrolling is exact
 * whatever the scale; dragging the thumb maps proportionally.
 */
export function OrderTable({ onOpen, resultKey }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { total, columns, sort, pages, cursor, selected, allMatching, want, rowAt, toggle, setSort } = useOrders();
  const allColumns = useMemo(() => orderColumns(m, locale), [m, locale]);
  // Rows are as tall as the density says; the header is a row plus its border.
  const rowHeight = ROW_HEIGHTS[useDensity((s) => s.density)];
  const headerHeight = rowHeight + 1;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(600);
  const [top, setTop] = useState(0);
  // The scrollTop this component last set, to tell its own scrolls from the user's thumb drags.
  const placed = useRef(0);

  const count = total ?? 0;
  const body = Math.max(rowHeight, viewport - headerHeight);
  const scale = scaleFor(count, rowHeight, body);
  const maxTop = Math.max(0, count * rowHeight - body);

  const place = useCallback(
    (virtualTop: number) => {
      const next = Math.max(0, Math.min(virtualTop, maxTop));
      setTop(next);
      const el = scroller.current;
      if (el) {
        placed.current = Math.round(next / scale.ratio);
        el.scrollTop = placed.current;
      }
    },
    [maxTop, scale.ratio],
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A new result, or rows of another height, start at the top.
  useLayoutEffect(() => place(0), [resultKey, rowHeight]); // eslint-disable-line react-hooks/exhaustive-deps

  const onScroll = () => {
    const el = scroller.current;
    if (!el || Math.abs(el.scrollTop - placed.current) < 1) return;
    // The user moved the scrollbar: map its position onto the whole result.
    placed.current = el.scrollTop;
    setTop(Math.min(maxTop, el.scrollTop * scale.ratio));
  };

  // Wheel events move real pixels of rows; passive listeners could not stop the native scroll.
  useEffect(() => {
    const el = scroller.current;
    if (!el || scale.ratio === 1) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const lines = event.deltaMode === 1 ? rowHeight : event.deltaMode === 2 ? body : 1;
      place(top + event.deltaY * lines);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scale.ratio, place, top, body, rowHeight]);

  // The keyboard's row stays in view.
  useEffect(() => {
    if (cursor * rowHeight < top) place(cursor * rowHeight);
    else if ((cursor + 1) * rowHeight > top + body) place((cursor + 1) * rowHeight - body);
    // Only a cursor move scrolls; scrolling must not drag the cursor back into view.
  }, [cursor]); // eslint-disable-line react-hooks/exhaustive-deps

  const first = Math.floor(top / rowHeight);
  const shift = top - first * rowHeight;
  const last = Math.min(count - 1, first + Math.ceil(body / rowHeight));
  useEffect(() => {
    if (total !== null) want(Math.max(0, first - OVERSCAN), last + OVERSCAN);
  }, [first, last, total, want]);

  const visible = useMemo(() => {
    const rows: OrderListRow[] = [];
    for (let i = first; i <= last; i++) {
      const row = rowAt(i);
      if (row) rows.push(row);
    }
    return rows;
    // pages is what rowAt reads.
  }, [first, last, rowAt, pages]); // eslint-disable-line react-hooks/exhaustive-deps

  // A column made from a key has no `id` in its definition (react-table derives it from the key):
  // keyed by `id` alone, every such column stayed visible whatever the user chose.
  const columnVisibility = useMemo(
    () =>
      Object.fromEntries(
        allColumns.map((c) => {
          const id = c.id ?? ('accessorKey' in c ? String(c.accessorKey) : '');
          return [id, columns.includes(id as ListColumn)];
        }),
      ),
    [allColumns, columns],
  );
  const table = useReactTable({
    data: visible,
    columns: allColumns,
    state: { columnVisibility, columnOrder: columns },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.orderNo,
  });
  const byNo = new Map(table.getRowModel().rows.map((r) => [r.id, r]));
  const width = table.getTotalSize() + CHECK_WIDTH;

  const onHeader = (id: string) => {
    if (!isSortField(id)) return;
    setSort({ field: id, direction: sort.field === id && sort.direction === 'desc' ? 'asc' : 'desc' });
  };
  const onCheck = (index: number) => (event: MouseEvent) => {
    event.stopPropagation();
    toggle(index, event.shiftKey);
  };

  const rowsInView: Array<{ index: number; row: Row<OrderListRow> | undefined }> = [];
  for (let i = first; i <= last; i++) rowsInView.push({ index: i, row: byNo.get(rowAt(i)?.orderNo ?? '') });

  return (
    <div
      ref={scroller}
      className="order-table"
      role="table"
      aria-rowcount={count}
      aria-label={m.list.tableLabel}
      data-testid="order-scroll"
      onScroll={onScroll}
    >
      <div className="thead" role="rowgroup" style={{ width }}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} className="tr" role="row">
            <div className="th check" role="columnheader" style={{ width: CHECK_WIDTH }} />
            {group.headers.map((header) => {
              const sortable = isSortField(header.column.id);
              const sorted = sort.field === header.column.id ? sort.direction : null;
              return (
                <div
                  key={header.id}
                  className={`th${sortable ? ' sortable' : ''}${header.column.columnDef.meta?.numeric ? ' num' : ''}`}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  style={{ width: header.getSize() }}
                  onClick={() => onHeader(header.column.id)}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  {sorted && <span className="sort-mark">{sorted === 'asc' ? '▲' : '▼'}</span>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="tbody" role="rowgroup" style={{ height: scale.height, width }}>
        <div className="rows-window" style={{ top: Math.round(top / scale.ratio), height: body }}>
          {rowsInView.map(({ index, row }) => {
            const orderNo = row?.id;
            const checked = allMatching || (orderNo !== undefined && selected.has(orderNo));
            return (
              <div
                key={index}
                className={`tr${index === cursor ? ' cursor' : ''}${checked ? ' selected' : ''}${row ? '' : ' placeholder-row'}`}
                role="row"
                aria-rowindex={index + 1}
                aria-selected={checked}
                data-order-no={orderNo}
                style={{ transform: `translateY(${(index - first) * rowHeight - shift}px)` }}
                onClick={() => orderNo && onOpen(orderNo)}
              >
                <div className="td check" role="cell" style={{ width: CHECK_WIDTH }}>
                  <input
                    type="checkbox"
                    aria-label={fill(m.list.selectRow, { n: index + 1 })}
                    checked={checked}
                    disabled={!row || allMatching}
                    onClick={onCheck(index)}
                    onChange={() => undefined}
                  />
                </div>
                {row ? (
                  row.getVisibleCells().map((cell) => (
                    <div
                      key={cell.id}
                      className={cell.column.columnDef.meta?.numeric ? 'td num' : 'td'}
                      role="cell"
                      data-column={cell.column.id}
                      style={{ width: cell.column.getSize() }}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                ) : (
                  <div className="td loading-cell" role="cell">
                    {m.ui.loading}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
