import type { StatusCounts } from '../../../shared/contract/orders';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/vocabulary';
import { useMessages } from '../../i18n';

interface Props {
  active: OrderStatus | null;
  counts: StatusCounts | null;
  onSelect(status: OrderStatus | null): void;
}

export function StatusTabs({ active, counts, onSelect }: Props) {
  const m = useMessages();
  const tabs: Array<{ status: OrderStatus | null; label: string; count: number | undefined }> = [
    { status: null, label: m.ui.allOrders, count: counts?.all },
    ...ORDER_STATUSES.map((status) => ({ status, label: m.status[status], count: counts?.byStatus[status] })),
  ];
  return (
    <div className="status-tabs" role="tablist">
      {tabs.map(({ status, label, count }) => (
        <button
          key={status ?? 'ALL'}
          role="tab"
          aria-selected={active === status}
          data-status={status ?? 'ALL'}
          className={active === status ? 'tab active' : 'tab'}
          onClick={() => onSelect(status)}
        >
          <span>{label}</span>
          <span className="count">{count === undefined ? '…' : count.toLocaleString()}</span>
        </button>
      ))}
    </div>
  );
}
