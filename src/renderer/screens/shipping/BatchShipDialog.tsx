import { useState } from 'react';
import type { BatchRowResult } from '../../../shared/contract/shipping';
import { readTable } from '../../../shared/files/read';
import { api } from '../../api/client';
import { fill, useI18n, useMessages } from '../../i18n';
import { carrierName } from '../detail/carrier-name';
import { Dialog } from '../detail/Dialog';
import { useRefusalText } from '../detail/refusal-text';

type Stage = { name: 'edit' } | { name: 'previewed' | 'applied'; rows: BatchRowResult[] };

/**
 * Batch shipping: paste or pick a CSV, preview every row against this device's orders, then ship
 * the good rows only. Enter moves on (preview → ship → close), Esc leaves.
 */
export function BatchShipDialog({ onClose }: { onClose(): void }) {
  const m = useMessages();
  const t = m.shipping.batch;
  const locale = useI18n((s) => s.locale);
  const refusalText = useRefusalText();
  const [csv, setCsv] = useState('');
  const [stage, setStage] = useState<Stage>({ name: 'edit' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [read, setRead] = useState<string | null>(null);
  const rows = stage.name === 'edit' ? [] : stage.rows;
  const good = rows.filter((r) => r.error === null).length;
  const shipped = rows.filter((r) => r.shipped).length;

  const run = async (procedure: 'shipping.previewBatch' | 'shipping.applyBatch') => {
    setBusy(true);
    const result = await api[procedure]({ csv });
    setBusy(false);
    if (!result.ok) return setError(refusalText(result.error));
    setError(null);
    setStage({ name: procedure === 'shipping.previewBatch' ? 'previewed' : 'applied', rows: result.value.rows });
  };
  /** A CSV in any encoding Excel writes, or a workbook: shown as text the preview reads (tabs between cells). */
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const read = await readTable(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return setError(m.files.failure[read.code]);
    const { table } = read;
    setError(null);
    setRead(
      fill(m.files.readAs, {
        rows: table.rows.length,
        format: table.format === 'xlsx' ? m.files.xlsx : `CSV, ${m.files.encoding[table.encoding ?? 'utf-8']}`,
      }),
    );
    setCsv(table.rows.map((r) => r.cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n'));
    setStage({ name: 'edit' });
  };
  const confirm = () => {
    if (stage.name === 'applied') onClose();
    else if (stage.name === 'previewed' && good > 0) void run('shipping.applyBatch');
    else if (stage.name === 'previewed') setError(t.nothing);
    else if (csv.trim() !== '') void run('shipping.previewBatch');
  };
  const errorText = (row: BatchRowResult): string => {
    if (row.error === 'TRACKING_IN_USE' && row.heldBy) return fill(m.shipping.batchHeldBy, { orderNo: row.heldBy });
    const texts: Record<string, string> = { ...m.detail.reason, ...m.shipping.batchError };
    return row.error ? (texts[row.error] ?? row.error) : '';
  };

  return (
    <Dialog
      title={t.title}
      testId="batch-dialog"
      confirmLabel={
        stage.name === 'edit' ? t.preview : stage.name === 'previewed' ? fill(t.apply, { n: good }) : t.close
      }
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p className="muted">{t.help}</p>
      <label className="field">
        <span>{t.file}</span>
        <input
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </label>
      {read && (
        <p className="muted" data-testid="batch-read">
          {read}
        </p>
      )}
      <label className="field">
        <span>{t.paste}</span>
        <textarea
          rows={5}
          className="mono"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setStage({ name: 'edit' });
          }}
        />
      </label>
      {stage.name !== 'edit' && (
        <>
          <p data-testid="batch-summary">
            {stage.name === 'previewed'
              ? fill(t.summary, { ok: good, bad: rows.length - good })
              : fill(t.applied, { shipped, bad: rows.length - shipped })}
          </p>
          <table className="detail-table batch-rows">
            <thead>
              <tr>
                <th>{t.line}</th>
                <th>{t.orderNo}</th>
                <th>{t.carrier}</th>
                <th>{t.trackingNo}</th>
                <th>{t.result}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.line}
                  data-line={row.line}
                  data-error={row.error ?? ''}
                  className={row.error ? 'bad' : 'good'}
                >
                  <td>{row.line}</td>
                  <td>{row.orderNo}</td>
                  <td>{carrierName(row.carrier, locale)}</td>
                  <td className="mono">{row.trackingNo}</td>
                  <td>{row.error ? errorText(row) : row.shipped ? t.shipped : t.ok}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
