import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RedemptionOutcome, RedemptionPreview } from '../../../shared/contract/api';
import type { ApiError } from '../../../shared/contract/result';
import { normalizeCodeInput } from '../../../shared/domain/redemption-code';
import { can } from '../../../shared/domain/rights';
import { api } from '../../api/client';
import { fill, useI18n, useMessages } from '../../i18n';
import { dateTime, money } from '../../lib/format';
import { useSession } from '../../stores/session';
import { useShift } from '../../stores/shift';
import { ShiftList } from './ShiftList';

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
  const codeField = useRef<HTMLInputElement>(null);

  useEffect(() => codeField.current?.focus(), [step.kind]);

  const refuse = async (error: ApiError, code: string) => {
    const used = error.reason === 'CODE_USED_UP' ? await api['redemption.lastUse']({ code, storeId }) : null;
    setStep({ kind: 'refused', error, used: used?.ok ? used.value : null });
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
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

  return (
    <section className="counter-screen">
      {mayRedeem && (
        <>
          <h2>{m.counter.title}</h2>
          <form className="counter-form" onSubmit={(e) => void verify(e)}>
            <label className="counter-store">
              {m.counter.store}
              {stores.length > 0 ? (
                <select aria-label={m.counter.store} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
                  {stores.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              ) : (
                // Users who see every store type the store they stand in.
                <input
                  aria-label={m.counter.store}
                  className="store-field"
                  value={storeId}
                  onChange={(e) => setStoreId(e.target.value.trim())}
                />
              )}
            </label>
            <input
              ref={codeField}
              className="code-field"
              data-testid="code"
              aria-label={m.counter.code}
              placeholder={m.counter.codePlaceholder}
              inputMode="numeric"
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(normalizeCodeInput(e.target.value))}
              disabled={step.kind === 'preview'}
            />
            <button type="submit" disabled={busy || step.kind === 'preview'}>
              {busy && step.kind !== 'preview' ? m.counter.verifying : m.counter.verify}
            </button>
          </form>
          {step.kind === 'preview' && (
            <PreviewCard preview={step.preview} busy={busy} onConfirm={() => void confirm()} onCancel={reset} />
          )}
          {step.kind === 'outcome' && <OutcomeCard outcome={step.outcome} onNext={reset} />}
          {step.kind === 'refused' && (
            <div className="counter-result refused" role="alert" data-testid="counter-refused">
              <strong>{m.counter.refused}</strong>
              <p>{m.refusal[step.error.reason ?? step.error.code] ?? m.error[step.error.code]}</p>
              {step.used && <UsedBy used={step.used} />}
            </div>
          )}
        </>
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
    <div className="counter-preview" data-testid="counter-preview">
      <h3>{m.counter.preview}</h3>
      <dl>
        <dt>{m.counter.items}</dt>
        <dd>
          {p.items.map((item, i) => (
            <div key={i}>
              {item.name} {item.spec} ×{item.quantity}
            </div>
          ))}
        </dd>
        <dt>{m.counter.buyer}</dt>
        <dd>
          {p.buyerName} {p.buyerPhone}
        </dd>
        <dt>{m.counter.payable}</dt>
        <dd>{money(p.payable)}</dd>
        <dt>{m.counter.validity}</dt>
        <dd>{fill(m.counter.validRange, { from: dateTime(p.validFrom, locale), to: dateTime(p.validTo, locale) })}</dd>
        <dt>{m.counter.usesLeft}</dt>
        <dd>{fill(m.counter.usesOf, { left: p.usesLeft, total: p.usesTotal })}</dd>
        <dt>{m.counter.merchant}</dt>
        <dd>{p.merchantName}</dd>
        <dt>{m.counter.orderNo}</dt>
        <dd>{p.orderNo}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="primary" disabled={props.busy} onClick={props.onConfirm}>
          {props.busy ? m.counter.confirming : m.counter.confirm}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {m.counter.cancel}
        </button>
      </div>
    </div>
  );
}

function OutcomeCard(props: { outcome: RedemptionOutcome; onNext(): void }) {
  const m = useMessages();
  const { outcome, conflict, reason } = props.outcome;
  // A provisional redemption settles when the desk syncs: the shift list knows how.
  const settled = useShift((s) => s.shift?.rows.find((r) => r.redemptionId === props.outcome.redemptionId)?.state);
  // Once sync settles an offline redemption, the headline says how; "pending" would no longer be true.
  const headline = outcome === 'provisional' && (settled === 'confirmed' || settled === 'rejected') ? settled : outcome;
  return (
    <div
      className={`counter-result ${headline}`}
      role="status"
      data-testid="counter-outcome"
      data-outcome={outcome}
      data-settled={settled}
    >
      <strong>{m.counter[headline]}</strong>
      {outcome === 'provisional' && settled === 'provisional' && <p>{m.counter.provisionalHint}</p>}
      {outcome === 'provisional' && settled === 'confirmed' && (
        <p data-testid="settled">{m.counter.settledConfirmed}</p>
      )}
      {outcome === 'provisional' && settled === 'rejected' && (
        <p className="warn" data-testid="settled">
          {m.counter.settledRejected}
        </p>
      )}
      {outcome === 'rejected' && reason && <p>{m.refusal[reason] ?? reason}</p>}
      {conflict && <UsedBy used={conflict} />}
      <p className="order-no">{props.outcome.orderNo}</p>
      <button type="button" onClick={props.onNext}>
        {m.counter.next}
      </button>
    </div>
  );
}

export function UsedBy({ used }: { used: NonNullable<Used> }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  return (
    <p className="used-by" data-testid="used-by">
      {fill(m.counter.usedBy, {
        // The service names an actor as role:username; a person reads the name.
        who: used.redeemedBy.replace(/^[a-z]+:/, ''),
        where: used.storeId,
        when: dateTime(used.redeemedAt, locale),
      })}
    </p>
  );
}
