import type { KeyboardEvent, Ref } from 'react';
import { CARRIERS, checkTrackingNo, guessCarriers } from '../../../shared/domain/carriers';
import { fill, useI18n, useMessages } from '../../i18n';
import { carrierName } from './carrier-name';

export interface Tracking {
  carrier: string;
  trackingNo: string;
}

interface Props {
  value: Tracking;
  onChange(value: Tracking): void;
  /** Prefixes the labels when a dialog has several parcels ("包裹 2 运单号"). */
  labelPrefix?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /**
   * Enter in the number field. Answer true when it was used (focus moved on), so the dialog does
   * not take it as "confirm".
   */
  onEnter?(): boolean;
}

/**
 * Carrier picker and tracking number. A scanned number that fits exactly one other carrier picks
 * that carrier, since scanning the label is faster than choosing from a list; a number that fits
 * none says what the carrier's numbers look like.
 */
export function TrackingField({ value, onChange, labelPrefix = '', autoFocus, inputRef, onEnter }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const t = m.shipping;
  const check = value.trackingNo.trim() === '' ? null : checkTrackingNo(value.carrier, value.trackingNo);
  const guesses = value.trackingNo.trim() === '' ? [] : guessCarriers(value.trackingNo);
  const typed = (trackingNo: string) => {
    const fits = checkTrackingNo(value.carrier, trackingNo).ok;
    const [only, ...others] = guessCarriers(trackingNo);
    onChange({ carrier: !fits && only && others.length === 0 ? only : value.carrier, trackingNo });
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && onEnter?.()) event.preventDefault();
  };
  return (
    <div className="tracking-field">
      <label className="field">
        <span>{`${labelPrefix}${t.carrier}`}</span>
        <select value={value.carrier} onChange={(e) => onChange({ ...value, carrier: e.target.value })}>
          {CARRIERS.map((c) => (
            <option key={c.code} value={c.code}>
              {carrierName(c.code, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{`${labelPrefix}${t.trackingNo}`}</span>
        <input
          className="mono"
          autoFocus={autoFocus}
          ref={inputRef}
          onKeyDown={keyDown}
          value={value.trackingNo}
          placeholder={t.trackingHint}
          aria-invalid={check !== null && !check.ok}
          onChange={(e) => typed(e.target.value)}
        />
      </label>
      {check && !check.ok && (
        <p className="field-error" data-code={check.code}>
          {m.detail.reason[check.code]}
          {check.example && ` · ${fill(t.example, { example: check.example })}`}
        </p>
      )}
      {check?.ok === false && guesses.length > 0 && (
        <p className="hint">{fill(t.guess, { carriers: guesses.map((g) => carrierName(g, locale)).join('、') })}</p>
      )}
    </div>
  );
}
