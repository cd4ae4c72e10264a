import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, memo, Suspense, useState } from 'react';
import { can } from '../../../shared/domain/rights';
import { useMessages } from '../../i18n';
import { useSession } from '../../stores/session';

// Loaded when first opened: the list paints without it.
const BatchShipDialog = lazy(async () => ({ default: (await import('./BatchShipDialog')).BatchShipDialog }));

/** 批量发货: only for roles that ship. */
export const BatchShipButton = memo(function BatchShipButton() {
  const m = useMessages();
  const role = useSession((s) => s.session?.role);
  const [open, setOpen] = useState(false);
  if (!role || !can(role, 'orders.ship')) return null;
  return (
    <>
      <Button icon={<UploadOutlined />} className="batch-ship" data-testid="batch-ship" onClick={() => setOpen(true)}>
        {m.shipping.batch.button}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <BatchShipDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
});
