import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LIST_COLUMNS, type ListColumn } from '../../../shared/contract/list';
import { useMessages } from '../../i18n';
import { useOrders } from '../../stores/orders';
import { useSession } from '../../stores/session';
import { columnTitle } from './columns';
import { rememberColumns } from './remembered-columns';

/** Which columns the list shows, and in what order (saved with a view). */
export const ColumnChooser = memo(function ColumnChooser() {
  const m = useMessages();
  const { columns, setColumns: show } = useOrders(
    useShallow((s) => ({ columns: s.columns, setColumns: s.setColumns })),
  );
  const username = useSession((s) => s.session?.username);
  const setColumns = (next: ListColumn[]) => {
    show(next);
    if (username) rememberColumns(username, next);
  };
  // Shown columns first in their order, then the hidden ones.
  const listed = [...columns, ...LIST_COLUMNS.filter((c) => !columns.includes(c))];
  const move = (column: ListColumn, by: number) => {
    const at = columns.indexOf(column);
    const to = at + by;
    if (at < 0 || to < 0 || to >= columns.length) return;
    const next = [...columns];
    next.splice(at, 1);
    next.splice(to, 0, column);
    setColumns(next);
  };
  const choices = (
    <div className="column-chooser" role="group" aria-label={m.list.columns}>
      {listed.map((column) => {
        const shown = columns.includes(column);
        const title = columnTitle(m, column);
        return (
          <div key={column} className="column-choice">
            <Checkbox
              checked={shown}
              // The list keeps at least one column.
              disabled={shown && columns.length === 1}
              onChange={() => setColumns(shown ? columns.filter((c) => c !== column) : [...columns, column])}
            >
              {title}
            </Checkbox>
            {shown && (
              <span className="column-moves">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={`${m.list.moveUp} ${title}`}
                  onClick={() => move(column, -1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={`${m.list.moveDown} ${title}`}
                  onClick={() => move(column, 1)}
                />
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={choices}>
      <Button icon={<SettingOutlined />} data-testid="columns">
        {m.list.columns}
      </Button>
    </Popover>
  );
});
