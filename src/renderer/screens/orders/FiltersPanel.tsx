import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import {
  LIST_TIME_FIELDS,
  ORDER_SOURCES,
  PAYMENT_CHANNELS,
  PAYMENT_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
  type ListTimeField,
} from '../../../shared/domain/vocabulary';
import { PROVINCE_NAMES } from '../../../shared/domain/provinces';
import { QUIET_DAYS_CHOICES } from '../../../shared/domain/logistics-watch';
import { fill, useMessages } from '../../i18n';
import { type SearchArea } from '../../stores/orders';

interface Props {
  value: SearchArea;
  onApply(search: SearchArea): void;
}

type MultiKey = 'paymentStatuses' | 'refundStatuses' | 'paymentChannels' | 'platforms' | 'sources';
type Range = [Dayjs | null, Dayjs | null] | null;

/**
 * The search area of domain.md: edits stay a draft until 查询, so the list is not re-queried on
 * every pick. Shown or folded by the list's toolbar.
 */
export function FiltersPanel({ value, onApply }: Props) {
  const m = useMessages();
  const [draft, setDraft] = useState<SearchArea>(value);
  // A view applied or a chip removed elsewhere replaces the draft (adjusted during render, not in an effect).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const patch = (change: Partial<SearchArea>) => setDraft({ ...draft, ...change });

  const multi = <K extends MultiKey>(
    key: K,
    options: readonly string[],
    word: (v: string) => string,
    label: string,
  ) => (
    <Field label={label} testId={`filter-${key}`}>
      <Select
        mode="multiple"
        allowClear
        // People type the word they see (支付宝), not the code behind it.
        showSearch={{ optionFilterProp: 'label' }}
        maxTagCount="responsive"
        aria-label={label}
        placeholder={m.list.any}
        value={(draft[key] as string[] | undefined) ?? []}
        onChange={(next: string[]) => patch({ [key]: next.length ? next : undefined } as Partial<SearchArea>)}
        options={options.map((o) => ({ value: o, label: word(o) }))}
      />
    </Field>
  );

  // The kind of time is remembered while no range is set, so picking it first and the days second works.
  const [pickedField, setPickedField] = useState<ListTimeField>(draft.time?.field ?? 'createdAt');
  const time = draft.time;
  const field = time?.field ?? pickedField;
  const range: Range =
    time === undefined
      ? null
      : [time.from === undefined ? null : dayjs(time.from), time.to === undefined ? null : dayjs(time.to)];
  const setRange = (next: Range) => {
    const from = next?.[0]?.startOf('day').valueOf();
    const to = next?.[1]?.endOf('day').valueOf();
    patch({ time: from === undefined && to === undefined ? undefined : { field, from, to } });
  };
  const setField = (next: ListTimeField) => {
    setPickedField(next);
    if (time) patch({ time: { ...time, field: next } });
  };

  return (
    <Form
      className="filters-panel"
      layout="vertical"
      aria-label={m.list.filters}
      onFinish={() => onApply(draft)}
      data-testid="filters-panel"
    >
      <Field label={m.column.orderNo} testId="filter-orderNo">
        <Input
          aria-label={m.column.orderNo}
          allowClear
          value={draft.orderNo ?? ''}
          onChange={(e) => patch({ orderNo: e.target.value.trim() || undefined })}
        />
      </Field>
      <Field label={m.list.timeRange} testId="filter-time" wide>
        <Space.Compact block>
          <Select<ListTimeField>
            aria-label={m.list.timeField}
            className="time-field"
            // Inline: the compact group's own rule gives every control the whole width otherwise.
            style={{ width: 112, flex: 'none' }}
            value={field}
            onChange={setField}
            options={LIST_TIME_FIELDS.map((f) => ({ value: f, label: m.list.time[f] }))}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[m.list.from, m.list.to]}
            style={{ flex: 1, minWidth: 0 }}
            value={range}
            onChange={setRange}
          />
        </Space.Compact>
      </Field>
      <Field label={m.list.province} testId="filter-provinces">
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          maxTagCount="responsive"
          aria-label={m.list.province}
          placeholder={m.list.pickProvince}
          value={draft.provinces ?? []}
          onChange={(next: string[]) => patch({ provinces: next.length ? next : undefined })}
          options={PROVINCE_NAMES.map((p) => ({ value: p, label: p }))}
        />
      </Field>
      <Field label={m.floor.anomaly.filter} testId="filter-logisticsAnomaly">
        <Select<number>
          allowClear
          aria-label={m.floor.anomaly.filter}
          placeholder={m.floor.anomaly.any}
          value={draft.logisticsAnomaly?.quietDays}
          onChange={(quietDays) => patch({ logisticsAnomaly: quietDays ? { quietDays } : undefined })}
          options={QUIET_DAYS_CHOICES.map((n) => ({ value: n, label: fill(m.floor.anomaly.quiet, { n }) }))}
        />
      </Field>
      <Field label={m.list.warehouse} testId="filter-warehouseIds">
        <Select
          mode="tags"
          allowClear
          maxTagCount="responsive"
          aria-label={m.list.warehouse}
          placeholder={m.list.warehouseHint}
          tokenSeparators={[',', '，', ' ']}
          open={false}
          suffixIcon={null}
          value={draft.warehouseIds ?? []}
          onChange={(next: string[]) => {
            const ids = next.map((s) => s.trim()).filter(Boolean);
            patch({ warehouseIds: ids.length ? ids : undefined });
          }}
        />
      </Field>
      {multi(
        'paymentStatuses',
        PAYMENT_STATUSES,
        (v) => m.paymentStatus[v as keyof typeof m.paymentStatus],
        m.column.paymentStatus,
      )}
      {multi(
        'refundStatuses',
        REFUND_STATUSES,
        (v) => m.refundStatus[v as keyof typeof m.refundStatus],
        m.column.refundStatus,
      )}
      {multi('paymentChannels', PAYMENT_CHANNELS, (v) => m.channel[v as keyof typeof m.channel], m.column.channel)}
      {multi('platforms', PLATFORMS, (v) => m.platform[v as keyof typeof m.platform], m.column.platform)}
      {multi('sources', ORDER_SOURCES, (v) => m.source[v as keyof typeof m.source], m.column.source)}
      <Form.Item className="filter-actions" label=" ">
        <Space>
          <Button type="primary" htmlType="submit" data-testid="filters-apply">
            {m.list.apply}
          </Button>
          <Button data-testid="filters-reset" onClick={() => onApply({})}>
            {m.list.reset}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

function Field({
  label,
  testId,
  wide,
  children,
}: {
  label: string;
  testId: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Form.Item label={label} className={wide ? 'filter-field wide' : 'filter-field'} data-testid={testId}>
      {children}
    </Form.Item>
  );
}
