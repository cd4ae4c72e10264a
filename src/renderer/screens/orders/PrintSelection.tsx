import { PrinterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useShallow } from 'zustand/react/shallow';
import { PRINT_MAX_ORDERS } from '../../../shared/contract/print';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { filterOf, useOrders } from '../../stores/orders';
import { usePrint, type PrintKind } from '../../stores/print';

/** 打印装箱单 / 打印拣货单 for the selection; "all matching" is printed when it fits one print run. */
export function PrintSelection() {
  const m = useMessages();
  const { selected, allMatching, total, sort } = useOrders(
    useShallow((s) => ({ selected: s.selected, allMatching: s.allMatching, total: s.total, sort: s.sort })),
  );
  const open = usePrint((s) => s.open);
  const { message } = App.useApp();
  const count = allMatching ? (total ?? 0) : selected.size;
  const tooMany = count > PRINT_MAX_ORDERS;

  const print = async (kind: PrintKind) => {
    if (!allMatching) return open(kind, [...selected]);
    const page = await api['orders.list']({ filter: filterOf(useOrders.getState()), sort, limit: PRINT_MAX_ORDERS });
    if (!page.ok) return void message.error(m.error[page.error.code]);
    open(
      kind,
      page.value.rows.map((r) => r.orderNo),
    );
  };

  const title = tooMany ? fill(m.print.tooMany, { max: PRINT_MAX_ORDERS }) : undefined;
  return (
    <>
      <Button
        size="small"
        icon={<PrinterOutlined />}
        data-testid="print-packing"
        disabled={count === 0 || tooMany}
        title={title}
        onClick={() => void print('packing')}
      >
        {m.print.printPackingSlips}
      </Button>
      <Button
        size="small"
        icon={<UnorderedListOutlined />}
        disabled={count === 0 || tooMany}
        title={title}
        onClick={() => void print('pick')}
      >
        {m.print.printPickList}
      </Button>
    </>
  );
}
