import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ImportShop, ImportSubmitResult } from '../../../shared/contract/imports';
import { MAX_IMPORT_BATCH } from '../../../shared/contract/imports';
import type { ExternalOrder } from '../../../shared/external/order';
import { readTable, type Table as FileTable } from '../../../shared/files/read';
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from '../../../shared/imports/fields';
import {
  guessPreset,
  IMPORT_PLATFORMS,
  PRESETS,
  presetMapping,
  type ImportPlatform,
} from '../../../shared/imports/presets';
import { missingRequired, readOrders, type ImportRowError } from '../../../shared/imports/read-orders';
import { restoreMapping, saveMapping, type SavedMapping } from '../../../shared/imports/saved-mapping';
import { api } from '../../api/client';
import { Amount } from '../../components/Amount';
import { fill, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { useSession } from '../../stores/session';
import './imports.css';

const storageKey = (username: string, shopId: string) => `order-desk-import-mapping:${username}:${shopId}`;

function loadSaved(username: string, shopId: string): SavedMapping | null {
  try {
    return JSON.parse(localStorage.getItem(storageKey(username, shopId)) ?? 'null') as SavedMapping | null;
  } catch {
    return null;
  }
}

type Stage = 'file' | 'mapping' | 'preview' | 'done';

/**
 * 导入订单: a platform's order report (CSV in any encoding Excel writes, or XLSX) into the intake
 * pipeline, in four steps: pick the shop and the file; check which column is which (the shop's
 * saved mapping first, else the preset its header matches); preview every order and every row
 * that cannot be read; import. Intake knows each order by (shop, platform order number), so the
 * same file imported again creates nothing new.
 */
export function ImportScreen() {
  const m = useMessages();
  const t = m.imports;
  const { message } = App.useApp();
  const username = useSession((s) => s.session?.username ?? '');
  const [shops, setShops] = useState<ImportShop[] | null>(null);
  const [shopId, setShopId] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; table: FileTable } | null>(null);
  const [preset, setPreset] = useState<ImportPlatform | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [remember, setRemember] = useState(true);
  const [stage, setStage] = useState<Stage>('file');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportSubmitResult | null>(null);

  useEffect(() => {
    void api['imports.shops']({}).then((answer) => {
      if (answer.ok) setShops(answer.value.shops);
      else {
        setShops([]);
        setError(refusalWords(m, answer.error.reason ?? answer.error.code) ?? answer.error.message);
      }
    });
  }, [m]);

  const header = useMemo(() => file?.table.rows[0]?.cells ?? [], [file]);
  const rows = useMemo(() => file?.table.rows.slice(1) ?? [], [file]);
  const read = useMemo(() => (stage === 'file' ? null : readOrders(rows, mapping)), [rows, mapping, stage]);
  const missing = missingRequired(mapping);
  const fieldLabel = (field: ImportField) => t.fields[field];

  const pick = async (picked: File) => {
    const answer = await readTable(new Uint8Array(await picked.arrayBuffer()));
    if (!answer.ok) return setError(m.files.failure[answer.code]);
    setError(null);
    setResult(null);
    const cells = answer.table.rows[0]?.cells ?? [];
    const saved = shopId ? loadSaved(username, shopId) : null;
    const restored = saved ? restoreMapping(cells, saved) : null;
    const guessed = guessPreset(cells);
    setFile({ name: picked.name, table: answer.table });
    setPreset(restored ? null : (guessed?.platform ?? null));
    setMapping(restored ?? (guessed ? presetMapping(cells, PRESETS[guessed.platform]) : {}));
    setStage('mapping');
  };

  const submit = async () => {
    if (!shopId || !read) return;
    setBusy(true);
    const total: ImportSubmitResult = { created: 0, updated: 0, unchanged: 0, exception: 0, rejected: [] };
    for (let i = 0; i < read.orders.length; i += MAX_IMPORT_BATCH) {
      const answer = await api['imports.submit']({ shopId, orders: read.orders.slice(i, i + MAX_IMPORT_BATCH) });
      if (!answer.ok) {
        setBusy(false);
        return setError(refusalWords(m, answer.error.reason ?? answer.error.code) ?? answer.error.message);
      }
      for (const key of ['created', 'updated', 'unchanged', 'exception'] as const) total[key] += answer.value[key];
      total.rejected.push(...answer.value.rejected);
    }
    if (remember) localStorage.setItem(storageKey(username, shopId), JSON.stringify(saveMapping(header, mapping)));
    setBusy(false);
    setResult(total);
    setStage('done');
    message.success(fill(t.done, { created: total.created, unchanged: total.unchanged }));
  };

  // 官方旗舰店（拼多多） says its platform already; another shop's name gets it added.
  const shopLabel = (s: ImportShop) =>
    s.name.includes(m.platform[s.platform]) ? s.name : `${s.name}（${m.platform[s.platform]}）`;

  const restart = () => {
    setFile(null);
    setResult(null);
    setStage('file');
  };

  const columnOptions = header.map((title, index) => ({
    value: index,
    label: title || fill(t.column, { n: index + 1 }),
  }));
  const formatOf = (table: FileTable) =>
    table.format === 'xlsx' ? m.files.xlsx : `CSV, ${m.files.encoding[table.encoding ?? 'utf-8']}`;

  return (
    <section className="import-screen" data-testid="import-screen">
      <Typography.Title level={4} className="screen-title">
        {t.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} className="import-alert" data-testid="import-error" />}
      {shops?.length === 0 && !error && <Alert type="info" showIcon message={t.noShops} className="import-alert" />}

      <Card size="small" title={t.steps.file} className="import-card">
        <Form layout="inline" component="div">
          <Form.Item label={t.shop} required>
            <Select
              data-testid="import-shop"
              className="import-shop"
              value={shopId ?? undefined}
              placeholder={t.pickShop}
              loading={shops === null}
              options={(shops ?? []).map((s) => ({ value: s.id, label: shopLabel(s) }))}
              onChange={(value: string) => {
                setShopId(value);
                restart();
              }}
            />
          </Form.Item>
          <Form.Item>
            <Upload
              accept=".csv,.txt,.xlsx"
              maxCount={1}
              showUploadList={false}
              disabled={!shopId}
              beforeUpload={(picked) => {
                void pick(picked);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={!shopId} data-testid="import-file">
                {m.files.pick}
              </Button>
            </Upload>
          </Form.Item>
          {file && (
            <Typography.Text data-testid="import-read">
              {fill(t.read, { name: file.name, rows: rows.length, format: formatOf(file.table) })}
            </Typography.Text>
          )}
        </Form>
      </Card>

      {file && stage === 'mapping' && (
        <Card size="small" title={t.steps.mapping} className="import-card" data-testid="import-mapping">
          <Space direction="vertical" className="import-stack">
            <Form layout="inline" component="div">
              <Form.Item label={t.preset}>
                <Select
                  data-testid="import-preset"
                  className="import-preset"
                  value={preset ?? undefined}
                  placeholder={t.custom}
                  options={IMPORT_PLATFORMS.map((p) => ({ value: p, label: t.presets[p] }))}
                  onChange={(value: ImportPlatform) => {
                    setPreset(value);
                    setMapping(presetMapping(header, PRESETS[value]));
                  }}
                />
              </Form.Item>
              <Form.Item>
                <Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)}>
                  {t.remember}
                </Checkbox>
              </Form.Item>
            </Form>
            <Table<{ field: ImportField }>
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
              columns={[
                {
                  key: 'field',
                  title: t.field,
                  render: (_v, { field }) => (
                    <span>
                      {fieldLabel(field)} {REQUIRED_FIELDS.includes(field) && <Tag color="red">{t.required}</Tag>}
                    </span>
                  ),
                },
                {
                  key: 'column',
                  title: t.fileColumn,
                  render: (_v, { field }) => (
                    <Select
                      data-testid={`map-${field}`}
                      allowClear
                      // A report has dozens of columns: typed to find, and all of them listed.
                      showSearch={{ optionFilterProp: 'label' }}
                      virtual={false}
                      className="import-column"
                      value={mapping[field]}
                      placeholder={t.unmapped}
                      options={columnOptions}
                      onChange={(value?: number) => {
                        setPreset(null);
                        setMapping((current) => {
                          const others = Object.entries(current).filter(([key]) => key !== field);
                          return Object.fromEntries(value === undefined ? others : [...others, [field, value]]);
                        });
                      }}
                    />
                  ),
                },
              ]}
            />
            {missing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={fill(t.missing, { fields: missing.map(fieldLabel).join('、') })}
              />
            )}
            <Button
              type="primary"
              disabled={missing.length > 0}
              onClick={() => setStage('preview')}
              data-testid="import-to-preview"
            >
              {t.toPreview}
            </Button>
          </Space>
        </Card>
      )}

      {read && (stage === 'preview' || stage === 'done') && (
        <Card size="small" title={t.steps.preview} className="import-card" data-testid="import-preview">
          <Typography.Paragraph strong data-testid="import-summary">
            {fill(t.summary, { orders: read.orders.length, bad: read.refused.length, rows: read.errors.length })}
          </Typography.Paragraph>
          {read.errors.length > 0 && (
            <Table<ImportRowError>
              size="small"
              pagination={false}
              className="import-errors"
              data-testid="import-errors"
              rowKey={(e) => `${e.line}-${e.code}-${e.field ?? ''}`}
              dataSource={read.errors}
              columns={[
                { key: 'line', title: t.line, dataIndex: 'line', width: 64, align: 'right' },
                { key: 'orderNo', title: t.fields.orderNo, dataIndex: 'orderNo' },
                { key: 'code', title: t.problem, render: (_v, e) => t.errors[e.code] },
                { key: 'field', title: t.field, render: (_v, e) => (e.field ? fieldLabel(e.field) : '') },
                { key: 'value', title: t.value, dataIndex: 'value' },
              ]}
            />
          )}
          <Table<ExternalOrder>
            size="small"
            rowKey="externalOrderNo"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={read.orders}
            columns={[
              { key: 'no', title: t.fields.orderNo, dataIndex: 'externalOrderNo', className: 'mono' },
              { key: 'status', title: t.fields.status, render: (_v, o) => m.status[o.status] },
              {
                key: 'items',
                title: t.items,
                render: (_v, o) => o.lines.map((l) => `${l.title} ×${l.quantity}`).join('；'),
              },
              { key: 'receiver', title: t.fields.receiverName, render: (_v, o) => o.receiver?.name ?? '—' },
              {
                key: 'payable',
                title: t.fields.payable,
                align: 'right',
                render: (_v, o) => <Amount fen={o.payable} />,
              },
            ]}
          />
          {stage === 'preview' && (
            <Space>
              <Button onClick={() => setStage('mapping')}>{t.back}</Button>
              <Button
                type="primary"
                loading={busy}
                disabled={read.orders.length === 0}
                onClick={() => void submit()}
                data-testid="import-submit"
              >
                {fill(t.submit, { n: read.orders.length })}
              </Button>
            </Space>
          )}
        </Card>
      )}

      {result && (
        <Alert
          type={result.rejected.length > 0 ? 'warning' : 'success'}
          showIcon
          className="import-alert"
          data-testid="import-result"
          message={fill(t.result, {
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            exception: result.exception,
            rejectedCount: result.rejected.length,
          })}
          description={result.rejected.map((r) => `${r.externalOrderNo}：${r.message}`).join('；') || undefined}
          action={<Button onClick={restart}>{t.again}</Button>}
        />
      )}
    </section>
  );
}
