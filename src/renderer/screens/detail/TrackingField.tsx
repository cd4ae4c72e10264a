import { Form, Input, Select, type InputRef } from 'antd';
import type { KeyboardEvent, Ref } from 'react';
import { CARRIERS, checkTrackingNo, guessCarriers } from '../../../shared/domain/carriers';
import { FieldError } from '../../components/FieldError';
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
  /** Tells this parcel's fields apart in tests and screenshots ("carrier-2"). */
  testSuffix?: string;
  /** What a confirm found wrong with the number (missing, a duplicate), shown beside it. */
  problem?: string;
  inputRef?: Ref<InputRef>;
  /**
   * Enter in the number field. Answer true when it was used (focus moved on), so the dialog does
   * not take it as "confirm".
   */
  onEnter?(): boolean;
}

/**
 * Carrier picker and tracking number. A scanned number that fits exactly one other carrier picks
 * that carrier, since scanning the label is faster than choosing from a list; a number that fits
 * none says, beside the field, what the carrier's numbers look like.
 */
export function TrackingField({
  value,
  onChange,
  labelPrefix = '',
  autoFocus,
  testSuffix = '1',
  problem,
  inputRef,
  onEnter,
}: Props) {
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
  const wrong = check !== null && !check.ok;
  return (
    <div className="tracking-field">
      <Form.Item label={t.carrier} className="carrier-item">
        <Select
          aria-label={`${labelPrefix}${t.carrier}`}
          data-testid={`carrier-${testSuffix}`}
          showSearch={{ optionFilterProp: 'label' }}
          value={value.carrier}
          onChange={(carrier: string) => onChange({ ...value, carrier })}
          options={CARRIERS.map((c) => ({ value: c.code, label: carrierName(c.code, locale) }))}
        />
      </Form.Item>
      <Form.Item
        label={t.trackingNo}
        className="tracking-item"
        validateStatus={wrong || problem ? 'error' : undefined}
        help={
          problem && !wrong ? (
            <FieldError>{problem}</FieldError>
          ) : wrong ? (
            <FieldError code={check.code}>
              {m.detail.reason[check.code]}
              {check.example && ` · ${fill(t.example, { example: check.example })}`}
              {guesses.length > 0 &&
                ` · ${fill(t.guess, { carriers: guesses.map((g) => carrierName(g, locale)).join('、') })}`}
            </FieldError>
          ) : undefined
        }
      >
        <Input
          className="mono"
          aria-label={`${labelPrefix}${t.trackingNo}`}
          autoFocus={autoFocus}
          ref={inputRef}
          onKeyDown={keyDown}
          autoComplete="off"
          value={value.trackingNo}
          placeholder={t.trackingHint}
          aria-invalid={wrong}
          onChange={(e) => typed(e.target.value)}
        />
      </Form.Item>
    </div>
  );
}
