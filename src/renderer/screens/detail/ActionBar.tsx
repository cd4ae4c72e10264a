import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { Availability, DeskOrderAction } from '../../../shared/domain/action-availability';
import { useMessages } from '../../i18n';
import { usePrint } from '../../stores/print';
import { ActionButton } from './parts';

interface Props {
  order: OrderDetail;
  actions: Record<DeskOrderAction, Availability>;
  /** What the last action did (or why it did not), until the next one. */
  notice: { text: string; ok: boolean } | null;
  onAction(action: DeskOrderAction): void;
}

/** The order's own actions, each enabled or saying why not; shipping, the desk's main job, is primary. */
export function ActionBar({ order, actions, notice, onAction }: Props) {
  const m = useMessages();
  const button = (action: DeskOrderAction, keyHint?: string) => (
    <ActionButton
      label={m.detail.action[action]}
      availability={actions[action]}
      keyHint={keyHint}
      testId={`action-${action}`}
      primary={action === 'SHIP'}
      onClick={() => onAction(action)}
    />
  );
  const cancel = actions.CANCEL;
  const print = usePrint((s) => s.open);
  return (
    <Space wrap size={8} className="detail-actions" data-testid="detail-actions">
      {button('SHIP', 'S')}
      {order.locked ? button('UNLOCK') : button('LOCK')}
      {button('NOTE')}
      {/* Cancelling is for the few roles that may; for everyone else it is not worth a button. */}
      {(cancel.ok || cancel.reason !== 'FORBIDDEN_ROLE') && button('CANCEL')}
      {/* A slip goes in a box: only an order that was paid for has one to pack. */}
      {order.kind === 'PHYSICAL' && order.paidAt !== null && (
        <Button icon={<PrinterOutlined />} onClick={() => print('packing', [order.orderNo])}>
          {m.print.printSlip}
        </Button>
      )}
      {notice && (
        <Typography.Text type={notice.ok ? 'success' : 'warning'} role="status" data-testid="detail-notice">
          {notice.text}
        </Typography.Text>
      )}
    </Space>
  );
}
