import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Typography } from 'antd';
import { None } from '../detail/parts';
import { useMessages } from '../../i18n';
import { useDealer } from '../../stores/dealer';
import { reasonText } from './fields';

/** A new order, the dealer's drafts and the orders the service sent back to be fixed. */
export function DealerSide({ onNew, onOpen }: { onNew(): void; onOpen(action: () => Promise<void> | void): void }) {
  const m = useMessages();
  const store = useDealer();
  return (
    <aside className="dealer-side">
      <Button type="dashed" block icon={<PlusOutlined />} data-testid="dealer-new" onClick={onNew}>
        {m.dealer.newOrder}
      </Button>
      <Card size="small" title={m.dealer.drafts}>
        {store.drafts.length === 0 && <None>{m.dealer.noDrafts}</None>}
        <ul className="plain-list" data-testid="dealer-drafts">
          {store.drafts.map((row) => (
            <li key={row.id} className="side-item">
              <Typography.Text ellipsis className="side-name">
                {row.draft.receiver.name || row.draft.buyer.name || row.id.slice(0, 8)} · {row.draft.lines.length}
              </Typography.Text>
              <Button size="small" type="link" onClick={() => onOpen(() => store.openDraft(row))}>
                {m.dealer.openDraft}
              </Button>
              <Popconfirm title={m.dealer.deleteDraft} onConfirm={() => void store.deleteDraft(row.id)}>
                <Button size="small" type="link" danger>
                  {m.dealer.deleteDraft}
                </Button>
              </Popconfirm>
            </li>
          ))}
        </ul>
      </Card>
      {store.rejected.length > 0 && (
        <Card size="small" title={m.dealer.rejectedOrders}>
          <ul className="plain-list" data-testid="dealer-rejected">
            {store.rejected.map((item) => (
              <li key={item.id} className="side-item rejected-item">
                <span className="mono">{(item.payload as { orderNo: string }).orderNo}</span>
                <Typography.Text type="danger">{reasonText(m, item.code ?? '')}</Typography.Text>
                <Button size="small" onClick={() => onOpen(() => store.fixRejected(item))}>
                  {m.dealer.fixRejected}
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </aside>
  );
}
