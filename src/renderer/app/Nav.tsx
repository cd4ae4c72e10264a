import { can } from '../../shared/domain/rights';
import type { Role } from '../../shared/domain/vocabulary';
import { useMessages } from '../i18n';
import type { ScreenName } from '../stores/navigation';

/** The screens a role may open, its own main screen first. */
export function screensOf(role: Role): ScreenName[] {
  const counter = can(role, 'redemption.redeem') || can(role, 'redemption.undo');
  const dealer = can(role, 'dealer.enterOrder');
  const floor = can(role, 'orders.ship');
  if (role === 'clerk') return ['counter', 'orders', 'exceptions'];
  if (role === 'dealer') return ['dealer', 'orders', 'exceptions'];
  return [
    'orders',
    ...(floor ? (['floor'] as const) : []),
    ...(counter ? (['counter'] as const) : []),
    ...(dealer ? (['dealer'] as const) : []),
    'exceptions',
  ];
}

export function Nav(props: {
  screens: ScreenName[];
  current: ScreenName;
  exceptions: number;
  onOpen(screen: ScreenName): void;
}) {
  const m = useMessages();
  return (
    <nav className="main-nav" aria-label={m.nav.label}>
      {props.screens.map((screen) => (
        <button
          key={screen}
          type="button"
          className={screen === props.current ? 'tab active' : 'tab'}
          aria-current={screen === props.current ? 'page' : undefined}
          data-testid={`nav-${screen}`}
          onClick={() => props.onOpen(screen)}
        >
          {screen === 'dealer' ? m.dealer.nav : screen === 'floor' ? m.floor.nav : m.nav[screen]}
          {screen === 'exceptions' && props.exceptions > 0 && (
            <span className="count-badge" data-testid="nav-exceptions-count">
              {props.exceptions}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
