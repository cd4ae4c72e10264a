import { useState, type FormEvent } from 'react';
import {
  LIST_TIME_FIELDS,
  ORDER_SOURCES,
  PAYMENT_CHANNELS,
  PAYMENT_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
} from '../../../shared/domain/vocabulary';
import { PROVINCE_NAMES } from '../../../shared/domain/provinces';
import { useMessages } from '../../i18n';
import { type SearchArea } from '../../stores/orders';
import { dayEnd, dayStart, dayOf } from './dates';

interface Props {
  value: SearchArea;
  onApply(search: SearchArea): void;
}

type MultiKey = 'paymentStatuses' | 'refundStatuses' | 'paymentChannels' | 'platforms' | 'sources';

/**
 * The search area of domain.md, folded away until wanted: edits stay a draft until "查询", so
 * the list is not re-queried on every tick of a checkbox.
 */
export function FiltersPanel({ value, onApply }: Props) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<SearchArea>(value);
  // A view applied or a chip removed elsewhere replaces the draft (adjusted during render, not in an effect).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }

  const multi = <K extends MultiKey>(
    key: K,
    options: readonly NonNullable<SearchArea[K]>[number][],
    label: (v: string) => string,
    legend: string,
  ) => (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {options.map((option) => {
        const on = (draft[key] as readonly string[] | undefined)?.includes(option) ?? false;
        return (
          <label key={option}>
            <input
              type="checkbox"
              checked={on}
              onChange={() => {
                const current = (draft[key] ?? []) as string[];
                const next = on ? current.filter((v) => v !== option) : [...current, option];
                setDraft({ ...draft, [key]: next.length ? next : undefined });
              }}
            />
            {label(option)}
          </label>
        );
      })}
    </fieldset>
  );

  const time = draft.time;
  const setTime = (patch: Partial<NonNullable<SearchArea['time']>>) => {
    const next = { field: time?.field ?? 'createdAt', from: time?.from, to: time?.to, ...patch };
    setDraft({ ...draft, time: next.from === undefined && next.to === undefined ? undefined : next });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <section className="filters">
      <button
        type="button"
        className="link"
        data-testid="filters-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? m.list.hideFilters : m.list.showFilters}
      </button>
      {open && (
        <form className="filters-panel" aria-label={m.list.filters} onSubmit={submit}>
          <label className="filter-field">
            {m.column.orderNo}
            <input
              value={draft.orderNo ?? ''}
              onChange={(e) => setDraft({ ...draft, orderNo: e.target.value.trim() || undefined })}
            />
          </label>
          <label className="filter-field">
            {m.list.timeField}
            <select
              value={time?.field ?? 'createdAt'}
              onChange={(e) => setTime({ field: e.target.value as (typeof LIST_TIME_FIELDS)[number] })}
            >
              {LIST_TIME_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {m.list.time[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            {m.list.from}
            <input
              type="date"
              value={time?.from === undefined ? '' : dayOf(time.from)}
              onChange={(e) => setTime({ from: e.target.value ? dayStart(e.target.value) : undefined })}
            />
          </label>
          <label className="filter-field">
            {m.list.to}
            <input
              type="date"
              value={time?.to === undefined ? '' : dayOf(time.to)}
              onChange={(e) => setTime({ to: e.target.value ? dayEnd(e.target.value) : undefined })}
            />
          </label>
          <label className="filter-field">
            {m.list.province}
            <select
              value=""
              onChange={(e) => {
                const province = e.target.value;
                if (province && !draft.provinces?.includes(province)) {
                  setDraft({ ...draft, provinces: [...(draft.provinces ?? []), province] });
                }
              }}
            >
              <option value="">{m.list.pickProvince}</option>
              {PROVINCE_NAMES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          {draft.provinces?.map((p) => (
            <button
              key={p}
              type="button"
              className="chip"
              onClick={() => {
                const rest = draft.provinces?.filter((x) => x !== p) ?? [];
                setDraft({ ...draft, provinces: rest.length ? rest : undefined });
              }}
            >
              {p} ×
            </button>
          ))}
          <label className="filter-field">
            {m.list.warehouse}
            <input
              placeholder="WH-SH"
              value={draft.warehouseIds?.join(',') ?? ''}
              onChange={(e) => {
                const ids = e.target.value
                  .split(/[,，\s]+/)
                  .map((s) => s.trim())
                  .filter(Boolean);
                setDraft({ ...draft, warehouseIds: ids.length ? ids : undefined });
              }}
            />
          </label>
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
          <div className="filter-actions">
            <button type="submit">{m.list.apply}</button>
            <button type="button" onClick={() => onApply({})}>
              {m.list.reset}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
