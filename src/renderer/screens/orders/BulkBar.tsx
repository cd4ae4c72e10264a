import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Typography } from 'antd';
import { memo, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LIST_COLUMNS, type ListColumn, type OrderExportProgress } from '../../../shared/contract/list';
import type { OrderListFilter } from '../../../shared/contract/orders';
import { api, exportDownloadUrl, onEvent } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import { filterOf, useOrders } from '../../stores/orders';
import { columnTitle } from './columns';
import { PrintSelection } from './PrintSelection';

/** Coded values in the user's words, for the CSV (main knows codes, not languages). */
const labelsOf = (m: Messages): Record<string, string> => {
  const groups = {
    status: m.status,
    paymentStatus: m.paymentStatus,
    refundStatus: m.refundStatus,
    channel: m.channel,
    platform: m.platform,
    source: m.source,
  };
  return Object.fromEntries(
    Object.entries(groups).flatMap(([group, words]) =>
      Object.entries(words).map(([code, word]) => [`${group}.${code}`, word]),
    ),
  );
};

/** Hands a finished file to the user: a download in browser mode, its path in Electron. */
function deliver(progress: OrderExportProgress): void {
  const url = exportDownloadUrl(progress.exportId);
  if (!url) return;
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * Actions on the selection, in the bar under the table: select all matching, export, print. The selection is either order numbers or "all matching the filter".
 */
export const BulkBar = memo(function BulkBar() {
  const m = useMessages();
  const { selected, allMatching, total, columns, sort, selectAllMatching, clearSelection } = useOrders(
    useShallow((s) => ({
      selected: s.selected,
      allMatching: s.allMatching,
      total: s.total,
      columns: s.columns,
      sort: s.sort,
      selectAllMatching: s.selectAllMatching,
      clearSelection: s.clearSelection,
    })),
  );
  const [progress, setProgress] = useState<OrderExportProgress | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const runningRef = useRef<string | null>(null);
  // Events and the answer travel apart: a small export can finish before its id arrives here.
  const seen = useRef(new Map<string, OrderExportProgress>());

  const show = (p: OrderExportProgress) => {
    setProgress(p);
    if (!p.done && !p.error) return;
    runningRef.current = null;
    setRunning(null);
    if (p.done) deliver(p);
  };
  useEffect(
    () =>
      onEvent('orders.exportProgress', (p) => {
        seen.current.set(p.exportId, p);
        if (p.exportId === runningRef.current) show(p);
      }),
    // show only touches state setters and refs.
    [],
  );

  const exportWith = async (filter: OrderListFilter) => {
    const headers = Object.fromEntries(LIST_COLUMNS.map((c) => [c, columnTitle(m, c)])) as Record<ListColumn, string>;
    const answer = await api['orders.export']({
      filter,
      sort,
      columns,
      headers,
      labels: labelsOf(m),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      format,
    });
    if (!answer.ok)
      return setProgress({ exportId: '', written: 0, total: 0, done: false, path: null, error: answer.error.message });
    const { exportId, total: rows } = answer.value;
    runningRef.current = exportId;
    setRunning(exportId);
    show(seen.current.get(exportId) ?? { exportId, written: 0, total: rows, done: false, path: null, error: null });
  };

  const current = filterOf(useOrders.getState());
  const count = allMatching ? (total ?? 0) : selected.size;
  return (
    <Space size={8} wrap className="bulk-bar" data-testid="bulk-bar">
      <Typography.Text className="selection-count" aria-live="polite">
        {allMatching
          ? fill(m.list.selectedAll, { n: count.toLocaleString() })
          : fill(m.list.selectedSome, { n: count.toLocaleString() })}
      </Typography.Text>
      {!allMatching && total !== null && total > 0 && (
        <Button size="small" type="link" onClick={selectAllMatching}>
          {fill(m.list.selectAll, { n: total.toLocaleString() })}
        </Button>
      )}
      {count > 0 && (
        <Button size="small" type="link" onClick={clearSelection}>
          {m.list.clearSelection}
        </Button>
      )}
      <Space.Compact size="small" className="format-choice" role="group" aria-label={m.files.format}>
        {(['csv', 'xlsx'] as const).map((f) => (
          <Button
            key={f}
            size="small"
            type={format === f ? 'primary' : 'default'}
            aria-pressed={format === f}
            onClick={() => setFormat(f)}
          >
            {m.files[f]}
          </Button>
        ))}
      </Space.Compact>
      <Button
        size="small"
        icon={<ExportOutlined />}
        disabled={count === 0 || running !== null}
        onClick={() => void exportWith(allMatching ? current : { ...current, orderNos: [...selected] })}
      >
        {m.list.exportSelected}
      </Button>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        disabled={!total || running !== null}
        onClick={() => void exportWith(current)}
      >
        {m.list.exportFilter}
      </Button>
      <PrintSelection />
      {progress && (
        <span className="export-progress" role="status" aria-label={m.list.exportStatus}>
          <Typography.Text type={progress.error ? 'danger' : 'secondary'}>
            {progress.error
              ? fill(m.list.exportFailed, { message: progress.error })
              : progress.done
                ? exportDownloadUrl(progress.exportId)
                  ? fill(m.list.exportDone, { n: progress.written.toLocaleString() })
                  : fill(m.list.exportSaved, { n: progress.written.toLocaleString(), path: progress.path ?? '' })
                : fill(m.list.exportRunning, {
                    written: progress.written.toLocaleString(),
                    total: progress.total.toLocaleString(),
                  })}
          </Typography.Text>
          {!progress.done && !progress.error && (
            <Progress
              className="export-bar"
              size="small"
              percent={Math.floor((progress.written / (progress.total || 1)) * 100)}
              showInfo={false}
            />
          )}
        </span>
      )}
    </Space>
  );
});
