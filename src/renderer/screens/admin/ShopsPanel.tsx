import { App, Badge, Button, Drawer, Form, Input, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { AdminPlaces, AdminShop, RecheckAnswer, SkuMapping } from '../../../shared/contract/admin';
import { SHOP_CHANNELS, type ShopChannel } from '../../../shared/domain/shops';
import { fill, useMessages } from '../../i18n';
import { useAdminCall, useLoadOnOpen } from './use-admin';

interface ShopForm {
  id: string;
  name: string;
  channel: ShopChannel;
  merchantId: string;
  dealerId?: string | null;
  webhookUrl?: string | null;
  enabled: boolean;
}

/**
 * Shops: a storefront per channel, its write-back webhook (and the secret its receiver checks
 * signatures with), and its SKU mapping: mapping a platform item releases the shop's exception
 * orders that waited for it, and says how many.
 */
export function ShopsPanel({
  shops,
  places,
  reload,
}: {
  shops: AdminShop[];
  places: AdminPlaces | null;
  reload: () => Promise<void>;
}) {
  const m = useMessages();
  const t = m.admin.shops;
  const call = useAdminCall();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<AdminShop | 'new' | null>(null);
  const [mappingShop, setMappingShop] = useState<AdminShop | null>(null);
  const [form] = Form.useForm<ShopForm>();

  const released = (answer: RecheckAnswer) =>
    void message.success(
      [
        fill(t.released, { n: answer.released.length }),
        answer.held.length ? fill(t.stillHeld, { n: answer.held.length }) : '',
      ]
        .filter(Boolean)
        .join('；'),
    );

  const open = (shop: AdminShop | 'new') => {
    setEditing(shop);
    form.resetFields();
    if (shop !== 'new') form.setFieldsValue({ ...shop });
  };
  const save = async () => {
    const values = await form.validateFields();
    const answer = await call('admin.shops.put', {
      ...values,
      dealerId: values.dealerId || null,
      webhookUrl: values.webhookUrl || null,
    });
    if (!answer) return;
    setEditing(null);
    await reload();
  };
  const recheck = async () => {
    const answer = await call('admin.recheck', { shopId: null });
    if (answer) released(answer);
    await reload();
  };

  return (
    <div data-testid="admin-shops">
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => open('new')}>
          {t.add}
        </Button>
        <Button onClick={() => void recheck()}>{t.recheck}</Button>
      </Space>
      <Table<AdminShop>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={shops}
        columns={[
          { title: t.id, dataIndex: 'id' },
          { title: t.name, dataIndex: 'name' },
          { title: t.channel, dataIndex: 'channel', render: (c: ShopChannel) => m.admin.channel[c] },
          { title: t.platform, dataIndex: 'platform', render: (p: keyof typeof m.platform) => m.platform[p] },
          {
            title: t.webhook,
            render: (_v, s) =>
              s.webhookUrl ? (
                <Typography.Text ellipsis={{ tooltip: s.webhookUrl }} style={{ maxWidth: 260 }}>
                  {s.webhookUrl}
                </Typography.Text>
              ) : (
                m.admin.none
              ),
          },
          {
            title: t.held,
            dataIndex: 'held',
            render: (n: number, s) => (
              <Badge count={n} showZero color={n > 0 ? 'red' : 'green'} data-testid={`admin-shop-held-${s.id}`} />
            ),
          },
          {
            title: m.admin.actions,
            render: (_v, s) => (
              <Space size="small">
                <Button size="small" onClick={() => open(s)}>
                  {m.admin.edit}
                </Button>
                <Button size="small" onClick={() => setMappingShop(s)} data-testid={`admin-shop-mappings-${s.id}`}>
                  {t.mappings}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t.add : `${m.admin.edit} ${editing?.id ?? ''}`}
        okText={m.admin.save}
        cancelText={m.admin.cancel}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ channel: 'TAOBAO', enabled: true }}>
          <Form.Item name="id" label={t.id} rules={[{ required: true }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="channel" label={t.channel} rules={[{ required: true }]}>
            <Select options={SHOP_CHANNELS.map((c) => ({ value: c, label: m.admin.channel[c] }))} />
          </Form.Item>
          <Form.Item name="merchantId" label={t.merchant} rules={[{ required: true }]}>
            <Select options={(places?.merchants ?? []).map((mc) => ({ value: mc.id, label: mc.name }))} />
          </Form.Item>
          <Form.Item name="dealerId" label={t.dealer}>
            <Select allowClear options={(places?.dealers ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="webhookUrl" label={t.webhook}>
            <Input placeholder="https://" />
          </Form.Item>
          {editing !== 'new' && editing?.webhookSecret && (
            <Form.Item label={t.secret}>
              <Typography.Text copyable code>
                {editing.webhookSecret}
              </Typography.Text>
            </Form.Item>
          )}
          <Form.Item name="enabled" label={t.enabled} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <MappingsDrawer
        shop={mappingShop}
        onClose={() => setMappingShop(null)}
        onReleased={async (answer) => {
          released(answer);
          await reload();
        }}
      />
    </div>
  );
}

/** A shop's platform item / SKU ids → our SKUs; adding one checks the shop's held orders again. */
function MappingsDrawer({
  shop,
  onClose,
  onReleased,
}: {
  shop: AdminShop | null;
  onClose: () => void;
  onReleased: (answer: RecheckAnswer) => Promise<void>;
}) {
  const m = useMessages();
  const t = m.admin.shops;
  const call = useAdminCall();
  const [rows, setRows] = useState<SkuMapping[]>([]);
  const [form] = Form.useForm<SkuMapping>();

  const load = useCallback(async () => {
    if (!shop) return;
    const answer = await call('admin.mappings', { shopId: shop.id });
    if (answer) setRows(answer);
  }, [call, shop]);
  useLoadOnOpen(load);

  const add = async () => {
    if (!shop) return;
    const values = await form.validateFields();
    const answer = await call('admin.mappings.put', {
      shopId: shop.id,
      mapping: { ...values, platformSkuId: values.platformSkuId ?? '' },
    });
    if (!answer) return;
    form.resetFields();
    await load();
    await onReleased(answer);
  };
  const remove = async (row: SkuMapping) => {
    if (!shop) return;
    const answer = await call('admin.mappings.delete', { shopId: shop.id, ...row });
    if (answer) setRows(answer);
  };

  return (
    <Drawer
      open={shop !== null}
      onClose={onClose}
      size="large"
      title={shop ? fill(t.mappingsOf, { shop: shop.name }) : ''}
      destroyOnHidden
    >
      <Form form={form} layout="inline" style={{ marginBottom: 16 }} data-testid="admin-mapping-form">
        <Form.Item name="platformItemId" rules={[{ required: true }]}>
          <Input placeholder={t.platformItemId} data-testid="admin-mapping-item" />
        </Form.Item>
        <Form.Item name="platformSkuId">
          <Input placeholder={t.platformSkuId} data-testid="admin-mapping-sku-id" />
        </Form.Item>
        <Form.Item name="sku" rules={[{ required: true }]}>
          <Input placeholder={t.sku} data-testid="admin-mapping-sku" />
        </Form.Item>
        <Button type="primary" onClick={() => void add()} data-testid="admin-mapping-add">
          {t.map}
        </Button>
      </Form>
      <Table<SkuMapping>
        rowKey={(r) => `${r.platformItemId}/${r.platformSkuId}`}
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t.platformItemId, dataIndex: 'platformItemId' },
          { title: t.platformSkuId, dataIndex: 'platformSkuId' },
          { title: t.sku, dataIndex: 'sku' },
          {
            title: m.admin.actions,
            render: (_v, r) => (
              <Button size="small" danger onClick={() => void remove(r)}>
                {t.remove}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
