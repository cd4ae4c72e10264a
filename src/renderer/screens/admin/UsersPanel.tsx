import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { AdminPlaces, AdminShop, AdminUser } from '../../../shared/contract/admin';
import { ROLE_SCOPE_RULES } from '../../../shared/domain/user-scope';
import { ROLES, type Role } from '../../../shared/domain/vocabulary';
import { fill, useMessages } from '../../i18n';
import { useAdminCall, useLoadOnOpen } from './use-admin';

interface UserForm {
  username: string;
  displayName?: string;
  role: Role;
  password?: string;
  warehouseIds?: string[];
  storeIds?: string[];
  dealerIds?: string[];
  shopIds?: string[];
}

/** The lists a role may hold, as form fields (user-scope.ts decides which). */
const LISTS = ['warehouseIds', 'storeIds', 'dealerIds', 'shopIds'] as const;

/** Accounts: who may sign in, as what, seeing which places; create, edit, disable, reset, sign out. */
export function UsersPanel({ places, shops }: { places: AdminPlaces | null; shops: AdminShop[] }) {
  const m = useMessages();
  const t = m.admin.users;
  const call = useAdminCall();
  const { message, modal } = App.useApp();
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const [form] = Form.useForm<UserForm>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const role = Form.useWatch('role', form);

  const load = useCallback(async () => {
    const answer = await call('admin.users', {});
    if (answer) setUsers(answer);
  }, [call]);
  useLoadOnOpen(load);

  const open = (user: AdminUser | 'new') => {
    setEditing(user);
    form.resetFields();
    if (user !== 'new')
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        warehouseIds: user.scope.warehouseIds,
        storeIds: user.scope.storeIds,
        dealerIds: user.scope.dealerIds,
        shopIds: user.scope.shopIds ?? [],
      });
  };

  const save = async () => {
    const values = await form.validateFields();
    const allowed = ROLE_SCOPE_RULES[values.role].allows;
    const lists = Object.fromEntries(LISTS.map((l) => [l, allowed.includes(l) ? (values[l] ?? []) : []]));
    const answer =
      editing === 'new'
        ? await call('admin.users.add', {
            username: values.username,
            displayName: values.displayName,
            role: values.role,
            password: values.password ?? '',
            ...lists,
          })
        : await call('admin.users.edit', {
            username: values.username,
            edit: { displayName: values.displayName, role: values.role, ...lists },
          });
    if (!answer) return;
    void message.success(fill(editing === 'new' ? t.created : t.saved, { username: answer.username }));
    setEditing(null);
    await load();
  };

  const act = async (user: AdminUser, action: 'disable' | 'enable' | 'revoke') => {
    if (action === 'revoke') {
      const answer = await call('admin.users.revoke', { username: user.username });
      if (answer) void message.success(fill(t.revoked, { username: user.username, n: answer.sessionsEnded }));
    } else if (action === 'disable') {
      modal.confirm({
        title: fill(t.confirmDisable, { username: user.username }),
        okText: t.disable,
        cancelText: m.admin.cancel,
        onOk: async () => {
          if (await call('admin.users.disable', { username: user.username })) await load();
        },
      });
      return;
    } else if (await call('admin.users.enable', { username: user.username })) {
      await load();
    }
  };

  const resetPassword = async () => {
    if (!resetting) return;
    const { password } = await passwordForm.validateFields();
    if (await call('admin.users.password', { username: resetting.username, password })) {
      void message.success(fill(t.saved, { username: resetting.username }));
      setResetting(null);
      await load();
    }
  };

  const scopeText = (user: AdminUser): string => {
    if (user.scope.all) return user.role === 'integration' ? t.allShops : t.everything;
    return [
      ...user.scope.warehouseIds,
      ...user.scope.storeIds,
      ...user.scope.dealerIds,
      ...(user.scope.shopIds ?? []),
    ].join('、');
  };
  const allows = (list: (typeof LISTS)[number]) => (role ? ROLE_SCOPE_RULES[role].allows.includes(list) : false);
  const options = {
    warehouseIds: (places?.warehouses ?? []).map((w) => ({ value: w.id, label: `${w.name}（${w.id}）` })),
    storeIds: (places?.stores ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.id}）` })),
    dealerIds: (places?.dealers ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.id}）` })),
    shopIds: shops.map((s) => ({ value: s.id, label: `${s.name}（${s.id}）` })),
  };
  const labels = { warehouseIds: t.warehouses, storeIds: t.stores, dealerIds: t.dealer, shopIds: t.shops };

  return (
    <div data-testid="admin-users">
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => open('new')} data-testid="admin-user-add">
          {t.add}
        </Button>
        <Button onClick={() => void load()}>{m.admin.refresh}</Button>
      </Space>
      <Table<AdminUser>
        rowKey="username"
        size="middle"
        pagination={false}
        dataSource={users}
        columns={[
          { title: t.username, dataIndex: 'username' },
          { title: t.displayName, dataIndex: 'displayName' },
          { title: t.role, dataIndex: 'role', render: (r: Role) => m.role[r] },
          { title: t.scope, render: (_v, u) => scopeText(u) },
          {
            title: t.state,
            render: (_v, u) =>
              u.disabled ? (
                <Tag color="red">{t.disabled}</Tag>
              ) : u.hasPassword ? (
                <Tag color="green">{t.active}</Tag>
              ) : (
                <Tag color="orange">{t.noPassword}</Tag>
              ),
          },
          {
            title: m.admin.actions,
            render: (_v, u) => (
              <Space size="small" wrap>
                <Button size="small" onClick={() => open(u)} data-testid={`admin-user-edit-${u.username}`}>
                  {m.admin.edit}
                </Button>
                <Button size="small" onClick={() => setResetting(u)}>
                  {t.resetPassword}
                </Button>
                <Button size="small" onClick={() => void act(u, 'revoke')}>
                  {t.revoke}
                </Button>
                <Button
                  size="small"
                  danger={!u.disabled}
                  onClick={() => void act(u, u.disabled ? 'enable' : 'disable')}
                >
                  {u.disabled ? t.enable : t.disable}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t.add : `${m.admin.edit} ${editing?.username ?? ''}`}
        okText={m.admin.save}
        cancelText={m.admin.cancel}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'admin-user-save' } as Record<`data-${string}`, string>}
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'warehouse' }}>
          <Form.Item name="username" label={t.username} extra={t.usernameHint} rules={[{ required: true, min: 2 }]}>
            <Input disabled={editing !== 'new'} data-testid="admin-user-username" autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t.displayName}>
            <Input data-testid="admin-user-display-name" />
          </Form.Item>
          <Form.Item name="role" label={t.role} rules={[{ required: true }]}>
            <Select data-testid="admin-user-role" options={ROLES.map((r) => ({ value: r, label: m.role[r] }))} />
          </Form.Item>
          {LISTS.filter(allows).map((list) => (
            <Form.Item key={list} name={list} label={labels[list]}>
              <Select
                mode="multiple"
                allowClear
                // Found by what people call a place (杭州余杭仓) as well as by its code.
                showSearch={{ optionFilterProp: 'label' }}
                options={options[list]}
                data-testid={`admin-user-${list}`}
              />
            </Form.Item>
          ))}
          {editing === 'new' && (
            <Form.Item name="password" label={t.password} extra={t.passwordHint} rules={[{ required: true, min: 8 }]}>
              <Input.Password data-testid="admin-user-password" autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`${t.resetPassword} ${resetting?.username ?? ''}`}
        okText={m.admin.save}
        cancelText={m.admin.cancel}
        onOk={() => void resetPassword()}
        onCancel={() => setResetting(null)}
        destroyOnHidden
      >
        <Form form={passwordForm} layout="vertical">
          <Form.Item name="password" label={t.newPassword} extra={t.passwordHint} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
