import { CloseOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LoadingState } from '../components/States';
import type { OrderDetail } from '../../shared/contract/orders';
import { PRINT_MAX_ORDERS } from '../../shared/contract/print';
import { api } from '../api/client';
import { fill, useMessages } from '../i18n';
import { useShortcuts } from '../keyboard/shortcuts';
import { usePrint, type PrintKind } from '../stores/print';
import { PackingSlip } from './PackingSlip';
import { PickList } from './PickList';
import './print.css';

type Loaded = { orders: OrderDetail[]; missing: string[] } | { error: string } | null;

/** The print run's pages and the toolbar that prints them, saves them or closes the view. */
export function Preview({ kind, orderNos, at }: { kind: PrintKind; orderNos: string[]; at: number }) {
  const m = useMessages();
  const t = m.print;
  const close = usePrint((s) => s.close);
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [status, setStatus] = useState<string | null>(null);

  const tooMany = orderNos.length > PRINT_MAX_ORDERS;
  useEffect(() => {
    let live = true;
    if (tooMany) return;
    void api['print.orders']({ orderNos }).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? result.value : { error: fill(t.failed, { message: m.error[result.error.code] }) });
    });
    return () => {
      live = false;
    };
    // Messages are read once per job: switching language mid-load does not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orderNos, tooMany]);

  useShortcuts(t.keys.previewTitle, [{ keys: ['Escape'], description: t.close, inFields: true, run: close }], true, {
    modal: true,
  });

  const savePdf = async () => {
    const fileName = `${kind === 'pick' ? 'pick-list' : 'packing-slips'}-${new Date().toISOString().slice(0, 10)}.pdf`;
    const result = await api['print.toPdf']({ fileName });
    // Browser mode cannot save files itself: Chromium's print dialog has "Save as PDF".
    if (!result.ok && result.error.code === 'NOT_SUPPORTED') return window.print();
    if (!result.ok) return setStatus(m.error[result.error.code]);
    if (result.value.path) setStatus(fill(t.saved, { path: result.value.path }));
  };

  const shown: Loaded = tooMany ? { error: fill(t.tooMany, { max: PRINT_MAX_ORDERS }) } : loaded;
  const ready = shown !== null && 'orders' in shown ? shown : null;
  const title = fill(kind === 'pick' ? t.previewPick : t.previewPacking, { n: orderNos.length });
  return (
    <div className="print-view" role="dialog" aria-modal="true" aria-label={title} data-testid="print-preview">
      <div className="print-toolbar">
        <Typography.Text strong>{title}</Typography.Text>
        <Space size={8}>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!ready?.orders.length}
            onClick={() => window.print()}
          >
            {t.print}
          </Button>
          <Button icon={<FilePdfOutlined />} disabled={!ready?.orders.length} onClick={() => void savePdf()}>
            {t.savePdf}
          </Button>
          <Button icon={<CloseOutlined />} onClick={close}>
            {t.close}
          </Button>
        </Space>
        {ready && ready.missing.length > 0 && (
          <Alert type="warning" showIcon role="alert" title={fill(t.missing, { list: ready.missing.join(', ') })} />
        )}
        {status && (
          <Typography.Text type="secondary" role="status">
            {status}
          </Typography.Text>
        )}
      </div>
      <div className="print-pages">
        {shown === null && <LoadingState text={t.loading} />}
        {shown && 'error' in shown && <Alert type="error" showIcon role="alert" title={shown.error} />}
        {ready &&
          (kind === 'pick'
            ? ready.orders.length > 0 && <PickList orders={ready.orders} printedAt={at} />
            : ready.orders.map((order) => <PackingSlip key={order.orderNo} order={order} />))}
      </div>
    </div>
  );
}
