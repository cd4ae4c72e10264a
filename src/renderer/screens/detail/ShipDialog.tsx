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
  const trackingInputs = useRef<Array<HTMLInputElement | null>>([]);

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

  const problems = planProblems(order.lines, parcels);
  const problemText = (p: (typeof problems)[number]): string => {
    if (p.code === 'QUANTITY_EXCEEDS_REMAINING') {
      return fill(t.over, { name: order.lines.find((l) => l.lineNo === p.lineNo)?.name ?? p.lineNo });
    }
    const problem =
      p.code === 'EMPTY_PARCEL'
        ? t.empty
        : p.code === 'DUPLICATE_TRACKING'
          ? t.duplicateTracking
          : m.detail.reason[p.code];
    return fill(t.problemAt, { parcel: fill(t.parcel, { n: p.parcel + 1 }), problem });
  };

  const confirm = async () => {
    if (problems.length > 0) {
      setError(problemText(problems[0]!));
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
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {parcels.map((parcel, i) => {
        const prefix = `${fill(t.parcel, { n: i + 1 })} `;
        return (
          <fieldset key={i} className="parcel" data-testid={`parcel-${i + 1}`}>
            <legend>{fill(t.parcel, { n: i + 1 })}</legend>
            <table className="detail-table">
              <thead>
                <tr>
                  <th>{t.item}</th>
                  <th className="num">{t.remaining}</th>
                  <th className="num">{t.quantity}</th>
                </tr>
              </thead>
              <tbody>
                {owed.map((line) => {
                  const left =
                    remainingToShip(line) - plannedUnits(parcels, line.lineNo) + (parcel.quantities[line.lineNo] ?? 0);
                  return (
                    <tr key={line.lineNo}>
                      <td>
                        {line.name} <small>{line.spec}</small>
                      </td>
                      <td className="num">{left}</td>
                      <td className="num">
                        <input
                          type="number"
                          min={0}
                          max={remainingToShip(line)}
                          aria-label={`${prefix}${line.name} ${t.quantity}`}
                          aria-invalid={left < (parcel.quantities[line.lineNo] ?? 0)}
                          value={parcel.quantities[line.lineNo] ?? 0}
                          onChange={(e) =>
                            setQuantity(i, line.lineNo, Math.max(0, Math.trunc(Number(e.target.value) || 0)))
                          }
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <TrackingField
              value={parcel}
              labelPrefix={prefix}
              autoFocus={i === parcels.length - 1}
              inputRef={(input) => {
                trackingInputs.current[i] = input;
              }}
              onEnter={() => nextParcel(i)}
              onChange={(value) => update(i, value)}
            />
            {parcels.length > 1 && (
              <button type="button" onClick={() => setParcels((all) => all.filter((_, j) => j !== i))}>
                {t.removeParcel}
              </button>
            )}
          </fieldset>
        );
      })}
      <div className="ship-footer">
        <button type="button" onClick={addParcel}>
          {t.addParcel}
        </button>
        <span className="muted" data-testid="ship-outcome">
          {shipsEverything(order.lines, parcels) ? t.complete : t.partial}
        </span>
      </div>
    </Dialog>
  );
}
