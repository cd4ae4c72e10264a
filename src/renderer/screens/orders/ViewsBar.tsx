import { useEffect, useState } from 'react';
import type { SavedView } from '../../../shared/contract/views';
import { api } from '../../api/client';
import { useMessages } from '../../i18n';
import { filterOf, useOrders } from '../../stores/orders';

/**
 * Saved views: the current filters, columns and sort under a name, per user. The default view
 * is applied when the list opens.
 */
export function ViewsBar() {
  const m = useMessages();
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [asDefault, setAsDefault] = useState(false);
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
    await refresh();
  };
  const remove = async () => {
    if (!chosen) return;
    await api['views.delete']({ id: chosen });
    setChosen('');
    await refresh();
  };

  return (
    <div className="views-bar" role="group" aria-label={m.list.views}>
      <select
        aria-label={m.list.views}
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          const view = views.find((v) => v.id === e.target.value);
          if (view) applySettings(view);
        }}
      >
        <option value="">{m.list.pickView}</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.isDefault ? `${v.name} (${m.list.defaultView})` : v.name}
          </option>
        ))}
      </select>
      {chosen && (
        <button type="button" onClick={() => void remove()}>
          {m.list.deleteView}
        </button>
      )}
      <input
        aria-label={m.list.viewName}
        placeholder={m.list.viewName}
        value={name}
        maxLength={40}
        onChange={(e) => setName(e.target.value)}
      />
      <label>
        <input type="checkbox" checked={asDefault} onChange={(e) => setAsDefault(e.target.checked)} />
        {m.list.makeDefault}
      </label>
      <button type="button" disabled={!name.trim()} onClick={() => void save()}>
        {m.list.saveView}
      </button>
    </div>
  );
}
