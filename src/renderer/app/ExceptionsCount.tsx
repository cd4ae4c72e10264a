import { Badge } from 'antd';
import { useSession } from '../stores/session';

/** How many rejected intents wait in the exceptions inbox, beside its menu entry. */
export function ExceptionsCount() {
  const count = useSession((s) => s.sync?.exceptions ?? 0);
  if (count === 0) return null;
  return <Badge count={count} overflowCount={999} size="small" data-testid="nav-exceptions-count" />;
}
