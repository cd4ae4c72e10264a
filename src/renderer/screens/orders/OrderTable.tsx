import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useState, type UIEvent } from 'react';
import type { OrderListRow } from '../../../shared/contract/orders';
import { useI18n, useMessages } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { orderColumns } from './columns';

const ROW_HEIGHT = 36;
const OVERSCAN = 10;

interface Props {
  rows: OrderListRow[];
  onNearEnd(): void;
}

/**
 * A table whose body renders only the rows in view, so thousands of loaded rows cost a few
 * dozen DOM nodes. Pages are fetched as the user nears the end of what is loaded.
 */
export function OrderTable({ rows, onNearEnd }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const columns = useMemo(() => orderColumns(m, locale), [m, locale]);
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.orderNo });
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const openOrder = useNavigation((s) => s.openOrder);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    setViewport({ top: el.scrollTop, height: el.clientHeight });
    if (el.scrollTop + el.clientHeight > el.scrollHeight - ROW_HEIGHT * 40) onNearEnd();
  };

  const modelRows = table.getRowModel().rows;
  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(modelRows.length, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);
  const width = table.getTotalSize();

  return (
    <div className="order-table" role="table" aria-rowcount={rows.length} onScroll={onScroll}>
      <div className="thead" role="rowgroup" style={{ width }}>
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} className="tr" role="row">
            {group.headers.map((header) => (
              <div key={header.id} className="th" role="columnheader" style={{ width: header.getSize() }}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div className="tbody" role="rowgroup" style={{ height: modelRows.length * ROW_HEIGHT, width }}>
        {modelRows.slice(first, last).map((row, i) => (
          <div
            key={row.id}
            className="tr"
            role="row"
            data-order-no={row.id}
            onClick={() => openOrder(row.id)}
            aria-rowindex={first + i + 1}
            style={{ transform: `translateY(${(first + i) * ROW_HEIGHT}px)` }}
          >
            {row.getVisibleCells().map((cell) => (
              <div key={cell.id} className="td" role="cell" style={{ width: cell.column.getSize() }}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
