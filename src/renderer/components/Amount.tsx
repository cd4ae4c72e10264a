import { money } from '../lib/format';

/**
 * An amount in fen as yuan, right-aligned in tabular figures so columns of amounts line up digit
 * by digit. `negative` shows a discount (−¥20.00).
 */
export function Amount({
  fen,
  negative = false,
  strong = false,
  testId,
}: {
  fen: number;
  negative?: boolean;
  strong?: boolean;
  testId?: string;
}) {
  const className = strong ? 'amount amount-strong' : 'amount';
  return (
    <span className={className} data-testid={testId}>
      {negative ? `−${money(fen)}` : money(fen)}
    </span>
  );
}
