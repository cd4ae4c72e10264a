import { ShopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { SessionInfo } from '../../shared/contract/api';
import { fill, useMessages } from '../i18n';
import type { Messages } from '../i18n/zh-CN';

/** Whose orders this desk works on: its warehouse(s), store(s) or dealer(s), or everything. */
export function ScopeTag({ scope }: { scope: SessionInfo['scope'] }) {
  const m = useMessages();
  return (
    <Tag icon={<ShopOutlined />} variant="filled" data-testid="scope" className="scope-tag">
      {scopeText(m, scope)}
    </Tag>
  );
}

export function scopeText(m: Messages, scope: SessionInfo['scope']): string {
  if (scope.all) return m.shell.scope.all;
  const parts = [
    scope.warehouseIds.length ? fill(m.shell.scope.warehouses, { ids: scope.warehouseIds.join('、') }) : null,
    scope.storeIds.length ? fill(m.shell.scope.stores, { ids: scope.storeIds.join('、') }) : null,
    scope.dealerIds.length ? fill(m.shell.scope.dealers, { ids: scope.dealerIds.join('、') }) : null,
  ];
  return parts.filter(Boolean).join(' · ');
}
