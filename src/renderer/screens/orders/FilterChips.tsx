import { CloseOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { memo } from 'react';
import { fill, useMessages } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import type { SearchArea } from '../../stores/orders';
import { dayOf } from './dates';

interface Props {
  value: SearchArea;
  onChange(search: SearchArea): void;
}

/** One chip per active field of the search area; its × drops that field. */
export const FilterChips = memo(function FilterChips({ value, onChange }: Props) {
  const m = useMessages();
  const chips = chipsOf(m, value);
  if (!chips.length) return null;
  return (
    <div className="filter-chips" aria-label={m.list.activeFilters}>
      {chips.map(({ key, text }) => (
        <Tag
          key={key}
          className="chip"
          color="blue"
          closable
          closeIcon={<CloseOutlined role="button" aria-label={fill(m.list.removeFilter, { filter: text })} />}
          onClose={(event) => {
            event.preventDefault();
            const { [key]: _dropped, ...rest } = value;
            onChange(rest);
          }}
        >
          {text}
        </Tag>
      ))}
    </div>
  );
});

function chipsOf(m: Messages, s: SearchArea): Array<{ key: keyof SearchArea; text: string }> {
  const chips: Array<{ key: keyof SearchArea; text: string }> = [];
  const words = <T extends string>(
    key: keyof SearchArea,
    title: string,
    values: readonly T[] | undefined,
    word: (v: T) => string,
  ) => {
    if (values?.length) chips.push({ key, text: `${title}: ${values.map(word).join(' / ')}` });
  };
  if (s.orderNo) chips.push({ key: 'orderNo', text: `${m.column.orderNo}: ${s.orderNo}` });
  words('paymentStatuses', m.column.paymentStatus, s.paymentStatuses, (v) => m.paymentStatus[v]);
  words('refundStatuses', m.column.refundStatus, s.refundStatuses, (v) => m.refundStatus[v]);
  words('paymentChannels', m.column.channel, s.paymentChannels, (v) => m.channel[v]);
  words('platforms', m.column.platform, s.platforms, (v) => m.platform[v]);
  words('sources', m.column.source, s.sources, (v) => m.source[v]);
  words('provinces', m.list.province, s.provinces, (v) => v);
  words('warehouseIds', m.list.warehouse, s.warehouseIds, (v) => v);
  if (s.logisticsAnomaly)
    chips.push({
      key: 'logisticsAnomaly',
      text: `${m.floor.anomaly.filter}: ${fill(m.floor.anomaly.quiet, { n: s.logisticsAnomaly.quietDays })}`,
    });
  if (s.time) {
    const from = s.time.from === undefined ? '…' : dayOf(s.time.from);
    const to = s.time.to === undefined ? '…' : dayOf(s.time.to);
    chips.push({ key: 'time', text: `${m.list.time[s.time.field]}: ${from} – ${to}` });
  }
  return chips;
}
