import { useEffect, useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { ApiError } from '../../../shared/contract/result';
import { api, onEvent } from '../../api/client';

/** The opened order as this device holds it, fetched again whenever main says it changed (the panel is keyed by order). */
export function useOrderDetail(orderNo: string) {
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      api['orders.detail']({ orderNo }).then((result) => {
        if (!live) return;
        setOrder(result.ok ? result.value : null);
        setError(result.ok ? null : result.error);
      });
    void load();
    // An empty list means "many orders changed" (a large pull): that may include this one.
    const off = onEvent('orders.changed', ({ orderNos }) => {
      if (orderNos.length === 0 || orderNos.includes(orderNo)) void load();
    });
    return () => {
      live = false;
      off();
    };
  }, [orderNo]);

  return { order, error, setOrder };
}
