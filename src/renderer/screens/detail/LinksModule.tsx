import { useEffect, useState } from 'react';
import type { OrderDetail, OrderListRow } from '../../../shared/contract/orders';
import { api } from '../../api/client';
import { useMessages } from '../../i18n';
import { Button, Space } from 'antd';
import { Amount } from '../../components/Amount';
import { OrderStatusTag } from '../../components/StatusTag';
import { useNavigation } from '../../stores/navigation';
import { Fields, Module, None } from './parts';

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
        <None>{m.detail.links.none}</None>
      ) : (
        <ul className="plain-list siblings">
          {siblings.map((s) => (
            <li key={s.orderNo}>
              <Space size={8} wrap>
                <Button type="link" size="small" className="mono" onClick={() => openOrder(s.orderNo)}>
                  {s.orderNo}
                </Button>
                <OrderStatusTag status={s.status} />
                <span>{s.merchantName}</span>
                <Amount fen={s.payable} />
              </Space>
            </li>
          ))}
        </ul>
      )}
    </Module>
  );
}
