import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { can } from '../../../shared/domain/rights';
import { useMessages } from '../../i18n';
import { useSession } from '../../stores/session';
import { BatchShipDialog } from './BatchShipDialog';

/** 批量发货: only for roles that ship. */
export function BatchShipButton() {
  const m = useMessages();
  const role = useSession((s) => s.session?.role);
  const [open, setOpen] = useState(false);
  if (!role || !can(role, 'orders.ship')) return null;
  return (
    <>
      <Button icon={<UploadOutlined />} className="batch-ship" data-testid="batch-ship" onClick={() => setOpen(true)}>
        {m.shipping.batch.button}
      </Button>
      {open && <BatchShipDialog onClose={() => setOpen(false)} />}
    </>
  );
}
