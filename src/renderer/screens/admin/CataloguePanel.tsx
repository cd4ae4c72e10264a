import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Upload } from 'antd';
import { useCallback, useState } from 'react';
import type { ImportReason } from '../../../shared/catalogue/import-rows';
import type { AdminPlaces, AdminProduct, ImportAnswer } from '../../../shared/contract/admin';
import { formatFen, yuanToFen } from '../../../shared/domain/money';
import { ORDER_KINDS, type OrderKind } from '../../../shared/domain/vocabulary';
import { fill, useMessages } from '../../i18n';
import { useAdminCall, useLoadOnOpen } from './use-admin';

const PAGE = 100;

/** Bytes as base64, in chunks (a spread of a large array overflows the call stack). */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface ProductForm {
  sku: string;
  merchantId: string;
  name: string;
  spec?: string;
  priceYuan: string;
  image?: string;
  barcode?: string;
  kind: OrderKind;
  onSale: boolean;
}

/**
 * The catalogue with its stock: edit an item, import items from a spreadsheet (XLSX or CSV, bad rows
 * named), count a warehouse's stock. A count or a put-on-sale releases exception orders that waited.
 */
export function CataloguePanel({ places }: { places: AdminPlaces | null }) {
  const m = useMessages();
  const t = m.admin.catalogue;
  const call = useAdminCall();
  const { message } = App.useApp();
  const [items, setItems] = useState<AdminProduct[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminProduct | 'new' | null>(null);
  const [counting, setCounting] = useState<AdminProduct | null>(null);
  const [imported, setImported] = useState<ImportAnswer | null>(null);
  const [form] = Form.useForm<ProductForm>();
  const [countForm] = Form.useForm<{ warehouseId: string; onHand: number }>();

  const load = useCallback(
    async (after = '') => {
      const answer = await call('admin.catalogue', { after, limit: PAGE });
      if (!answer) return;
      setItems((current) => (after === '' ? answer.items : [...current, ...answer.items]));
      setNext(answer.next);
    },
    [call],
  );
  useLoadOnOpen(load);

  const open = (item: AdminProduct | 'new') => {
    setEditing(item);
    form.resetFields();
    if (item !== 'new')
      form.setFieldsValue({
        ...item,
        spec: item.spec,
        barcode: item.barcode ?? '',
        priceYuan: formatFen(item.price),
      });
  };
  const save = async () => {
    const v = await form.validateFields();
    const answer = await call('admin.catalogue.put', {
      sku: v.sku,
      merchantId: v.merchantId,
      name: v.name,
      spec: v.spec ?? '',
      price: yuanToFen(v.priceYuan) ?? 0,
      image: v.image ?? '',
      kind: v.kind,
      onSale: v.onSale,
      barcode: v.barcode ? v.barcode : null,
      campaignId: editing !== 'new' ? (editing?.campaignId ?? null) : null,
    });
    if (!answer) return;
    setEditing(null);
    await load();
  };
  const count = async () => {
    if (!counting) return;
    const v = await countForm.validateFields();
    const answer = await call('admin.stock.count', { sku: counting.sku, ...v });
    if (!answer) return;
    void message.success(fill(t.counted, { n: answer.released.length }));
    setCounting(null);
    setItems((current) => current.map((i) => (i.sku === answer.product.sku ? answer.product : i)));
  };
  /** A problem of the row in the user's words; a refusal of the service by its code. */
  const reasonText = (reason: ImportReason): string => {
    const words = (t.problem as Record<string, string>)[reason.code] ?? m.admin.refusal[reason.code];
    return words ? fill(words, { value: reason.value }) : reason.message;
  };
  const importFile = async (file: File) => {
    const answer = await call('admin.catalogue.import', {
      fileBase64: base64Of(new Uint8Array(await file.arrayBuffer())),
    });
    if (!answer) return;
    setImported(answer);
    await load();
  };

  return (
    <div data-testid="admin-catalogue">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => open('new')}>
          {t.add}
        </Button>
        <Upload
          accept=".csv,.txt,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void importFile(file);
            return false;
          }}
        >
          <Button data-testid="admin-catalogue-import">{t.import}</Button>
        </Upload>
        <span className="muted">{t.importHint}</span>
      </Space>
      {imported && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={imported.rejected.length > 0 ? 'warning' : 'success'}
          data-testid="admin-catalogue-imported"
          title={fill(t.imported, {
            created: imported.created,
            changed: imported.changed,
            unchanged: imported.unchanged,
            rejected: imported.rejected.length,
          })}
          description={
            imported.rejected.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {imported.rejected.map((r) => (
                  <li key={r.row}>
                    {fill(t.rejectedRow, { row: r.row, reasons: r.reasons.map(reasonText).join('；') })}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Table<AdminProduct>
        rowKey="sku"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 1100 }}
        columns={[
          { title: t.sku, dataIndex: 'sku', fixed: 'left' },
          { title: t.name, dataIndex: 'name' },
          { title: t.spec, dataIndex: 'spec' },
          {
            title: t.price,
            dataIndex: 'price',
            align: 'right',
            render: (fen: number) => formatFen(fen, { symbol: true }),
          },
          { title: t.kind, dataIndex: 'kind', render: (k: OrderKind) => m.kind[k] },
          {
            title: t.onSale,
            dataIndex: 'onSale',
            render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{on ? t.onSale : t.offSale}</Tag>,
          },
          { title: t.barcode, dataIndex: 'barcode' },
          {
            title: t.stock,
            render: (_v, p) => p.stock.map((s) => `${s.warehouseId} ${s.onHand} / ${s.reserved}`).join('；'),
          },
          {
            title: m.admin.actions,
            fixed: 'right',
            render: (_v, p) => (
              <Space size="small">
                <Button size="small" onClick={() => open(p)}>
                  {m.admin.edit}
                </Button>
                {p.kind === 'PHYSICAL' && (
                  <Button
                    size="small"
                    onClick={() => {
                      countForm.resetFields();
                      setCounting(p);
                    }}
                  >
                    {t.count}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {next && (
        <Button style={{ marginTop: 12 }} onClick={() => void load(next)}>
          {t.more}
        </Button>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t.add : `${m.admin.edit} ${editing?.sku ?? ''}`}
        okText={m.admin.save}
        cancelText={m.admin.cancel}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'PHYSICAL', onSale: true }}>
          <Form.Item name="sku" label={t.sku} rules={[{ required: true }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="merchantId" label={t.merchant} rules={[{ required: true }]}>
            <Select options={(places?.merchants ?? []).map((mc) => ({ value: mc.id, label: mc.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="spec" label={t.spec}>
            <Input />
          </Form.Item>
          <Form.Item
            name="priceYuan"
            label={t.price}
            rules={[
              { required: true },
              {
                validator: async (_r, v: string) =>
                  yuanToFen(v ?? '') === null ? Promise.reject(new Error(t.price)) : undefined,
              },
            ]}
          >
            <Input prefix="¥" />
          </Form.Item>
          <Form.Item name="kind" label={t.kind}>
            <Select options={ORDER_KINDS.map((k) => ({ value: k, label: m.kind[k] }))} />
          </Form.Item>
          <Form.Item name="barcode" label={t.barcode}>
            <Input maxLength={13} />
          </Form.Item>
          <Form.Item name="image" label={t.image}>
            <Input />
          </Form.Item>
          <Form.Item name="onSale" label={t.onSale} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={counting !== null}
        title={fill(t.countTitle, { sku: counting?.sku ?? '' })}
        okText={m.admin.save}
        cancelText={m.admin.cancel}
        onOk={() => void count()}
        onCancel={() => setCounting(null)}
        destroyOnHidden
      >
        <Form form={countForm} layout="vertical">
          <Form.Item name="warehouseId" label={t.warehouse} rules={[{ required: true }]}>
            <Select options={(places?.warehouses ?? []).map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
          <Form.Item name="onHand" label={t.onHand} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
