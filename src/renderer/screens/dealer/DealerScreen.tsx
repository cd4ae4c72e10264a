import { DeleteOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { INVOICE_TITLE_TYPES, INVOICE_TYPES, PAYMENT_CHANNELS } from '../../../shared/domain/vocabulary';
import type { DealerDraftInput } from '../../../shared/contract/api';
import { fill, useMessages } from '../../i18n';
import { onEvent } from '../../api/client';
import { AddressPicker, postcodeOf } from '../../components/AddressPicker';
import { Amount } from '../../components/Amount';
import { useDealer } from '../../stores/dealer';
import { useSession } from '../../stores/session';
import { quoteDraft } from '../../../shared/intents/dealer-quote';
import { Field, FieldMessage, MoneyInput } from './fields';
import { DealerBreakdown } from './DealerBreakdown';
import { DealerSide } from './DealerSide';
import './dealer.css';

const MOBILE_PREFIX = /^1([3-9]\d{0,9})?$/;

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
  const r = draft.receiver;
  // The region's error: the first of its parts the checks refused.
  const regionField = ['receiver.province', 'receiver.city', 'receiver.district'].find((f) => errors[f]);
  const lineErrors = (i: number) => ['sku', 'unitPrice', 'quantity'].map((k) => `lines.${i}.${k}`);

  return (
    <div className="dealer-screen" data-testid="dealer-screen" key={formKey}>
      <Typography.Title level={4} className="screen-title dealer-title">
        {m.dealer.title}
      </Typography.Title>
      <DealerSide onNew={remount(() => store.reset(dealerId))} onOpen={(action) => void remount(action)()} />

      <Form layout="vertical" className="dealer-form" component="div" requiredMark>
        {store.resubmitOf && (
          <Alert
            type="warning"
            showIcon
            data-testid="dealer-fixing"
            title={fill(m.dealer.fixing, { orderNo: store.resubmitOf.orderNo })}
          />
        )}
        <Card size="small" title={m.dealer.buyer} className="form-section">
          <div className="form-grid">
            <Field label={m.dealer.buyerId} field="buyer.id" errors={errors}>
              <Input
                data-testid="buyer-id"
                placeholder={m.dealer.walkIn}
                value={draft.buyer.id}
                onChange={(e) => setBuyer({ id: e.target.value })}
              />
            </Field>
            <Field label={m.dealer.buyerAccount} field="buyer.account" errors={errors}>
              <Input
                data-testid="buyer-account"
                value={draft.buyer.account}
                onChange={(e) => setBuyer({ account: e.target.value })}
              />
            </Field>
            <Field label={m.dealer.buyerName} field="buyer.name" errors={errors}>
              <Input
                data-testid="buyer-name"
                value={draft.buyer.name}
                onChange={(e) => setBuyer({ name: e.target.value })}
              />
            </Field>
          </div>
        </Card>

        <Card size="small" title={m.dealer.receiver} className="form-section">
          <div className="form-grid">
            <Field label={m.dealer.receiverName} field="receiver.name" errors={errors}>
              <Input
                data-testid="receiver-name"
                value={r.name}
                onChange={(e) => setReceiver({ name: e.target.value })}
              />
            </Field>
            <Field label={m.dealer.phone} field="receiver.phone" errors={errors}>
              <Input
                data-testid="receiver-phone"
                inputMode="tel"
                maxLength={11}
                value={phone}
                onChange={(e) => setReceiver({ phone: e.target.value.trim() })}
              />
            </Field>
            <Form.Item
              label={`${m.dealer.province} / ${m.dealer.city} / ${m.dealer.district}`}
              className="form-field wide"
              required
              validateStatus={regionField ? 'error' : undefined}
              help={regionField ? <FieldMessage field={regionField} errors={errors} /> : undefined}
            >
              <AddressPicker
                testId="receiver-region"
                ariaLabel={`${m.dealer.province} / ${m.dealer.city} / ${m.dealer.district}`}
                placeholder={m.dealer.choose}
                status={regionField ? 'error' : undefined}
                value={{ province: r.province, city: r.city, district: r.district }}
                onChange={({ province, city, district }) =>
                  setReceiver({ province, city, district, postcode: postcodeOf(province, city) })
                }
              />
            </Form.Item>
            <Field label={m.dealer.address} field="receiver.address" errors={errors} wide>
              <Input
                data-testid="receiver-address"
                value={r.address}
                onChange={(e) => setReceiver({ address: e.target.value })}
              />
            </Field>
            <Field label={m.dealer.postcode} field="receiver.postcode" errors={errors}>
              <Input
                data-testid="receiver-postcode"
                value={r.postcode}
                onChange={(e) => setReceiver({ postcode: e.target.value })}
              />
            </Field>
          </div>
        </Card>

        <Card size="small" title={m.dealer.items} className="form-section">
          <Form.Item
            className="items-search"
            required
            validateStatus={errors.lines ? 'error' : undefined}
            help={errors.lines ? <FieldMessage field="lines" errors={errors} /> : undefined}
          >
            <Input
              allowClear
              prefix={<SearchOutlined />}
              data-testid="dealer-search"
              aria-label={m.dealer.search}
              placeholder={m.dealer.search}
              value={searchText}
              onChange={(e) => {
                setSearchText(e.target.value);
                void store.search(e.target.value);
              }}
            />
          </Form.Item>
          {store.results.length > 0 && (
            <ul className="plain-list dealer-results" data-testid="dealer-results">
              {store.results.slice(0, 12).map((item) => (
                <li key={item.sku} className="result-item">
                  <span>
                    {item.name} · {item.spec} · <span className="mono">{item.sku}</span> ·{' '}
                    <Amount fen={item.dealerPrice} /> ·{' '}
                    <Typography.Text type="secondary">{fill(m.dealer.stock, { n: item.stock })}</Typography.Text>{' '}
                    {campaignNames[item.campaignId ?? ''] && (
                      <Tag color="magenta">{campaignNames[item.campaignId ?? '']}</Tag>
                    )}
                  </span>
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    data-testid={`dealer-add-${item.sku}`}
                    disabled={!item.onSale}
                    onClick={() => store.addItem(item)}
                  >
                    {m.dealer.add}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Table
            className="dealer-lines"
            size="small"
            pagination={false}
            rowKey="sku"
            dataSource={draft.lines.map((line, i) => ({ ...line, i }))}
            locale={{ emptyText: m.dealer.noItems }}
            columns={[
              {
                key: 'sku',
                title: m.dealer.sku,
                render: (_, line) => (
                  <>
                    <span className="mono">{line.sku}</span>
                    <FieldMessage field={`lines.${line.i}.sku`} errors={errors} />
                  </>
                ),
              },
              { key: 'name', title: m.dealer.name, render: (_, line) => known[line.sku]?.name ?? '' },
              { key: 'spec', title: m.dealer.spec, render: (_, line) => known[line.sku]?.spec ?? '' },
              {
                key: 'unitPrice',
                title: m.dealer.unitPrice,
                align: 'right',
                render: (_, line) => (
                  <>
                    <Amount fen={line.unitPrice} />
                    <FieldMessage field={`lines.${line.i}.unitPrice`} errors={errors} />
                  </>
                ),
              },
              {
                key: 'quantity',
                title: m.dealer.quantity,
                align: 'right',
                width: 150,
                render: (_, line) => (
                  <>
                    <InputNumber
                      size="small"
                      min={0}
                      precision={0}
                      data-testid={`line-qty-${line.i}`}
                      aria-label={`${known[line.sku]?.name ?? line.sku} ${m.dealer.quantity}`}
                      status={lineErrors(line.i).some((f) => errors[f]) ? 'error' : undefined}
                      value={line.quantity}
                      onChange={(n) => setLine(line.i, Math.max(0, Math.trunc(Number(n) || 0)))}
                    />
                    <FieldMessage field={`lines.${line.i}.quantity`} errors={errors} />
                  </>
                ),
              },
              {
                key: 'remove',
                title: '',
                width: 48,
                render: (_, line) => (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={m.dealer.remove}
                    title={m.dealer.remove}
                    onClick={() => edit((d) => ({ ...d, lines: d.lines.filter((_l, j) => j !== line.i) }))}
                  />
                ),
              },
            ]}
          />
        </Card>

        <Card size="small" title={m.dealer.promotions} className="form-section">
          <div className="form-grid">
            <Field label={m.dealer.freight} field="freight" errors={errors}>
              <MoneyInput
                testId="freight"
                label={m.dealer.freight}
                value={draft.freight}
                onChange={(freight) => edit((d) => ({ ...d, freight }))}
              />
            </Field>
            <Field label={m.dealer.coupon} field="couponId" errors={errors}>
              <Select
                data-testid="coupon"
                aria-label={m.dealer.coupon}
                value={draft.couponId ?? ''}
                disabled={!quote.couponsAvailable && draft.couponId === null}
                title={
                  !quote.couponsAvailable && draft.couponId === null ? m.dealer.reason.CAMPAIGN_APPLIES : undefined
                }
                onChange={(chosen: string) => {
                  const couponId = chosen || null;
                  // Chosen while no campaign of the goods is met: the coupon stays if the order grows to meet one.
                  const chosenFirst =
                    draft.couponId === null ? quote.couponsAvailable : (draft.couponChosenFirst ?? false);
                  edit((d) => ({ ...d, couponId, couponChosenFirst: couponId !== null && chosenFirst }));
                }}
                options={[
                  { value: '', label: m.dealer.none },
                  ...promotions.coupons.map((c) => ({ value: c.id, label: c.name })),
                ]}
              />
            </Field>
            <Field label={m.dealer.campaign} field="campaignId" errors={errors}>
              <Select
                data-testid="campaign"
                aria-label={m.dealer.campaign}
                value={draft.campaignId ?? ''}
                onChange={(campaignId: string) => edit((d) => ({ ...d, campaignId: campaignId || null }))}
                options={[
                  { value: '', label: m.dealer.none },
                  ...promotions.campaigns.map((c) => ({ value: c.id, label: c.name })),
                ]}
              />
            </Field>
            <Field label={m.dealer.memberRate} field="memberRateBp" errors={errors}>
              <Input
                inputMode="decimal"
                suffix="%"
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
                label={m.dealer.memberBenefit}
                value={draft.memberBenefit}
                onChange={(memberBenefit) => edit((d) => ({ ...d, memberBenefit }))}
              />
            </Field>
            <Field label={m.dealer.points} field="pointsUsed" errors={errors}>
              <InputNumber
                min={0}
                precision={0}
                className="full-width"
                data-testid="points"
                value={draft.pointsUsed}
                onChange={(n) => edit((d) => ({ ...d, pointsUsed: Math.max(0, Math.trunc(Number(n) || 0)) }))}
              />
            </Field>
          </div>
        </Card>

        <Card size="small" title={m.dealer.invoice} className="form-section">
          <div className="form-grid">
            <Field label={m.dealer.invoiceType} field="invoice.type" errors={errors}>
              <Select
                data-testid="invoice-type"
                aria-label={m.dealer.invoiceType}
                value={draft.invoice?.type ?? 'NONE'}
                onChange={(type: (typeof INVOICE_TYPES)[number]) =>
                  edit((d) => ({
                    ...d,
                    invoice:
                      type === 'NONE'
                        ? null
                        : { titleType: 'COMPANY', title: '', taxNo: '', content: '', ...d.invoice, type },
                  }))
                }
                options={INVOICE_TYPES.map((t) => ({ value: t, label: m.dealer.invoiceTypes[t] }))}
              />
            </Field>
            {draft.invoice && (
              <>
                <Field label={m.dealer.titleType} field="invoice.titleType" errors={errors}>
                  <Select
                    aria-label={m.dealer.titleType}
                    value={draft.invoice.titleType}
                    onChange={(titleType: (typeof INVOICE_TITLE_TYPES)[number]) =>
                      edit((d) => ({ ...d, invoice: d.invoice && { ...d.invoice, titleType } }))
                    }
                    options={INVOICE_TITLE_TYPES.map((t) => ({ value: t, label: m.dealer.titleTypes[t] }))}
                  />
                </Field>
                {(['title', 'taxNo', 'content'] as const).map((key) => (
                  <Field
                    key={key}
                    label={
                      key === 'title'
                        ? m.dealer.invoiceTitle
                        : key === 'taxNo'
                          ? m.dealer.taxNo
                          : m.dealer.invoiceContent
                    }
                    field={`invoice.${key}`}
                    errors={errors}
                  >
                    <Input
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
              <Select
                data-testid="payment-channel"
                aria-label={m.dealer.payment}
                value={draft.paymentChannel}
                onChange={(paymentChannel: (typeof PAYMENT_CHANNELS)[number]) =>
                  edit((d) => ({ ...d, paymentChannel }))
                }
                options={PAYMENT_CHANNELS.map((c) => ({ value: c, label: m.channel[c] }))}
              />
            </Field>
            <Field label={m.dealer.remark} field="remark" errors={errors} wide>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={draft.remark}
                onChange={(e) => edit((d) => ({ ...d, remark: e.target.value }))}
              />
            </Field>
          </div>
        </Card>
      </Form>

      <DealerBreakdown quote={quote} errors={errors} onSubmit={remount(store.submit)} />
    </div>
  );
}
