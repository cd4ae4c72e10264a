import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ExceptionOrderRow } from '../../../shared/contract/exception-orders';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { ExceptionReasonCode } from '../../../shared/domain/exception-reasons';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useNames } from '../../stores/names';
import { Dialog, RequiredTextItem, useRequiredText, useSubmit, type Answer } from '../detail/Dialog';

/** Decided with a note: what was done about it (the timeline keeps it beside what was open). */
export function ResolveDialog({
  orderNo,
  onClose,
  onResolve,
}: {
  orderNo: string;
  onClose(): void;
  onResolve(note: string): Answer;
}) {
  const m = useMessages();
  const note = useRequiredText();
  const { busy, error, submit } = useSubmit(onResolve);
  const confirm = () => {
    const text = note.take();
    if (text !== null) void submit(text.trim());
  };
  return (
    <Dialog
      title={fill(m.exceptionOrders.resolveTitle, { orderNo })}
      testId="exception-resolve-dialog"
      confirmLabel={m.exceptionOrders.resolveConfirm}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Form layout="vertical">
        <RequiredTextItem
          id="exception-resolve-note"
          label={m.exceptionOrders.resolveNote}
          field={note}
          maxLength={200}
        />
      </Form>
    </Dialog>
  );
}

/**
 * 映射 SKU: each line an unknown or unmapped item is about gets one of our SKU codes; the service
 * keeps the mapping for the shop and checks its held orders again.
 */
export function MapSkuDialog({
  row,
  onClose,
  onMap,
}: {
  row: ExceptionOrderRow;
  onClose(): void;
  onMap(lines: Array<{ lineNo: number; sku: string }>): Answer;
}) {
  const m = useMessages();
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [skus, setSkus] = useState<Record<number, string>>({});
  const [missing, setMissing] = useState(false);
  const { busy, error, submit } = useSubmit(onMap);
  useEffect(() => {
    void api['orders.detail']({ orderNo: row.orderNo }).then((answer) => answer.ok && setOrder(answer.value));
  }, [row.orderNo]);
  const lineNos = [
    ...new Set(
      row.exception.reasons
        .filter((r) => r.code === 'SKU_UNKNOWN' || r.code === 'SKU_UNMAPPED')
        .map((r) => r.lineNo ?? 1),
    ),
  ];
  const confirm = () => {
    const lines = lineNos.map((lineNo) => ({ lineNo, sku: (skus[lineNo] ?? '').trim() }));
    if (lines.some((l) => l.sku === '')) setMissing(true);
    else void submit(lines);
  };
  return (
    <Dialog
      title={fill(m.exceptionOrders.mapTitle, { orderNo: row.orderNo })}
      testId="exception-map-dialog"
      confirmLabel={m.exceptionOrders.mapConfirm}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{m.exceptionOrders.mapHint}</Typography.Paragraph>
      <Form layout="vertical">
        {lineNos.map((lineNo, i) => {
          const line = order?.lines.find((l) => l.lineNo === lineNo);
          const empty = missing && !(skus[lineNo] ?? '').trim();
          return (
            <Form.Item
              key={lineNo}
              label={`${fill(m.exceptionOrders.mapLine, { n: lineNo, name: line?.name ?? '' })}${line ? `（${line.sku}）` : ''}`}
              required
              validateStatus={empty ? 'error' : undefined}
              help={empty ? m.shell.required : undefined}
            >
              <Input
                autoFocus={i === 0}
                maxLength={64}
                placeholder={m.exceptionOrders.mapSku}
                aria-label={`${m.exceptionOrders.mapSku} ${lineNo}`}
                data-testid={`map-sku-${lineNo}`}
                value={skus[lineNo] ?? ''}
                onChange={(e) => {
                  setSkus({ ...skus, [lineNo]: e.target.value });
                  setMissing(false);
                }}
              />
            </Form.Item>
          );
        })}
      </Form>
    </Dialog>
  );
}

/** 确认放行: the reasons a supervisor accepts (ship as charged); the service checks the order again. */
export function ReleaseDialog({
  row,
  onClose,
  onRelease,
}: {
  row: ExceptionOrderRow;
  onClose(): void;
  onRelease(waive: ExceptionReasonCode[]): Answer;
}) {
  const m = useMessages();
  const codes = [...new Set(row.exception.reasons.map((r) => r.code))];
  const [waive, setWaive] = useState<ExceptionReasonCode[]>([]);
  const { busy, error, submit } = useSubmit(onRelease);
  return (
    <Dialog
      title={fill(m.exceptionOrders.releaseTitle, { orderNo: row.orderNo })}
      testId="exception-release-dialog"
      confirmLabel={m.exceptionOrders.releaseConfirm}
      busy={busy}
      error={error}
      onConfirm={() => void submit(waive)}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{m.exceptionOrders.releaseHint}</Typography.Paragraph>
      <Checkbox.Group<ExceptionReasonCode>
        className="release-reasons"
        value={waive}
        onChange={setWaive}
        options={codes.map((code) => ({
          value: code,
          label: `${m.exceptionOrders.reason[code]}：${row.exception.reasons.find((r) => r.code === code)?.detail ?? ''}`,
        }))}
      />
    </Dialog>
  );
}

/** 转仓: another warehouse ships it (one short of stock, one the buyer is nearer to). */
export function TransferDialog({
  row,
  onClose,
  onTransfer,
}: {
  row: ExceptionOrderRow;
  onClose(): void;
  onTransfer(warehouseId: string): Answer;
}) {
  const m = useMessages();
  const warehouses = useNames((s) => s.directory.warehouses).filter((w) => w.id !== row.warehouseId);
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const { busy, error, submit } = useSubmit(onTransfer);
  return (
    <Dialog
      title={fill(m.exceptionOrders.transferTitle, { orderNo: row.orderNo })}
      testId="exception-transfer-dialog"
      confirmLabel={m.exceptionOrders.transferConfirm}
      busy={busy}
      error={error}
      onConfirm={() => (warehouseId === null ? setMissing(true) : void submit(warehouseId))}
      onClose={onClose}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={m.exceptionOrders.transferTo}
          required
          validateStatus={missing ? 'error' : undefined}
          help={missing ? m.shell.required : undefined}
        >
          <Select<string>
            value={warehouseId ?? undefined}
            onChange={(value) => {
              setWarehouseId(value);
              setMissing(false);
            }}
            data-testid="transfer-warehouse"
            options={warehouses.map((w) => ({ value: w.id, label: w.name }))}
          />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
