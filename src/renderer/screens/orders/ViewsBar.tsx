import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Popover, Select, Space } from 'antd';
import { memo, useEffect, useState } from 'react';
import type { SavedView } from '../../../shared/contract/views';
import { api } from '../../api/client';
import { useMessages } from '../../i18n';
import { filterOf, useOrders } from '../../stores/orders';

/**
 * Saved views: the current filters, columns and sort under a name, per user. The default view
 * is applied when the list opens.
 */
export const ViewsBar = memo(function ViewsBar() {
  const m = useMessages();
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [asDefault, setAsDefault] = useState(false);
  const [saving, setSaving] = useState(false);
  const applySettings = useOrders((s) => s.applySettings);

  useEffect(() => {
    void api['views.list']({}).then((answer) => {
      if (!answer.ok) return;
      setViews(answer.value);
      const preferred = answer.value.find((v) => v.isDefault);
      if (preferred) {
        setChosen(preferred.id);
        applySettings(preferred);
      }
    });
  }, [applySettings]);

  const refresh = async () => {
    const answer = await api['views.list']({});
    if (answer.ok) setViews(answer.value);
  };
  const save = async () => {
    const state = useOrders.getState();
    const answer = await api['views.save']({
      name,
      isDefault: asDefault,
      filter: filterOf(state),
      columns: state.columns,
      sort: state.sort,
    });
    if (!answer.ok) return;
    setChosen(answer.value.id);
    setName('');
    setSaving(false);
    await refresh();
  };
  const remove = async () => {
    if (!chosen) return;
    await api['views.delete']({ id: chosen });
    setChosen('');
    await refresh();
  };

  return (
    <Space.Compact className="views-bar" role="group" aria-label={m.list.views}>
      <Select
        className="views-select"
        aria-label={m.list.views}
        data-testid="views"
        allowClear
        placeholder={m.list.pickView}
        value={chosen || undefined}
        onChange={(id: string | undefined) => setChosen(id ?? '')}
        // Picking the view already shown applies it again (the list may have moved away from it).
        onSelect={(id: string | undefined) => {
          const view = views.find((v) => v.id === id);
          if (view) applySettings(view);
        }}
        options={views.map((v) => ({
          value: v.id,
          label: v.isDefault ? `${v.name} (${m.list.defaultView})` : v.name,
        }))}
      />
      <Popover
        trigger="click"
        placement="bottomLeft"
        open={saving}
        onOpenChange={setSaving}
        content={
          <Form layout="vertical" className="save-view" onFinish={() => void save()} data-testid="save-view">
            <Form.Item label={m.list.viewName} required>
              <Input
                aria-label={m.list.viewName}
                autoFocus
                value={name}
                maxLength={40}
                onChange={(e) => setName(e.target.value)}
              />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={asDefault} onChange={(e) => setAsDefault(e.target.checked)}>
                {m.list.makeDefault}
              </Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" block disabled={!name.trim()}>
              {m.list.save}
            </Button>
          </Form>
        }
      >
        <Button
          icon={<SaveOutlined />}
          aria-label={m.list.saveView}
          title={m.list.saveView}
          data-testid="save-view-open"
        />
      </Popover>
      {chosen && (
        <Button
          icon={<DeleteOutlined />}
          aria-label={m.list.deleteView}
          title={m.list.deleteView}
          onClick={() => void remove()}
        />
      )}
    </Space.Compact>
  );
});
