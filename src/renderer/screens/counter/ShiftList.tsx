import { useEffect, useState } from 'react';
import type { ShiftRow } from '../../../shared/contract/api';
import { api, onEvent } from '../../api/client';
import { fill, useI18n, useMessages } from '../../i18n';
import { downloadCsv, downloadXlsx } from '../../lib/download';
import { useShift } from '../../stores/shift';
import { dateTime, money } from '../../lib/format';

/** Today's redemptions (a supervisor's: all their stores'), with totals, CSV export and (for supervisors) undo. */
export function ShiftList({ version }: { version: number }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { shift, error, reload, setError } = useShift();
  const [undoing, setUndoing] = useState<ShiftRow | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    void reload();
    const off = onEvent('orders.changed', () => void reload());
    return off;
  }, [reload, version]);

  const stateOf = (state: ShiftRow['state']) => (state === 'undone' ? m.shiftStore.undone : m.shift.states[state]);
  const storeWide = shift !== null && shift.coverage !== 'desk';

  const headers = [
    m.shift.time,
    m.shift.orderNo,
    m.shift.store,
    m.shift.clerk,
    m.shift.items,
    m.shift.payable,
    m.shift.state,
  ];
  const fileName = (extension: string) => `redemptions-${new Date().toISOString().slice(0, 10)}.${extension}`;
  const exportCsv = () => {
    if (!shift) return;
    downloadCsv(
      fileName('csv'),
      headers,
      shift.rows.map((r) => [
        dateTime(r.redeemedAt, locale),
        r.orderNo,
        r.storeId,
        r.clerk,
        r.items,
        (r.payable / 100).toFixed(2),
        stateOf(r.state),
      ]),
    );
  };
  const exportXlsx = () => {
    if (!shift) return;
    void downloadXlsx(
      fileName('xlsx'),
      m.shift.title,
      headers.map((header, i) => ({ header, kind: i === 5 ? 'money' : 'text' })),
      shift.rows.map((r) => [
        dateTime(r.redeemedAt, locale),
        r.orderNo,
        r.storeId,
        r.clerk,
        r.items,
        r.payable,
        stateOf(r.state),
      ]),
    );
  };

  const undo = async () => {
    if (!undoing || !reason.trim()) return;
    const result = await api['redemption.undo']({
      orderNo: undoing.orderNo,
      redemptionId: undoing.redemptionId,
      reason: reason.trim(),
    });
    setError(result.ok ? null : result.error);
    setUndoing(null);
    setReason('');
    void reload();
  };

  return (
    <section className="shift-list" aria-label={m.shift.title}>
      <header className="shift-header">
        <h3>{storeWide ? m.shiftStore.titleStores : m.shift.title}</h3>
        {shift && (
          <span data-testid="shift-totals">
            {fill(m.shift.totals, { count: shift.totals.count, payable: money(shift.totals.payable) })}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={exportCsv} disabled={!shift || shift.rows.length === 0}>
          {m.shift.exportCsv}
        </button>
        <button type="button" onClick={exportXlsx} disabled={!shift || shift.rows.length === 0}>
          {m.files.exportXlsx}
        </button>
      </header>
      {shift?.coverage === 'stores' && (
        <p className="muted" data-testid="shift-coverage">
          {m.shiftStore.stores}
        </p>
      )}
      {shift?.coverage === 'desk-only' && (
        <p className="notice" role="status" data-testid="shift-coverage">
          {fill(m.shiftStore.deskOnly, {
            reason: m.shiftStore.failure[shift.unavailable ?? ''] ?? shift.unavailable ?? '',
          })}
        </p>
      )}
      {error && (
        <div className="error-banner" role="alert">
          {m.refusal[error.reason ?? ''] ?? m.error[error.code]}
        </div>
      )}
      {shift && shift.rows.length === 0 && <div className="placeholder">{m.shift.empty}</div>}
      {shift && shift.rows.length > 0 && (
        <table className="shift-table">
          <thead>
            <tr>
              <th>{m.shift.time}</th>
              <th>{m.shift.orderNo}</th>
              <th>{m.shift.store}</th>
              <th>{m.shift.clerk}</th>
              <th>{m.shift.items}</th>
              <th>{m.shift.payable}</th>
              <th>{m.shift.state}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shift.rows.map((r) => (
              <tr key={r.redemptionId} data-state={r.state}>
                <td>{dateTime(r.redeemedAt, locale)}</td>
                <td>{r.orderNo}</td>
                <td>{r.storeId}</td>
                <td>{r.clerk}</td>
                <td>{r.items}</td>
                <td>{money(r.payable)}</td>
                <td>
                  <span className={`badge ${r.state}`}>{stateOf(r.state)}</span>
                </td>
                <td>
                  {r.undoable && (
                    <button type="button" onClick={() => setUndoing(r)}>
                      {m.shift.undo}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undoing && (
        <form
          className="reason-form"
          onSubmit={(e) => {
            e.preventDefault();
            void undo();
          }}
        >
          <span>{undoing.orderNo}</span>
          <input
            aria-label={m.shift.undoReason}
            placeholder={m.shift.undoReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
          <button type="submit" disabled={!reason.trim()}>
            {m.shift.undoConfirm}
          </button>
          <button type="button" onClick={() => setUndoing(null)}>
            {m.counter.cancel}
          </button>
        </form>
      )}
    </section>
  );
}
