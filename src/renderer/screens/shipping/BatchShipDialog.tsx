import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Table, Tag, Typography, Upload } from 'antd';
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
      width={760}
    >
      <Typography.Paragraph type="secondary">{t.help}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t.file}>
          <Upload
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            // Read here, never uploaded anywhere: the desk previews the rows against its own orders.
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} aria-label={t.file}>
              {t.file}
            </Button>
          </Upload>
        </Form.Item>
        {read && (
          <Typography.Paragraph type="secondary" data-testid="batch-read">
            {read}
          </Typography.Paragraph>
        )}
        <Form.Item label={t.paste} htmlFor="batch-csv">
          <Input.TextArea
            id="batch-csv"
            rows={5}
            className="mono"
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setStage({ name: 'edit' });
            }}
          />
        </Form.Item>
      </Form>
      {stage.name !== 'edit' && (
        <>
          <Typography.Paragraph strong data-testid="batch-summary">
            {stage.name === 'previewed'
              ? fill(t.summary, { ok: good, bad: rows.length - good })
              : fill(t.applied, { shipped, bad: rows.length - shipped })}
          </Typography.Paragraph>
          <Table<BatchRowResult>
            className="detail-table batch-rows"
            size="small"
            pagination={false}
            rowKey="line"
            dataSource={rows}
            scroll={{ y: 240 }}
            onRow={(row) =>
              ({ 'data-line': row.line, 'data-error': row.error ?? '' }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { key: 'line', title: t.line, dataIndex: 'line', width: 56, align: 'right' },
              { key: 'orderNo', title: t.orderNo, dataIndex: 'orderNo', className: 'mono' },
              { key: 'carrier', title: t.carrier, render: (_, row) => carrierName(row.carrier, locale) },
              { key: 'trackingNo', title: t.trackingNo, dataIndex: 'trackingNo', className: 'mono' },
              {
                key: 'result',
                title: t.result,
                render: (_, row) =>
                  row.error ? (
                    <Tag color="red">{errorText(row)}</Tag>
                  ) : (
                    <Tag color="green">{row.shipped ? t.shipped : t.ok}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Dialog>
  );
}
