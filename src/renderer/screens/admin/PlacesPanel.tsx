import { Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { AdminPlaces } from '../../../shared/contract/admin';
import { useMessages } from '../../i18n';
import { useAdminCall } from './use-admin';

type Kind = 'warehouse' | 'store' | 'dealer';

/** Warehouses (and the provinces they ship to first), stores, dealers: create or change one. */
export function PlacesPanel({ places, changed }: { places: AdminPlaces | null; changed: (next: AdminPlaces) => void }) {
  const m = useMessages();
  const t = m.admin.places;
  const call = useAdminCall();
  const [editing, setEditing] = useState<Kind | null>(null);
  const [form] = Form.useForm<{
    id: string;
    name: string;
    city?: string;
    provinces?: string[];
    merchantId?: string;
    province?: string;
  }>();

  const open = (kind: Kind, values: Record<string, unknown> = {}) => {
    form.resetFields();
    form.setFieldsValue(values);
    setEditing(kind);
  };
  const save = async () => {
    const v = await form.validateFields();
    const answer =
      editing === 'warehouse'
        ? await call('admin.places.warehouse', {
            id: v.id,
            name: v.name,
            city: v.city ?? '',
            provinces: v.provinces ?? [],
          })
        : editing === 'store'
          ? await call('admin.places.store', { id: v.id, name: v.name, merchantId: v.merchantId ?? '' })
          : await call('admin.places.dealer', { id: v.id, name: v.name, province: v.province ?? '' });
    if (!answer) return;
    changed(answer);
    setEditing(null);
  };

  const edit = (kind: Kind) => ({
    title: m.admin.actions,
    render: (_v: unknown, row: object) => (
      <Button size="small" onClick={() => open(kind, row as Record<string, unknown>)}>
        {m.admin.edit}
      </Button>
    ),
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="admin-places">
      <Card
        size="small"
        title={t.warehouses}
        extra={<Button onClick={() => open('warehouse')}>{t.addWarehouse}</Button>}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={places?.warehouses ?? []}
          columns={[
            { title: t.id, dataIndex: 'id' },
            { title: t.name, dataIndex: 'name' },
            { title: t.city, dataIndex: 'city' },
            { title: t.provinces, dataIndex: 'provinces', render: (p: string[]) => p.join('、') },
            edit('warehouse'),
          ]}
        />
      </Card>
      <Card size="small" title={t.stores} extra={<Button onClick={() => open('store')}>{t.addStore}</Button>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={places?.stores ?? []}
          columns={[
            { title: t.id, dataIndex: 'id' },
            { title: t.name, dataIndex: 'name' },
            { title: t.merchant, dataIndex: 'merchantId' },
            edit('store'),
          ]}
        />
      </Card>
      <Card size="small" title={t.dealers} extra={<Button onClick={() => open('dealer')}>{t.addDealer}</Button>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={places?.dealers ?? []}
          columns={[
            { title: t.id, dataIndex: 'id' },
            { title: t.name, dataIndex: 'name' },
            { title: t.province, dataIndex: 'province' },
            edit('dealer'),
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'warehouse' ? t.warehouses : editing === 'store' ? t.stores : t.dealers}
        okText={m.admin.save}
        cancelText={m.admin.cancel}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="id" label={t.id} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          {editing === 'warehouse' && (
            <>
              <Form.Item name="city" label={t.city} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="provinces" label={t.provinces}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </>
          )}
          {editing === 'store' && (
            <Form.Item name="merchantId" label={t.merchant} rules={[{ required: true }]}>
              <Select options={(places?.merchants ?? []).map((mc) => ({ value: mc.id, label: mc.name }))} />
            </Form.Item>
          )}
          {editing === 'dealer' && (
            <Form.Item name="province" label={t.province} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
