import { BarcodeOutlined, PrinterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useShallow } from 'zustand/react/shallow';
import { PRINT_MAX_ORDERS } from '../../../shared/contract/print';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { filterOf, useOrders } from '../../stores/orders';
import { usePrint, type PrintKind } from '../../stores/print';
import { useLabels } from '../../stores/labels';
import { inPickOrder } from '../../print/pick-list';
import { refusalWords } from '../../i18n/refusal-words';
import { lastCarrier } from '../detail/last-carrier';

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

  const showLabels = useLabels((s) => s.show);

  const chosen = async (): Promise<string[] | null> => {
    if (!allMatching) return [...selected];
    const page = await api['orders.list']({ filter: filterOf(useOrders.getState()), sort, limit: PRINT_MAX_ORDERS });
    if (!page.ok) {
      void message.error(m.error[page.error.code]);
      return null;
    }
    return page.value.rows.map((r) => r.orderNo);
  };

  const print = async (kind: PrintKind) => {
    const orderNos = await chosen();
    if (orderNos) open(kind, orderNos);
  };

  /** 电子面单 for the selection, numbers from this desk's block, in pick order (the batch print queue). */
  const printLabels = async () => {
    const orderNos = await chosen();
    if (!orderNos?.length) return;
    const prepared = await api['labels.prepare']({ orderNos, carrier: lastCarrier() });
    if (!prepared.ok) return void message.error(m.error[prepared.error.code]);
    const { labels, refused } = prepared.value;
    if (refused)
      void message.warning(
        fill(m.floor.label.refused, {
          orderNo: refused.orderNo,
          reason: refusalWords(m, refused.reason) ?? refused.reason,
        }),
      );
    if (labels.length) showLabels(inPickOrder(labels));
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
      <Button
        size="small"
        icon={<BarcodeOutlined />}
        data-testid="print-labels"
        disabled={count === 0 || tooMany}
        title={title}
        onClick={() => void printLabels()}
      >
        {m.floor.label.batch}
      </Button>
    </>
  );
}
