import { Alert, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { AdminPlaces, AdminShop } from '../../../shared/contract/admin';
import { useMessages } from '../../i18n';
import { AuditPanel } from './AuditPanel';
import { CataloguePanel } from './CataloguePanel';
import { OutboundPanel } from './OutboundPanel';
import { PlacesPanel } from './PlacesPanel';
import { ShopsPanel } from './ShopsPanel';
import { UsersPanel } from './UsersPanel';
import { useAdminCall, useLoadOnOpen } from './use-admin';

/**
 * 管理: the company's set-up for admins, read from and written to the order service (there is no
 * offline copy of it on a desk): users, places, shops and their SKU mappings, the catalogue with
 * stock, the write-back queue with its dead letters, and the audit log.
 */
export function AdminScreen() {
  const m = useMessages();
  const call = useAdminCall();
  const [places, setPlaces] = useState<AdminPlaces | null>(null);
  const [shops, setShops] = useState<AdminShop[]>([]);
  const [reachable, setReachable] = useState(true);

  const reload = useCallback(async () => {
    const [nextPlaces, nextShops] = await Promise.all([call('admin.places', {}), call('admin.shops', {})]);
    setReachable(nextPlaces !== null);
    if (nextPlaces) setPlaces(nextPlaces);
    if (nextShops) setShops(nextShops);
  }, [call]);
  useLoadOnOpen(reload);

  return (
    <div
      className="admin-screen"
      data-testid="admin-screen"
      style={{ flex: 1, minWidth: 0, overflow: 'auto', padding: 16 }}
    >
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.admin.title}
      </Typography.Title>
      {!reachable && <Alert type="warning" showIcon title={m.admin.unreachable} style={{ marginBottom: 12 }} />}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'users', label: m.admin.tabs.users, children: <UsersPanel places={places} shops={shops} /> },
          { key: 'places', label: m.admin.tabs.places, children: <PlacesPanel places={places} changed={setPlaces} /> },
          {
            key: 'shops',
            label: m.admin.tabs.shops,
            children: <ShopsPanel shops={shops} places={places} reload={reload} />,
          },
          { key: 'catalogue', label: m.admin.tabs.catalogue, children: <CataloguePanel places={places} /> },
          { key: 'outbound', label: m.admin.tabs.outbound, children: <OutboundPanel /> },
          { key: 'audit', label: m.admin.tabs.audit, children: <AuditPanel /> },
        ].map((tab) => ({ ...tab, label: <span data-testid={`admin-tab-${tab.key}`}>{tab.label}</span> }))}
      />
    </div>
  );
}
