import { Tabs } from 'antd';
import { memo } from 'react';
import type { StatusCounts } from '../../../shared/contract/orders';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/vocabulary';
import { useMessages } from '../../i18n';

interface Props {
  active: OrderStatus | null;
  counts: StatusCounts | null;
  onSelect(status: OrderStatus | null): void;
  /** Tabs that never concern the signed-in role (shared/domain/list-defaults.ts). */
  hidden?: readonly OrderStatus[];
}

const ALL = 'ALL';

/** 全部 / 待付款 / 待发货 …, each with its count. */
export const StatusTabs = memo(function StatusTabs({ active, counts, onSelect, hidden = [] }: Props) {
  const m = useMessages();
  const tabs: Array<{ status: OrderStatus | null; label: string; count: number | undefined }> = [
    { status: null, label: m.ui.allOrders, count: counts?.all },
    ...ORDER_STATUSES.filter((status) => status === active || !hidden.includes(status)).map((status) => ({
      status,
      label: m.status[status],
      count: counts?.byStatus[status],
    })),
  ];
  return (
    <Tabs
      className="status-tabs"
      size="small"
      activeKey={active ?? ALL}
      onChange={(key) => onSelect(key === ALL ? null : (key as OrderStatus))}
      items={tabs.map(({ status, label, count }) => ({
        key: status ?? ALL,
        label: (
          <span className="status-tab" data-status={status ?? ALL}>
            <span>{label}</span>
            <span className="count">{count === undefined ? '…' : count.toLocaleString()}</span>
          </span>
        ),
      }))}
    />
  );
});
