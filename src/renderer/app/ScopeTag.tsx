import { ShopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { SessionInfo } from '../../shared/contract/api';
import { EMPTY_DIRECTORY, type Directory } from '../../shared/contract/directory';
import { fill, useMessages } from '../i18n';
import type { Messages } from '../i18n/zh-CN';
import { placeName } from '../lib/names';
import { useNames } from '../stores/names';

/** Whose orders this desk works on: its warehouse(s), store(s) or dealer(s), or everything. */
export function ScopeTag({ scope }: { scope: SessionInfo['scope'] }) {
  const m = useMessages();
  const directory = useNames((s) => s.directory);
  return (
    <Tag icon={<ShopOutlined />} variant="filled" data-testid="scope" className="scope-tag">
      {scopeText(m, scope, directory)}
    </Tag>
  );
}

/** The places by their names (the company's directory), their codes only where it has none. */
export function scopeText(m: Messages, scope: SessionInfo['scope'], directory: Directory = EMPTY_DIRECTORY): string {
  if (scope.all) return m.shell.scope.all;
  const names = (ids: readonly string[]) => ids.map((id) => placeName(id, directory)).join('、');
  const parts = [
    scope.warehouseIds.length ? fill(m.shell.scope.warehouses, { ids: names(scope.warehouseIds) }) : null,
    scope.storeIds.length ? fill(m.shell.scope.stores, { ids: names(scope.storeIds) }) : null,
    scope.dealerIds.length ? fill(m.shell.scope.dealers, { ids: names(scope.dealerIds) }) : null,
  ];
  return parts.filter(Boolean).join(' · ');
}
