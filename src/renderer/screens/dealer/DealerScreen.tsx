import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { yuanToFen } from '../../../shared/domain/money';
import { INVOICE_TITLE_TYPES, INVOICE_TYPES, PAYMENT_CHANNELS } from '../../../shared/domain/vocabulary';
import { PROVINCES } from '../../../shared/demo/regions';
import type { DealerDraftInput } from '../../../shared/contract/api';
import { fill, useMessages } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import { onEvent } from '../../api/client';
import { money } from '../../lib/format';
import { useDealer } from '../../stores/dealer';
import { useSession } from '../../stores/session';
import { quoteDraft } from '../../../shared/intents/dealer-quote';
import './dealer.css';

const MOBILE_PREFIX = /^1([3-9]\d{0,9})?$/;
const provinces = PROVINCES.map(([p]) => p);

const reasonText = (m: Messages, code: string): string => (m.dealer.reason as Record<string, string>)[code] ?? code;

function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  const m = useMessages();
  const code = errors[field];
  if (!code) return null;
  return (
    <span className="field-error" role="alert" data-testid={`error-${field}`}>
      {reasonText(m, code)}
    </span>
  );
}

function Field(props: { label: string; field: string; errors: Record<string, string>; children: ReactNode }) {
  return (
    <label className="form-field">
      <span>{props.label}</span>
      {props.children}
      <FieldError field={props.field} errors={props.errors} />
    </label>
  );
}

/** A yuan amount typed by the user, kept in fen; invalid text stays on screen and says so. */
function MoneyInput(props: { value: number; testId: string; onChange(fen: number): void }) {
  const m = useMessages();
  const [text, setText] = useState(props.value === 0 ? '' : (props.value / 100).toFixed(2));
  const valid = text.trim() === '' || yuanToFen(text) !== null;
  return (
    <>
      <input
        inputMode="decimal"
        data-testid={props.testId}
        value={text}
        aria-invalid={!valid}
        onChange={(e) => {
          setText(e.target.value);
          const fen = e.target.value.trim() === '' ? 0 : yuanToFen(e.target.value);
          if (fen !== null) props.onChange(fen);
        }}
      />
      {!valid && <span className="field-error">{m.dealer.invalidMoney}</span>}
    </>
  );
}

export function DealerScreen() {
  const m = useMessages();
  const session = useSession((s) => s.session);
  const dealerId = session?.scope.dealerIds[0] ?? '';
  const store = useDealer();
  const { draft, edit, known, promotions, serverErrors, outcome } = store;
  const [searchText, setSearchText] = useState('');
  const [formKey, setFormKey] = useState(0);

  const load = useDealer((s) => s.load);
  const followUp = useDealer((s) => s.followUp);
  useEffect(() => {
    void load(dealerId);
  }, [load, dealerId]);
  const refreshPromotions = useDealer((s) => s.refreshPromotions);
  // A submitted order that waited offline shows the service's answer once a sync brings it.
  useEffect(() => onEvent('orders.changed', () => void followUp()), [followUp]);
  // The first sync after sign-in may still be bringing the terms when the screen opens.
  useEffect(
    () =>
      onEvent('sync.status', (status) => {
        if (!status.syncing) void refreshPromotions();
      }),
    [refreshPromotions],
  );

  // The amounts on every keystroke, with the shared pricing: no round trip.
  const quote = useMemo(
    () =>
      quoteDraft(
        draft,
        (sku) => known[sku],
        promotions.coupons.find((c) => c.id === draft.couponId) ?? null,
        promotions.campaigns.find((c) => c.id === draft.campaignId) ?? null,
        false,
        (id) => promotions.campaigns.find((c) => c.id === id),
      ),
    [draft, known, promotions],
  );
  const campaignNames: Record<string, string> = Object.fromEntries(promotions.campaigns.map((c) => [c.id, c.name]));
  const phone = draft.receiver.phone;
  const typingPhone = phone !== '' && phone.length < 11 && MOBILE_PREFIX.test(phone);
  const errors: Record<string, string> = {};
  for (const [field, code] of Object.entries(quote.fieldErrors)) {
    if (code === 'REQUIRED' && !outcome) continue;
    if (field === 'receiver.phone' && (phone === '' || typingPhone)) continue;
    errors[field] = code;
  }
  Object.assign(errors, serverErrors);

  const province = provinces.find((p) => p.name === draft.receiver.province);
  const city = province?.cities.find((c) => c.name === draft.receiver.city);
  const setReceiver = (change: Partial<DealerDraftInput['receiver']>) =>
    edit((d) => ({ ...d, receiver: { ...d.receiver, ...change } }));
  const setBuyer = (change: Partial<DealerDraftInput['buyer']>) =>
    edit((d) => ({ ...d, buyer: { ...d.buyer, ...change } }));
  const setLine = (i: number, quantity: number) =>
    edit((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, quantity } : l)) }));
  const remount = (action: () => Promise<void> | void) => async () => {
    await action();
    setFormKey((k) => k + 1);
  };

  const breakdown: Array<[string, number, string]> = [
    [m.dealer.goodsTotal, quote.goodsTotal, 'goods'],
    [m.dealer.freightLine, quote.freight, 'freight'],
    [m.dealer.orderAmount, quote.orderAmount, 'order-amount'],
    [m.dealer.couponDiscount, -quote.couponDiscount, 'coupon'],
    [m.dealer.campaignDiscount, -quote.campaignDiscount, 'campaign'],
    [m.dealer.memberDiscount, -quote.memberDiscount, 'member'],
    [m.dealer.memberBenefitLine, -quote.memberBenefit, 'benefit'],
    [fill(m.dealer.pointsDeduction, { n: quote.pointsUsed }), -quote.pointsDeduction, 'points'],
  ];

  return (
    <div className="dealer-screen" data-testid="dealer-screen" key={formKey}>
      <h2>{m.dealer.title}</h2>
      <aside className="dealer-side">
        <button type="button" data-testid="dealer-new" onClick={remount(() => store.reset(dealerId))}>
          {m.dealer.newOrder}
        </button>
        <h3>{m.dealer.drafts}</h3>
        {store.drafts.length === 0 && <p className="muted">{m.dealer.noDrafts}</p>}
        <ul data-testid="dealer-drafts">
          {store.drafts.map((row) => (
            <li key={row.id}>
              {row.draft.receiver.name || row.draft.buyer.name || row.id.slice(0, 8)} · {row.draft.lines.length}
              <button type="button" onClick={remount(() => store.openDraft(row))}>
                {m.dealer.openDraft}
              </button>
              <button type="button" onClick={() => void store.deleteDraft(row.id)}>
                {m.dealer.deleteDraft}
              </button>
            </li>
          ))}
        </ul>
        {store.rejected.length > 0 && <h3>{m.dealer.rejectedOrders}</h3>}
        <ul data-testid="dealer-rejected">
          {store.rejected.map((item) => (
            <li key={item.id}>
              {(item.payload as { orderNo: string }).orderNo} · {reasonText(m, item.code ?? '')}
              <button type="button" onClick={remount(() => store.fixRejected(item))}>
                {m.dealer.fixRejected}
              </button>
            </li>
          ))}
        </ul>
      </aside>

      <form className="dealer-form" onSubmit={(e) => e.preventDefault()}>
        {store.resubmitOf && (
          <p className="notice" data-testid="dealer-fixing">
            {fill(m.dealer.fixing, { orderNo: store.resubmitOf.orderNo })}
          </p>
        )}
        <fieldset>
          <legend>{m.dealer.buyer}</legend>
          <Field label={m.dealer.buyerId} field="buyer.id" errors={errors}>
            <input
              data-testid="buyer-id"
              placeholder={m.dealer.walkIn}
              value={draft.buyer.id}
              onChange={(e) => setBuyer({ id: e.target.value })}
            />
          </Field>
          <Field label={m.dealer.buyerAccount} field="buyer.account" errors={errors}>
            <input
              data-testid="buyer-account"
              value={draft.buyer.account}
              onChange={(e) => setBuyer({ account: e.target.value })}
            />
          </Field>
          <Field label={m.dealer.buyerName} field="buyer.name" errors={errors}>
            <input
              data-testid="buyer-name"
              value={draft.buyer.name}
              onChange={(e) => setBuyer({ name: e.target.value })}
            />
          </Field>
        </fieldset>

        <fieldset>
          <legend>{m.dealer.receiver}</legend>
          <Field label={m.dealer.receiverName} field="receiver.name" errors={errors}>
            <input
              data-testid="receiver-name"
              value={draft.receiver.name}
              onChange={(e) => setReceiver({ name: e.target.value })}
            />
          </Field>
          <Field label={m.dealer.phone} field="receiver.phone" errors={errors}>
            <input
              data-testid="receiver-phone"
              inputMode="tel"
              value={phone}
              onChange={(e) => setReceiver({ phone: e.target.value.trim() })}
            />
          </Field>
          <Field label={m.dealer.province} field="receiver.province" errors={errors}>
            <select
              data-testid="receiver-province"
              value={draft.receiver.province}
              onChange={(e) => setReceiver({ province: e.target.value, city: '', district: '', postcode: '' })}
            >
              <option value="">{m.dealer.choose}</option>
              {provinces.map((p) => (
                <option key={p.name}>{p.name}</option>
              ))}
            </select>
          </Field>
          <Field label={m.dealer.city} field="receiver.city" errors={errors}>
            <select
              data-testid="receiver-city"
              value={draft.receiver.city}
              onChange={(e) => {
                const chosen = province?.cities.find((c) => c.name === e.target.value);
                setReceiver({ city: e.target.value, district: '', postcode: chosen?.postcode ?? '' });
              }}
            >
              <option value="">{m.dealer.choose}</option>
              {province?.cities.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </select>
          </Field>
          <Field label={m.dealer.district} field="receiver.district" errors={errors}>
            <select
              data-testid="receiver-district"
              value={draft.receiver.district}
              onChange={(e) => setReceiver({ district: e.target.value })}
            >
              <option value="">{m.dealer.choose}</option>
              {city?.districts.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          </Field>
          <Field label={m.dealer.address} field="receiver.address" errors={errors}>
            <input
              data-testid="receiver-address"
              value={draft.receiver.address}
              onChange={(e) => setReceiver({ address: e.target.value })}
            />
          </Field>
          <Field label={m.dealer.postcode} field="receiver.postcode" errors={errors}>
            <input
              data-testid="receiver-postcode"
              value={draft.receiver.postcode}
              onChange={(e) => setReceiver({ postcode: e.target.value })}
            />
          </Field>
        </fieldset>

        <fieldset>
          <legend>{m.dealer.items}</legend>
          <input
            type="search"
            data-testid="dealer-search"
            placeholder={m.dealer.search}
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              void store.search(e.target.value);
            }}
          />
          <ul className="dealer-results" data-testid="dealer-results">
            {store.results.slice(0, 12).map((item) => (
              <li key={item.sku}>
                <span>
                  {item.name} · {item.spec} · {item.sku} · {money(item.dealerPrice)} ·{' '}
                  {fill(m.dealer.stock, { n: item.stock })}{' '}
                  {campaignNames[item.campaignId ?? ''] && (
                    <span className="badge pending">{campaignNames[item.campaignId ?? '']}</span>
                  )}
                </span>
                <button
                  type="button"
                  data-testid={`dealer-add-${item.sku}`}
                  disabled={!item.onSale}
                  onClick={() => store.addItem(item)}
                >
                  {m.dealer.add}
                </button>
              </li>
            ))}
          </ul>
          {draft.lines.length === 0 ? (
            <p className="muted">{m.dealer.noItems}</p>
          ) : (
            <table className="dealer-lines">
              <thead>
                <tr>
                  <th>{m.dealer.sku}</th>
                  <th>{m.dealer.name}</th>
                  <th>{m.dealer.spec}</th>
                  <th>{m.dealer.unitPrice}</th>
                  <th>{m.dealer.quantity}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {draft.lines.map((line, i) => (
                  <tr key={line.sku}>
                    <td>
                      {line.sku}
                      <FieldError field={`lines.${i}.sku`} errors={errors} />
                    </td>
                    <td>{known[line.sku]?.name ?? ''}</td>
                    <td>{known[line.sku]?.spec ?? ''}</td>
                    <td>
                      {money(line.unitPrice)}
                      <FieldError field={`lines.${i}.unitPrice`} errors={errors} />
                    </td>
                    <td>
                      <input
                        type="number"
                        min={1}
                        data-testid={`line-qty-${i}`}
                        value={line.quantity}
                        onChange={(e) => setLine(i, Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
                      />
                      <FieldError field={`lines.${i}.quantity`} errors={errors} />
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => edit((d) => ({ ...d, lines: d.lines.filter((_l, j) => j !== i) }))}
                      >
                        {m.dealer.remove}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FieldError field="lines" errors={errors} />
        </fieldset>

        <fieldset>
          <legend>{m.dealer.promotions}</legend>
          <Field label={m.dealer.freight} field="freight" errors={errors}>
            <MoneyInput
              testId="freight"
              value={draft.freight}
              onChange={(freight) => edit((d) => ({ ...d, freight }))}
            />
          </Field>
          <Field label={m.dealer.coupon} field="couponId" errors={errors}>
            <select
              data-testid="coupon"
              value={draft.couponId ?? ''}
              disabled={!quote.couponsAvailable && draft.couponId === null}
              title={!quote.couponsAvailable && draft.couponId === null ? m.dealer.reason.CAMPAIGN_APPLIES : undefined}
              onChange={(e) => {
                const couponId = e.target.value || null;
                // Chosen while no campaign of the goods is met: the coupon stays if the order grows to meet one.
                const chosenFirst =
                  draft.couponId === null ? quote.couponsAvailable : (draft.couponChosenFirst ?? false);
                edit((d) => ({ ...d, couponId, couponChosenFirst: couponId !== null && chosenFirst }));
              }}
            >
              <option value="">{m.dealer.none}</option>
              {promotions.coupons.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={m.dealer.campaign} field="campaignId" errors={errors}>
            <select
              data-testid="campaign"
              value={draft.campaignId ?? ''}
              onChange={(e) => edit((d) => ({ ...d, campaignId: e.target.value || null }))}
            >
              <option value="">{m.dealer.none}</option>
              {promotions.campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={m.dealer.memberRate} field="memberRateBp" errors={errors}>
            <input
              inputMode="decimal"
              data-testid="member-rate"
              defaultValue={draft.memberRateBp === null ? '' : String(draft.memberRateBp / 100)}
              onChange={(e) => {
                const pct = Number(e.target.value);
                const bp = e.target.value.trim() === '' || !Number.isFinite(pct) ? null : Math.round(pct * 100);
                edit((d) => ({ ...d, memberRateBp: bp !== null && bp >= 0 && bp <= 10_000 ? bp : null }));
              }}
            />
          </Field>
          <Field label={m.dealer.memberBenefit} field="memberBenefit" errors={errors}>
            <MoneyInput
              testId="member-benefit"
              value={draft.memberBenefit}
              onChange={(memberBenefit) => edit((d) => ({ ...d, memberBenefit }))}
            />
          </Field>
          <Field label={m.dealer.points} field="pointsUsed" errors={errors}>
            <input
              type="number"
              min={0}
              data-testid="points"
              value={draft.pointsUsed}
              onChange={(e) =>
                edit((d) => ({ ...d, pointsUsed: Math.max(0, Math.trunc(Number(e.target.value) || 0)) }))
              }
            />
          </Field>
        </fieldset>

        <fieldset>
          <legend>{m.dealer.invoice}</legend>
          <Field label={m.dealer.invoiceType} field="invoice.type" errors={errors}>
            <select
              data-testid="invoice-type"
              value={draft.invoice?.type ?? 'NONE'}
              onChange={(e) => {
                const type = e.target.value as (typeof INVOICE_TYPES)[number];
                edit((d) => ({
                  ...d,
                  invoice:
                    type === 'NONE'
                      ? null
                      : { titleType: 'COMPANY', title: '', taxNo: '', content: '', ...d.invoice, type },
                }));
              }}
            >
              {INVOICE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {m.dealer.invoiceTypes[t]}
                </option>
              ))}
            </select>
          </Field>
          {draft.invoice && (
            <>
              <Field label={m.dealer.titleType} field="invoice.titleType" errors={errors}>
                <select
                  value={draft.invoice.titleType}
                  onChange={(e) =>
                    edit((d) => ({
                      ...d,
                      invoice: d.invoice && {
                        ...d.invoice,
                        titleType: e.target.value as (typeof INVOICE_TITLE_TYPES)[number],
                      },
                    }))
                  }
                >
                  {INVOICE_TITLE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {m.dealer.titleTypes[t]}
                    </option>
                  ))}
                </select>
              </Field>
              {(['title', 'taxNo', 'content'] as const).map((key) => (
                <Field
                  key={key}
                  label={
                    key === 'title' ? m.dealer.invoiceTitle : key === 'taxNo' ? m.dealer.taxNo : m.dealer.invoiceContent
                  }
                  field={`invoice.${key}`}
                  errors={errors}
                >
                  <input
                    value={draft.invoice?.[key] ?? ''}
                    onChange={(e) =>
                      edit((d) => ({ ...d, invoice: d.invoice && { ...d.invoice, [key]: e.target.value } }))
                    }
                  />
                </Field>
              ))}
            </>
          )}
          <Field label={m.dealer.payment} field="paymentChannel" errors={errors}>
            <select
              data-testid="payment-channel"
              value={draft.paymentChannel}
              onChange={(e) =>
                edit((d) => ({ ...d, paymentChannel: e.target.value as (typeof PAYMENT_CHANNELS)[number] }))
              }
            >
              {PAYMENT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {m.channel[c]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={m.dealer.remark} field="remark" errors={errors}>
            <input value={draft.remark} onChange={(e) => edit((d) => ({ ...d, remark: e.target.value }))} />
          </Field>
        </fieldset>
      </form>

      <section className="dealer-breakdown" aria-label={m.dealer.breakdown} data-testid="dealer-breakdown">
        <h3>{m.dealer.breakdown}</h3>
        <table>
          <tbody>
            {breakdown.map(([label, fen, id]) => (
              <tr key={id} data-testid={`breakdown-${id}`}>
                <th>{label}</th>
                <td>{fen < 0 ? `−${money(-fen)}` : money(fen)}</td>
              </tr>
            ))}
            <tr className="payable" data-testid="breakdown-payable">
              <th>{m.dealer.payable}</th>
              <td>{money(quote.payable)}</td>
            </tr>
          </tbody>
        </table>
        {quote.capped && <p className="muted">{m.dealer.capped}</p>}
        <FieldError field="expectedPayable" errors={errors} />
        <div className="actions">
          <button type="button" data-testid="dealer-save" onClick={() => void store.saveDraft()}>
            {m.dealer.saveDraft}
          </button>
          <button type="button" data-testid="dealer-submit" disabled={store.busy} onClick={remount(store.submit)}>
            {store.busy ? m.dealer.submitting : m.dealer.submit}
          </button>
        </div>
        {store.notice === 'saved' && <p data-testid="dealer-saved">{m.dealer.saved}</p>}
        {outcome && (
          <p className={`outcome ${outcome.outcome}`} role="status" data-testid="dealer-outcome">
            {outcome.orderNo ? fill(m.dealer[outcome.outcome], { orderNo: outcome.orderNo }) : m.dealer.checkFailed}
          </p>
        )}
        {store.error && (
          <p className="field-error" role="alert">
            {reasonText(m, store.error)}
          </p>
        )}
      </section>
    </div>
  );
}
