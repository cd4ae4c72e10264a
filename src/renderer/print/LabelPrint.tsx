import { Button, Input, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { LABEL_SIZES, type LabelSize } from '../../shared/contract/floor';
import { api } from '../api/client';
import { fill, useMessages } from '../i18n';
import { useShortcuts } from '../keyboard/shortcuts';
import { useLabels } from '../stores/labels';
import { WaybillLabel } from './WaybillLabel';
import './label.css';

/**
 * The labels as they will print, over everything else (outside the app's root, so print CSS can
 * leave only them). Enter prints: silently to the chosen thermal printer in the desktop app, else
 * through the print dialog, whose "Save as PDF" gives the same pages. Esc closes.
 */
export function LabelPrint() {
  const labels = useLabels((s) => s.labels);
  if (!labels) return null;
  return createPortal(<View />, document.body);
}

function View() {
  const m = useMessages();
  const t = m.floor.label;
  const { labels, size, printer, close, setSize, setPrinter } = useLabels();
  const [status, setStatus] = useState<string | null>(null);

  const print = async () => {
    if (printer) {
      const result = await api['labels.printSilently']({ deviceName: printer, size });
      if (result.ok) return setStatus(result.value.printed ? t.printed : t.notPrinted);
      if (result.error.code !== 'NOT_SUPPORTED') return setStatus(m.error[result.error.code]);
    }
    window.print();
  };
  useShortcuts(
    t.title,
    [
      { keys: ['Escape'], description: t.close, inFields: true, run: close },
      { keys: ['Enter'], description: t.print, run: () => void print() },
    ],
    true,
    { modal: true },
  );

  return (
    <div className="label-print-view" role="dialog" aria-modal="true" aria-label={t.title} data-testid="label-print">
      <div className="label-print-toolbar">
        <Typography.Text strong>{fill(t.count, { n: labels?.length ?? 0 })}</Typography.Text>
        <Segmented<LabelSize>
          aria-label={t.size}
          value={size}
          options={LABEL_SIZES.map((s) => ({ value: s, label: fill(t.sizeMm, { size: s.replace('x', '×') }) }))}
          onChange={setSize}
        />
        <Input
          style={{ width: 220 }}
          aria-label={t.printer}
          placeholder={t.printerHint}
          value={printer}
          onChange={(e) => setPrinter(e.target.value)}
        />
        <Space>
          <Button type="primary" onClick={() => void print()}>
            {t.print}
          </Button>
          <Button onClick={close}>{t.close}</Button>
        </Space>
        {status && <Typography.Text type="secondary">{status}</Typography.Text>}
      </div>
      <div className="label-print-pages">
        <div className="label-sheet">
          {labels?.map((label) => (
            <WaybillLabel key={label.trackingNo} label={label} size={size} />
          ))}
        </div>
      </div>
    </div>
  );
}
