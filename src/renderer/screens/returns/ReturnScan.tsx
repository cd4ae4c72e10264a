import { Alert, Card, Input, Space, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ReturnParcel } from '../../../shared/contract/floor';
import { normalizeTrackingNo } from '../../../shared/domain/carriers';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { beepAccepted, beepRefused } from '../floor/beep';

type Outcome = { found: ReturnParcel } | { missing: string } | null;

/**
 * 退货扫描 at the return desk: scan the tracking number on a parcel a buyer sent back, and its
 * after-sale opens in the order's detail, where the goods are inspected and received. Keyboard and
 * scanner only: the field keeps the focus, and takes it back when the detail closes.
 */
export function ReturnScan() {
  const m = useMessages();
  const t = m.floor.returns;
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [recent, setRecent] = useState<ReturnParcel[]>([]);
  const field = useRef<InputRef>(null);
  const openOrder = useNavigation((s) => s.openOrder);
  const detailOpen = useNavigation((s) => s.openedOrderNo !== null);

  useEffect(() => {
    if (!detailOpen) field.current?.focus();
  }, [detailOpen]);

  async function find() {
    const trackingNo = normalizeTrackingNo(text);
    if (!trackingNo) return;
    setText('');
    const result = await api['returns.find']({ trackingNo });
    if (!result.ok) {
      beepRefused();
      setOutcome({ missing: trackingNo });
      return;
    }
    beepAccepted();
    setOutcome({ found: result.value });
    setRecent((list) => [result.value, ...list.filter((r) => r.afterSaleId !== result.value.afterSaleId)].slice(0, 20));
    openOrder(result.value.orderNo);
  }

  const describe = (r: ReturnParcel) =>
    fill(t.found, {
      afterSaleNo: r.afterSaleNo,
      type: t[r.type],
      status: m.detail.afterSaleStatus[r.status],
      orderNo: r.orderNo,
    });

  return (
    <div
      className="screen-scroll"
      data-testid="return-scan"
      style={{ flex: 1, minWidth: 0, overflow: 'auto', padding: 16 }}
    >
      <Card title={t.title}>
        <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
        <Input
          ref={field}
          size="large"
          autoFocus
          aria-label={t.field}
          placeholder={t.field}
          data-testid="return-field"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void find()}
          className="mono"
        />
        {outcome && 'found' in outcome && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="return-found"
            message={describe(outcome.found)}
          />
        )}
        {outcome && 'missing' in outcome && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            role="alert"
            data-testid="return-missing"
            message={fill(t.notFound, { trackingNo: outcome.missing })}
          />
        )}
      </Card>
      {recent.length > 0 && (
        <Card title={t.recent} style={{ marginTop: 16 }}>
          <Space direction="vertical" size={4} data-testid="return-recent">
            {recent.map((r) => (
              <Typography.Text key={r.afterSaleId}>{describe(r)}</Typography.Text>
            ))}
          </Space>
        </Card>
      )}
    </div>
  );
}
