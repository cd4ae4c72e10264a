import type { ReactNode } from 'react';
import type { Availability } from '../../../shared/domain/action-availability';
import { useMessages } from '../../i18n';

export function Module({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="detail-module" data-testid={`module-${id}`} aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function Fields({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === '' || value === null ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A button that, when it may not be used, stays visible and says why. */
export function ActionButton({
  label,
  availability,
  onClick,
  keyHint,
  testId,
}: {
  label: string;
  testId?: string;
  availability: Availability;
  onClick(): void;
  keyHint?: string;
}) {
  const m = useMessages();
  const why = availability.ok ? null : m.detail.reason[availability.reason];
  return (
    <span className="action" data-available={availability.ok}>
      <button type="button" data-testid={testId} disabled={!availability.ok} title={why ?? undefined} onClick={onClick}>
        {label}
        {keyHint && <kbd>{keyHint}</kbd>}
      </button>
      {why && <span className="why">{why}</span>}
    </span>
  );
}
