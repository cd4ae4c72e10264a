import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Space, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { RedemptionOutcome, RedemptionPreview } from '../../../shared/contract/api';
import type { ApiError } from '../../../shared/contract/result';
import { normalizeCodeInput } from '../../../shared/domain/redemption-code';
import { can } from '../../../shared/domain/rights';
import { api } from '../../api/client';
import { fill, useI18n, useMessages } from '../../i18n';
import { Amount } from '../../components/Amount';
import { dateTime } from '../../lib/format';
import { useSession } from '../../stores/session';
import { useShift } from '../../stores/shift';
import { ShiftList } from './ShiftList';
import './counter.css';

type Used = { redeemedBy: string; storeId: string; redeemedAt: number } | null;

type Step =
  | { kind: 'entry' }
  | { kind: 'preview'; code: string; storeId: string; preview: RedemptionPreview }
  | { kind: 'outcome'; outcome: RedemptionOutcome }
  | { kind: 'refused'; error: ApiError; used: Used };

/** The store counter: type or scan a code, see what it buys, confirm, and see the outcome. */
export function CounterScreen() {
  const m = useMessages();
  const session = useSession((s) => s.session)!;
  const mayRedeem = can(session.role, 'redemption.redeem');
  const stores = session.scope.storeIds;
  const [storeId, setStoreId] = useState(stores[0] ?? '');
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'entry' });
  const [shiftVersion, setShiftVersion] = useState(0);
  const codeField = useRef<InputRef>(null);

  useEffect(() => codeField.current?.focus(), [step.kind]);

  const refuse = async (error: ApiError, code: string) => {
    const used = error.reason === 'CODE_USED_UP' ? await api['redemption.lastUse']({ code, storeId }) : null;
    setStep({ kind: 'refused', error, used: used?.ok ? used.value : null });
  };

  const verify = async () => {
    const code = normalizeCodeInput(draft);
    if (!code || busy) return;
    setBusy(true);
    const result = await api['redemption.verify']({ code, storeId });
    if (!result.ok) await refuse(result.error, code);
    else setStep({ kind: 'preview', code, storeId, preview: result.value });
    setBusy(false);
  };

  const confirm = async () => {
    if (step.kind !== 'preview' || busy) return;
    setBusy(true);
    const result = await api['redemption.redeem']({ code: step.code, storeId: step.storeId });
    if (!result.ok) await refuse(result.error, step.code);
    else setStep({ kind: 'outcome', outcome: result.value });
    setBusy(false);
    setDraft('');
    setShiftVersion((v) => v + 1);
  };

  const reset = () => {
    setStep({ kind: 'entry' });
    setDraft('');
  };

  const idle = step.kind !== 'preview';
  return (
    <section className="counter-screen">
      {mayRedeem && (
        <Card className="counter-card" title={<h2 className="screen-title">{m.counter.title}</h2>}>
          <Form layout="vertical" className="counter-form" onFinish={() => void verify()}>
            <Form.Item label={m.counter.store} className="counter-store" htmlFor="counter-store">
              {stores.length > 0 ? (
                <Select
                  id="counter-store"
                  size="large"
                  aria-label={m.counter.store}
                  data-testid="store"
                  value={storeId}
                  onChange={setStoreId}
                  options={stores.map((s) => ({ value: s, label: s }))}
                />
              ) : (
                // Users who see every store type the store they stand in.
                <Input
                  id="counter-store"
                  size="large"
                  aria-label={m.counter.store}
                  data-testid="store"
                  className="store-field"
                  value={storeId}
                  onChange={(e) => setStoreId(e.target.value.trim())}
                />
              )}
            </Form.Item>
            <Form.Item label={m.counter.code} className="counter-code" htmlFor="counter-code">
              <Space.Compact block size="large">
                <Input
                  id="counter-code"
                  ref={codeField}
                  className="code-field"
                  data-testid="code"
                  aria-label={m.counter.code}
                  placeholder={m.counter.codePlaceholder}
                  inputMode="numeric"
                  autoComplete="off"
                  value={draft}
                  onChange={(e) => setDraft(normalizeCodeInput(e.target.value))}
                  disabled={!idle}
                />
                <Button type="primary" htmlType="submit" className="verify" loading={busy && idle} disabled={!idle}>
                  {busy && idle ? m.counter.verifying : m.counter.verify}
                </Button>
              </Space.Compact>
            </Form.Item>
          </Form>
          {step.kind === 'preview' && (
            <PreviewCard preview={step.preview} busy={busy} onConfirm={() => void confirm()} onCancel={reset} />
          )}
          {step.kind === 'outcome' && <OutcomeCard outcome={step.outcome} onNext={reset} />}
          {step.kind === 'refused' && (
            <Alert
              className="counter-result refused"
              type="error"
              showIcon
              role="alert"
              data-testid="counter-refused"
              title={<strong>{m.counter.refused}</strong>}
              description={
                <>
                  <div>{m.refusal[step.error.reason ?? step.error.code] ?? m.error[step.error.code]}</div>
                  {step.used && <UsedBy used={step.used} />}
                </>
              }
            />
          )}
        </Card>
      )}
      <ShiftList version={shiftVersion} />
    </section>
  );
}

function PreviewCard(props: { preview: RedemptionPreview; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const p = props.preview;
  return (
    <Card type="inner" className="counter-preview" data-testid="counter-preview" title={m.counter.preview}>
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'items',
            label: m.counter.items,
            span: 2,
            children: (
              <div>
                {p.items.map((item, i) => (
                  <div key={i}>
                    {item.name} {item.spec} ×{item.quantity}
                  </div>
                ))}
              </div>
            ),
          },
          { key: 'buyer', label: m.counter.buyer, children: `${p.buyerName} ${p.buyerPhone}` },
          { key: 'payable', label: m.counter.payable, children: <Amount fen={p.payable} strong /> },
          {
            key: 'validity',
            label: m.counter.validity,
            span: 2,
            children: fill(m.counter.validRange, {
              from: dateTime(p.validFrom, locale),
              to: dateTime(p.validTo, locale),
            }),
          },
          {
            key: 'uses',
            label: m.counter.usesLeft,
            children: fill(m.counter.usesOf, { left: p.usesLeft, total: p.usesTotal }),
          },
          { key: 'merchant', label: m.counter.merchant, children: p.merchantName },
          { key: 'orderNo', label: m.counter.orderNo, span: 2, children: <span className="mono">{p.orderNo}</span> },
        ]}
      />
      <Space className="actions">
        <Button type="primary" size="large" loading={props.busy} onClick={props.onConfirm}>
          {props.busy ? m.counter.confirming : m.counter.confirm}
        </Button>
        <Button size="large" disabled={props.busy} onClick={props.onCancel}>
          {m.counter.cancel}
        </Button>
      </Space>
    </Card>
  );
}

function OutcomeCard(props: { outcome: RedemptionOutcome; onNext(): void }) {
  const m = useMessages();
  const { outcome, conflict, reason } = props.outcome;
  // A provisional redemption settles when the desk syncs: the shift list knows how.
  const settled = useShift((s) => s.shift?.rows.find((r) => r.redemptionId === props.outcome.redemptionId)?.state);
  // Once sync settles an offline redemption, the headline says how; "pending" would no longer be true.
  const headline = outcome === 'provisional' && (settled === 'confirmed' || settled === 'rejected') ? settled : outcome;
  const status = headline === 'confirmed' ? 'success' : headline === 'provisional' ? 'warning' : 'error';
  return (
    <Result
      className={`counter-result ${headline}`}
      role="status"
      data-testid="counter-outcome"
      data-outcome={outcome}
      data-settled={settled}
      status={status}
      title={<strong>{m.counter[headline]}</strong>}
      subTitle={<span className="mono order-no">{props.outcome.orderNo}</span>}
      extra={
        <Button type="primary" onClick={props.onNext}>
          {m.counter.next}
        </Button>
      }
    >
      {outcome === 'provisional' && settled === 'provisional' && (
        <Typography.Paragraph>{m.counter.provisionalHint}</Typography.Paragraph>
      )}
      {outcome === 'provisional' && settled === 'confirmed' && (
        <Typography.Paragraph data-testid="settled">{m.counter.settledConfirmed}</Typography.Paragraph>
      )}
      {outcome === 'provisional' && settled === 'rejected' && (
        <Typography.Paragraph type="danger" data-testid="settled">
          {m.counter.settledRejected}
        </Typography.Paragraph>
      )}
      {outcome === 'rejected' && reason && <Typography.Paragraph>{m.refusal[reason] ?? reason}</Typography.Paragraph>}
      {conflict && <UsedBy used={conflict} />}
    </Result>
  );
}

export function UsedBy({ used }: { used: NonNullable<Used> }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  return (
    <Typography.Paragraph className="used-by" data-testid="used-by">
      {fill(m.counter.usedBy, {
        // The service names an actor as role:username; a person reads the name.
        who: used.redeemedBy.replace(/^[a-z]+:/, ''),
        where: used.storeId,
        when: dateTime(used.redeemedAt, locale),
      })}
    </Typography.Paragraph>
  );
}
