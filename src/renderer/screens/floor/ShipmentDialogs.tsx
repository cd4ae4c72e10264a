import { Checkbox, Empty, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { VerifyLineView, VerifyState } from '../../../shared/contract/floor';
import type { ApiError } from '../../../shared/contract/result';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { Dialog } from '../detail/Dialog';
import { useRefusalText } from '../detail/refusal-text';

interface Props {
  order: VerifyState;
  onDone(): void;
  onClose(): void;
}

/**
 * 拆单: how many of each line leave in a second parcel; the rest stay in the first. The station then
 * verifies and ships the parcels one by one, each under its own label.
 */
export function SplitDialog({ order, onDone, onClose }: Props) {
  const m = useMessages();
  const t = m.floor.shipments;
  const refusalText = useRefusalText();
  const lines = order.lines.filter((l) => l.owed > 0);
  const [moved, setMoved] = useState<Record<number, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    const second = lines.flatMap((l) => (moved[l.lineNo] ? [{ lineNo: l.lineNo, quantity: moved[l.lineNo]! }] : []));
    const first = lines.flatMap((l) => {
      const stays = l.owed - (moved[l.lineNo] ?? 0);
      return stays > 0 ? [{ lineNo: l.lineNo, quantity: stays }] : [];
    });
    if (first.length === 0 || second.length === 0) return setError(t.splitBothParcels);
    setBusy(true);
    const result = await api['orders.split']({ orderNo: order.orderNo, parts: [first, second] });
    setBusy(false);
    if (!result.ok) return setError(refusalText(result.error));
    onDone();
  };

  return (
    <Dialog
      title={fill(t.splitTitle, { orderNo: order.orderNo })}
      testId="split-dialog"
      confirmLabel={t.splitConfirm}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t.splitHint}</Typography.Paragraph>
      <Table<VerifyLineView>
        size="small"
        pagination={false}
        rowKey="lineNo"
        dataSource={lines}
        columns={[
          { title: m.floor.item, render: (_, l) => `${l.name} ${l.spec}`.trim() },
          { title: m.floor.owed, dataIndex: 'owed', align: 'right' },
          {
            title: t.secondParcel,
            align: 'right',
            render: (_, l, index) => (
              <InputNumber
                aria-label={fill(t.secondParcelOf, { name: l.name })}
                data-testid={`split-move-${l.lineNo}`}
                autoFocus={index === 0}
                min={0}
                max={l.owed}
                precision={0}
                value={moved[l.lineNo] ?? 0}
                onChange={(value) => setMoved((all) => ({ ...all, [l.lineNo]: Number(value ?? 0) }))}
              />
            ),
          },
          { title: t.firstParcel, align: 'right', render: (_, l) => l.owed - (moved[l.lineNo] ?? 0) },
        ]}
      />
    </Dialog>
  );
}

/**
 * 合单: other paid orders of the same buyer, receiver and warehouse that this desk holds, to leave in
 * one parcel under one label with this one.
 */
export function MergeDialog({ order, onDone, onClose }: Props) {
  const m = useMessages();
  const t = m.floor.shipments;
  const refusalText = useRefusalText();
  const [candidates, setCandidates] = useState<string[] | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [loadError, setLoadError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    void api['orders.mergeCandidates']({ orderNo: order.orderNo }).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(result.error);
      setCandidates(result.value.orderNos);
      setPicked(result.value.orderNos);
    });
    return () => {
      live = false;
    };
  }, [order.orderNo]);

  const confirm = async () => {
    if (candidates === null) return;
    if (picked.length === 0) return setError(t.mergeNone);
    setBusy(true);
    const result = await api['orders.merge']({ orderNos: [order.orderNo, ...picked] });
    setBusy(false);
    if (!result.ok) return setError(refusalText(result.error));
    onDone();
  };

  return (
    <Dialog
      title={fill(t.mergeTitle, { orderNo: order.orderNo })}
      testId="merge-dialog"
      confirmLabel={t.mergeConfirm}
      busy={busy}
      error={error ?? (loadError && refusalText(loadError))}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t.mergeHint}</Typography.Paragraph>
      {candidates?.length === 0 ? (
        <Empty description={t.mergeNone} />
      ) : (
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          value={picked}
          onChange={(values) => setPicked(values as string[])}
        >
          {(candidates ?? []).map((orderNo, index) => (
            // The first candidate takes the focus, so Enter confirms (a focused close button would take it).
            <Checkbox key={orderNo} value={orderNo} autoFocus={index === 0}>
              <span className="mono" data-testid={`merge-candidate-${orderNo}`}>
                {orderNo}
              </span>
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </Dialog>
  );
}
