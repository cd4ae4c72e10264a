import { useEffect, useState } from 'react';
import type { OrderDetail, OrderListRow } from '../../../shared/contract/orders';
import { api } from '../../api/client';
import { useMessages } from '../../i18n';
import { money } from '../../lib/format';
import { useNavigation } from '../../stores/navigation';
import { Fields, Module } from './parts';

/**
 * A checkout split by merchant and warehouse: the parent number ties the children together. A
 * child's number is its parent's plus two digits, so the list's text search finds the siblings
 * this user may see (children of other warehouses are outside a warehouse desk's scope).
 */
export function LinksModule({ order }: { order: OrderDetail }) {
  const m = useMessages();
  const openOrder = useNavigation((s) => s.openOrder);
  const [siblings, setSiblings] = useState<OrderListRow[]>([]);
  const { parentNo, orderNo } = order;

  useEffect(() => {
    let live = true;
    void api['orders.list']({ filter: { text: parentNo }, limit: 100 }).then((result) => {
      if (live && result.ok)
        setSiblings(result.value.rows.filter((r) => r.parentNo === parentNo && r.orderNo !== orderNo));
    });
    return () => {
      live = false;
    };
  }, [parentNo, orderNo]);

  return (
    <Module id="links" title={m.detail.module.links}>
      <Fields rows={[[m.detail.links.parent, parentNo]]} />
      {siblings.length === 0 ? (
        <p className="muted">{m.detail.links.none}</p>
      ) : (
        <ul className="plain siblings">
          {siblings.map((s) => (
            <li key={s.orderNo}>
              <button type="button" className="link" onClick={() => openOrder(s.orderNo)}>
                {s.orderNo}
              </button>{' '}
              {m.status[s.status]} · {s.merchantName} · {money(s.payable)}
            </li>
          ))}
        </ul>
      )}
    </Module>
  );
}
