import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Table, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import { remainingToShip } from '../../../shared/domain/order-facts';
import {
  planProblems,
  plannedUnits,
  shipsEverything,
  toParcelInputs,
  wholeOrderParcel,
  type PlannedParcel,
} from '../../../shared/shipping/parcel-plan';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { Dialog } from './Dialog';
import { lastCarrier, rememberCarrier } from './last-carrier';
import { TrackingField } from './TrackingField';
import { useRefusalText } from './refusal-text';

interface Props {
  order: OrderDetail;
  onClose(): void;
  onShipped(order: OrderDetail): void;
}

/**
 * Packs a child order into one or several parcels. It opens with everything still owed in one
 * parcel and the tracking field focused, so the common case is: scan, Enter.
 */
export function ShipDialog({ order, onClose, onShipped }: Props) {
  const m = useMessages();
  const t = m.shipping;
  const refusalText = useRefusalText();
  const owed = order.lines.filter((l) => remainingToShip(l) > 0);
  const [parcels, setParcels] = useState<PlannedParcel[]>(() => [wholeOrderParcel(order.lines, lastCarrier())]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trackingInputs = useRef<Array<InputRef | null>>([]);

  /**
   * A scanner ends every number with Enter. While another parcel still has no number, that Enter
   * moves on to it (so the next scan lands there, not appended to this one); the last one ships.
   */
  const nextParcel = (from: number): boolean => {
    const empty = (i: number) => parcels[i] !== undefined && parcels[i].trackingNo.trim() === '';
    const order = [...parcels.keys()].filter((i) => i !== from);
    const next = order.find((i) => i > from && empty(i)) ?? order.find(empty);
    if (next === undefined || parcels[from]!.trackingNo.trim() === '') return false;
    trackingInputs.current[next]?.focus();
    return true;
  };

  const update = (index: number, change: Partial<PlannedParcel>) =>
    setParcels((all) => all.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const setQuantity = (index: number, lineNo: number, quantity: number) =>
    setParcels((all) =>
      all.map((p, i) => (i === index ? { ...p, quantities: { ...p.quantities, [lineNo]: quantity } } : p)),
    );
  const addParcel = () =>
    setParcels((all) => [...all, { carrier: all.at(-1)!.carrier, trackingNo: '', quantities: {} }]);

  // Problems show where they are (at the parcel's tracking number, in the parcel) once a confirm
  // was tried, and leave as soon as they are fixed.
  const [tried, setTried] = useState(false);
  const problems = planProblems(order.lines, parcels);
  const atParcel = (i: number) => (tried ? problems.filter((p) => 'parcel' in p && p.parcel === i) : []);
  const trackingProblem = (i: number): string | undefined => {
    const p = atParcel(i).find((q) => q.code !== 'EMPTY_PARCEL');
    if (!p) return undefined;
    return p.code === 'DUPLICATE_TRACKING'
      ? t.duplicateTracking
      : m.detail.reason[p.code as keyof typeof m.detail.reason];
  };
  const over = tried ? problems.find((p) => p.code === 'QUANTITY_EXCEEDS_REMAINING') : undefined;

  const confirm = async () => {
    setError(null);
    if (problems.length > 0) {
      setTried(true);
      return;
    }
    setBusy(true);
    const result = await api['orders.ship']({ orderNo: order.orderNo, parcels: toParcelInputs(parcels) });
    setBusy(false);
    if (!result.ok) {
      setError(refusalText(result.error));
      return;
    }
    rememberCarrier(parcels.at(-1)!.carrier);
    onShipped(result.value);
  };

  return (
    <Dialog
      title={fill(t.title, { orderNo: order.orderNo })}
      testId="ship-dialog"
      confirmLabel={t.confirm}
      busy={busy}
      error={
        error ??
        (over && 'lineNo' in over
          ? fill(t.over, { name: order.lines.find((l) => l.lineNo === over.lineNo)?.name ?? over.lineNo })
          : null)
      }
      onConfirm={() => void confirm()}
      onClose={onClose}
      width={720}
    >
      <Form layout="vertical" component="div" className="ship-form">
        {parcels.map((parcel, i) => {
          const prefix = `${fill(t.parcel, { n: i + 1 })} `;
          return (
            <Card
              key={i}
              size="small"
              type="inner"
              className="parcel"
              data-testid={`parcel-${i + 1}`}
              title={fill(t.parcel, { n: i + 1 })}
              extra={
                parcels.length > 1 && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => setParcels((all) => all.filter((_, j) => j !== i))}
                  >
                    {t.removeParcel}
                  </Button>
                )
              }
            >
              <Table
                className="detail-table"
                size="small"
                pagination={false}
                rowKey="lineNo"
                dataSource={owed}
                columns={[
                  {
                    key: 'item',
                    title: t.item,
                    render: (_, line) => (
                      <>
                        {line.name} <small>{line.spec}</small>
                      </>
                    ),
                  },
                  {
                    key: 'remaining',
                    title: t.remaining,
                    align: 'right',
                    render: (_, line) => (
                      <span className="amount">
                        {remainingToShip(line) -
                          plannedUnits(parcels, line.lineNo) +
                          (parcel.quantities[line.lineNo] ?? 0)}
                      </span>
                    ),
                  },
                  {
                    key: 'quantity',
                    title: t.quantity,
                    align: 'right',
                    width: 120,
                    render: (_, line) => {
                      const planned = parcel.quantities[line.lineNo] ?? 0;
                      const left = remainingToShip(line) - plannedUnits(parcels, line.lineNo) + planned;
                      return (
                        <InputNumber
                          size="small"
                          min={0}
                          max={remainingToShip(line)}
                          precision={0}
                          status={left < planned ? 'error' : undefined}
                          // Two lines may share a name (one product in two sizes): the spec tells them apart.
                          aria-label={`${prefix}${[line.name, line.spec, t.quantity].filter(Boolean).join(' ')}`}
                          value={planned}
                          onChange={(n) => setQuantity(i, line.lineNo, Math.max(0, Math.trunc(Number(n) || 0)))}
                        />
                      );
                    },
                  },
                ]}
              />
              {atParcel(i).some((p) => p.code === 'EMPTY_PARCEL') && (
                <Alert className="parcel-problem" type="error" showIcon title={t.empty} />
              )}
              <TrackingField
                value={parcel}
                problem={trackingProblem(i)}
                labelPrefix={prefix}
                testSuffix={String(i + 1)}
                autoFocus={i === parcels.length - 1}
                inputRef={(input) => {
                  trackingInputs.current[i] = input;
                }}
                onEnter={() => nextParcel(i)}
                onChange={(value) => update(i, value)}
              />
            </Card>
          );
        })}
      </Form>
      <div className="ship-footer">
        <Button icon={<PlusOutlined />} onClick={addParcel}>
          {t.addParcel}
        </Button>
        <Typography.Text type="secondary" data-testid="ship-outcome">
          {shipsEverything(order.lines, parcels) ? t.complete : t.partial}
        </Typography.Text>
      </div>
    </Dialog>
  );
}
