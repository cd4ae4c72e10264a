import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabelBlock, ScanResult, ShiftCount, VerifyLineView, VerifyState } from '../../../shared/contract/floor';
import { checkTrackingNo, guessCarriers } from '../../../shared/domain/carriers';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { lastCarrier, rememberCarrier } from '../detail/last-carrier';
import { useRefusalText } from '../detail/refusal-text';
import { LabelPrint } from '../../print/LabelPrint';
import { useLabels } from '../../stores/labels';
import { useSession } from '../../stores/session';
import { beepAccepted, beepRefused } from './beep';
import { MergeDialog, SplitDialog } from './ShipmentDialogs';
import './floor.css';

type Notice = { tone: 'success' | 'error' | 'info'; text: string } | null;

/** "12*6923450000014": twelve of one item in one scan. */
const QUANTITY_PREFIX = /^(\d{1,4})\*(.+)$/;

/**
 * 扫描验货 and one-scan shipping (扫描发货): scan the order, scan every item against its lines,
 * scan the label's tracking number, next. Keyboard and scanner only: each step's field takes the
 * focus by itself, Enter moves on, Esc closes the order (its scans are kept on this desk).
 */
export function ScanStation() {
  const m = useMessages();
  const t = m.floor;
  const refusalText = useRefusalText();
  const [order, setOrder] = useState<VerifyState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [shift, setShift] = useState<ShiftCount | null>(null);
  const [orderText, setOrderText] = useState('');
  const [itemText, setItemText] = useState('');
  const [trackingText, setTrackingText] = useState('');
  const [flash, setFlash] = useState<number | null>(null);
  const [planning, setPlanning] = useState<'split' | 'merge' | null>(null);
  const orderField = useRef<InputRef>(null);
  const itemField = useRef<InputRef>(null);
  const trackingField = useRef<InputRef>(null);

  const warehouseId = useSession((s) => s.session?.scope.warehouseIds[0] ?? null);
  const [block, setBlock] = useState<LabelBlock | null>(null);
  const labelsOpen = useLabels((s) => s.labels !== null);
  const showLabels = useLabels((s) => s.show);
  const printer = useLabels((s) => s.printer);
  const size = useLabels((s) => s.size);

  const refreshShift = useCallback(
    () =>
      api['floor.shift']({}).then((result) => {
        if (result.ok) setShift(result.value);
      }),
    [],
  );
  // The desk's label numbers, topped up from the service's pool whenever it can be reached.
  const refreshBlock = useCallback(
    (): Promise<LabelBlock | null> =>
      warehouseId
        ? api['labels.topUp']({ carrier: lastCarrier(), warehouseId }).then((result) => {
            if (!result.ok) return null;
            setBlock(result.value);
            return result.value;
          })
        : Promise.resolve(null),
    [warehouseId],
  );
  useEffect(() => {
    void refreshShift();
    void refreshBlock();
    orderField.current?.focus();
  }, [refreshShift, refreshBlock]);
  // Back from the label view, the keyboard goes back to the next order.
  useEffect(() => {
    if (!labelsOpen) orderField.current?.focus();
  }, [labelsOpen]);

  const canShip = order !== null && order.blockedBy === null && (order.complete || !order.requireVerification);
  // Each step hands the keyboard to the next field: a scanner never needs a click.
  useEffect(() => {
    if (planning) return;
    if (!order) orderField.current?.focus();
    else if (order.complete && canShip) trackingField.current?.focus();
    else itemField.current?.focus();
  }, [order, canShip, planning]);

  const refuse = (text: string) => {
    beepRefused();
    setNotice({ tone: 'error', text });
  };

  const openOrder = async () => {
    const orderNo = orderText.trim();
    setOrderText('');
    if (!orderNo) return;
    const result = await api['floor.open']({ orderNo });
    if (!result.ok) return refuse(fill(t.notFound, { orderNo }));
    setOrder(result.value);
    if (result.value.blockedBy) refuse(fill(t.blocked, { reason: refusalWords(m, result.value.blockedBy) ?? '' }));
    else setNotice(null);
  };

  const scanItem = async () => {
    const text = itemText.trim();
    setItemText('');
    if (!order || !text) return;
    const counted = QUANTITY_PREFIX.exec(text);
    const quantity = counted ? Number(counted[1]) : 1;
    const code = counted ? counted[2]! : text;
    if (quantity < 1) return;
    const result = await api['floor.scan']({ orderNo: order.orderNo, code, quantity });
    if (!result.ok) return refuse(refusalText(result.error));
    const scan: ScanResult = result.value;
    setOrder(scan.state);
    setFlash(scan.lineNo);
    const name = scan.item ? `${scan.item.name} ${scan.item.spec}` : '';
    if (scan.accepted) {
      beepAccepted();
      setNotice({
        tone: 'success',
        text: fill(t.accepted, { name: scan.item?.name ?? '', spec: scan.item?.spec ?? '', n: quantity }),
      });
    } else if (scan.refusal === 'WRONG_ITEM') {
      refuse(scan.item ? fill(t.WRONG_ITEM, { name }) : fill(t.WRONG_CODE, { code }));
    } else {
      refuse(fill(t.EXTRA_UNIT, { name }));
    }
  };

  /** One-scan shipping: the label's number from this desk's block, the parcel shipped with it, the label printed. */
  const printAndShip = async () => {
    if (!order) return;
    const carrier = lastCarrier();
    const prepared = await api['labels.prepare']({ orderNos: [order.orderNo], carrier });
    if (!prepared.ok) return refuse(refusalText(prepared.error));
    const [label] = prepared.value.labels;
    if (!label) return refuse(refusalWords(m, prepared.value.refused?.reason ?? '') ?? t.noBlock);
    if (!(await shipWith(label.trackingNo, carrier))) return;
    if (printer) {
      const silent = await api['labels.printSilently']({ deviceName: printer, size });
      if (silent.ok && silent.value.printed) return;
    }
    showLabels([label]);
  };

  const shipWith = async (trackingNo: string, carrier: string): Promise<boolean> => {
    if (!order) return false;
    // A merge (合单) leaves as one parcel for all its orders; otherwise the parcel is what the station
    // verified: everything owed, or the split's next part (拆单).
    const lines = order.lines.filter((l) => l.owed > 0).map((l) => ({ lineNo: l.lineNo, quantity: l.owed }));
    const result =
      order.mergedWith.length > 0
        ? await api['orders.shipMerge']({ orderNo: order.orderNo, carrier, trackingNo })
        : await api['orders.ship']({ orderNo: order.orderNo, parcels: [{ carrier, trackingNo, lines }] });
    if (!result.ok) {
      refuse(refusalText(result.error));
      return false;
    }
    rememberCarrier(carrier);
    beepAccepted();
    setTrackingText('');
    setNotice({ tone: 'success', text: fill(t.shipped, { orderNo: order.orderNo }) });
    setOrder(null);
    void refreshShift();
    void refreshBlock();
    return true;
  };

  const ship = async () => {
    const trackingNo = trackingText.trim();
    if (!order) return;
    if (!trackingNo) {
      // A scan quicker than the station's first top-up still finds the desk's block.
      const current = block ?? (await refreshBlock());
      return void (current && current.free > 0 ? printAndShip() : refuse(t.noBlock));
    }
    const carrier = checkTrackingNo(lastCarrier(), trackingNo).ok
      ? lastCarrier()
      : (guessCarriers(trackingNo)[0] ?? lastCarrier());
    await shipWith(trackingNo, carrier);
  };

  /** After a split or a merge (or its undoing) the station shows the order's parcel as it now stands. */
  const replan = async (text: string) => {
    setPlanning(null);
    if (!order) return;
    const reopened = await api['floor.open']({ orderNo: order.orderNo });
    if (!reopened.ok) return refuse(refusalText(reopened.error));
    setOrder(reopened.value);
    setNotice({ tone: 'info', text });
  };

  const undoPlan = async () => {
    if (!order) return;
    const result =
      order.mergedWith.length > 0
        ? await api['orders.unmerge']({ orderNo: order.orderNo })
        : await api['orders.unsplit']({ orderNo: order.orderNo });
    if (!result.ok) return refuse(refusalText(result.error));
    await replan(m.floor.shipments.undone);
  };

  const close = () => {
    setOrder(null);
    setNotice(null);
  };
  // Esc closes the open order; while the label view is up, Esc is the label view's.
  const escape = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape' || labelsOpen || planning || !order) return;
    event.preventDefault();
    close();
  };

  const s = m.floor.shipments;
  const planned = order !== null && (order.part !== null || order.mergedWith.length > 0);
  const done = order?.lines.reduce((n, l) => n + Math.min(l.verified, l.owed), 0) ?? 0;
  const total = order?.lines.reduce((n, l) => n + l.owed, 0) ?? 0;

  return (
    <div className="scan-station" data-testid="scan-station" onKeyDown={escape}>
      <LabelPrint />
      {order && planning === 'split' && (
        <SplitDialog order={order} onDone={() => void replan(s.splitDone)} onClose={() => setPlanning(null)} />
      )}
      {order && planning === 'merge' && (
        <MergeDialog order={order} onDone={() => void replan(s.mergeDone)} onClose={() => setPlanning(null)} />
      )}
      <Row gutter={16} align="top">
        <Col flex="auto">
          <Typography.Title level={3}>{t.title}</Typography.Title>
          <Typography.Paragraph type="secondary">{t.keys}</Typography.Paragraph>
        </Col>
        <Col>
          <Card size="small">
            <Space size="large">
              <div data-testid="shift-orders" data-state={shift ? 'loaded' : 'loading'}>
                <Statistic title={t.shift} value={fill(t.shiftOrders, { n: shift?.orders ?? 0 })} />
              </div>
              <Statistic title=" " value={fill(t.shiftUnits, { n: shift?.units ?? 0 })} />
            </Space>
          </Card>
        </Col>
      </Row>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <label>
          <Typography.Text strong>{t.orderField}</Typography.Text>
          <Input
            ref={orderField}
            size="large"
            className="mono"
            aria-label={t.orderField}
            placeholder={t.orderHint}
            value={orderText}
            disabled={order !== null}
            onChange={(e) => setOrderText(e.target.value)}
            onPressEnter={() => void openOrder()}
          />
        </label>
        {notice && (
          <Alert
            data-testid={notice.tone === 'error' ? 'scan-refusal' : 'scan-notice'}
            role={notice.tone === 'error' ? 'alert' : 'status'}
            type={notice.tone}
            showIcon
            message={<span style={{ fontSize: notice.tone === 'error' ? 20 : 16 }}>{notice.text}</span>}
          />
        )}
        {order && (
          <Card
            data-testid="verify-order"
            data-order-no={order.orderNo}
            extra={
              order.blockedBy === null &&
              (planned ? (
                <Button data-testid="undo-plan" onClick={() => void undoPlan()}>
                  {order.mergedWith.length > 0 ? s.unmerge : s.unsplit}
                </Button>
              ) : (
                <Space>
                  <Button data-testid="split-order" onClick={() => setPlanning('split')}>
                    {s.split}
                  </Button>
                  <Button data-testid="merge-order" onClick={() => setPlanning('merge')}>
                    {s.merge}
                  </Button>
                </Space>
              ))
            }
            title={
              <Space>
                <span className="mono">{order.orderNo}</span>
                <span>{order.receiverName}</span>
                {order.part && <Tag color="purple">{fill(t.part, order.part)}</Tag>}
                {order.mergedWith.length > 0 && (
                  <Tag color="purple" data-testid="verify-merged">
                    {fill(t.merged, { orderNos: order.mergedWith.join('、') })}
                  </Tag>
                )}
                {order.requireVerification ? (
                  <Tag color="orange">{t.policyRequired}</Tag>
                ) : (
                  <Tag>{t.policyOptional}</Tag>
                )}
                {order.complete && (
                  <Tag color="green" data-testid="verify-complete">
                    {t.complete}
                  </Tag>
                )}
              </Space>
            }
          >
            <Progress
              percent={total === 0 ? 0 : Math.round((done / total) * 100)}
              format={() => fill(t.progress, { done, total })}
              status={order.complete ? 'success' : 'active'}
            />
            <Table<VerifyLineView>
              size="small"
              pagination={false}
              rowKey={(line) => `${line.orderNo}#${line.lineNo}`}
              dataSource={order.lines}
              rowClassName={(line) =>
                line.lineNo === flash ? 'verify-flash' : line.verified >= line.owed ? 'verify-done' : ''
              }
              onRow={(line) =>
                ({
                  'data-order-no': line.orderNo,
                  'data-line-no': line.lineNo,
                  'data-verified': line.verified,
                }) as object
              }
              columns={[
                ...(order.mergedWith.length > 0
                  ? [{ title: t.orderOfLine, dataIndex: 'orderNo', className: 'mono' as const }]
                  : []),
                {
                  title: t.item,
                  render: (_, line) => (
                    <span>
                      {line.name} <Typography.Text type="secondary">{line.spec}</Typography.Text>
                    </span>
                  ),
                },
                { title: 'SKU', dataIndex: 'sku', className: 'mono' },
                { title: m.floor.itemField, dataIndex: 'barcode', className: 'mono' },
                { title: t.owed, dataIndex: 'owed', align: 'right' },
                {
                  title: t.verified,
                  align: 'right',
                  render: (_, line) => (
                    <Tag color={line.verified >= line.owed ? 'green' : line.verified > 0 ? 'blue' : 'default'}>
                      {line.verified} / {line.owed}
                    </Tag>
                  ),
                },
              ]}
            />
            <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
              <label>
                <Typography.Text strong>{t.itemField}</Typography.Text>
                <Input
                  ref={itemField}
                  size="large"
                  className="mono"
                  aria-label={t.itemField}
                  placeholder={t.itemHint}
                  value={itemText}
                  status={notice?.tone === 'error' ? 'error' : undefined}
                  onChange={(e) => setItemText(e.target.value)}
                  onPressEnter={() => void scanItem()}
                />
              </label>
              <label>
                <Typography.Text strong>{t.trackingField}</Typography.Text>
                <Input
                  ref={trackingField}
                  size="large"
                  className="mono"
                  aria-label={t.trackingField}
                  placeholder={block && block.free > 0 ? fill(t.printShip, { n: block.free }) : t.trackingHint}
                  value={trackingText}
                  disabled={!canShip}
                  onChange={(e) => setTrackingText(e.target.value)}
                  onPressEnter={() => void ship()}
                />
              </label>
            </Space>
          </Card>
        )}
      </Space>
    </div>
  );
}
