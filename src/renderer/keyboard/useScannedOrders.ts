import { useEffect } from 'react';
import { parseOrderNumber } from '../../shared/domain/order-number';
import { useNavigation } from '../stores/navigation';
import { DEFAULT_BURST, ScanBurst } from './scan-burst';
import { isTypingTarget } from './shortcuts';

/** Keys this hook hands on itself: they must pass it untouched on their second trip. */
const replayed = new WeakSet<Event>();

function replay(keys: string[], target: EventTarget): void {
  for (const key of keys) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    replayed.add(event);
    target.dispatchEvent(event);
  }
}

/**
 * A scanned order number opens that order wherever the user is, with no field focused: the
 * warehouse scans the slip on a parcel and lands on its detail. Listens in the capture phase, ahead
 * of every shortcut, so a scanner's keys are taken before a shortcut can see them. A scan into a
 * text field is left to the field (the ship dialog's tracking number, the search box).
 */
export function useScannedOrders(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const burst = new ScanBurst(DEFAULT_BURST);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastTarget: EventTarget = document.body;

    const onKey = (event: KeyboardEvent) => {
      if (replayed.has(event) || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      if (event.repeat) {
        clearTimeout(timer);
        return replay(burst.interrupt(), lastTarget);
      }
      const decision = burst.key(event.key, performance.now());
      replay(decision.release, lastTarget);
      lastTarget = event.target ?? document.body;
      if (decision.hold) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      if (decision.scanned) {
        const code = decision.scanned.trim().toUpperCase();
        if (parseOrderNumber(code)) useNavigation.getState().openOrder(code);
      }
      clearTimeout(timer);
      if (burst.pending) {
        timer = setTimeout(() => replay(burst.tick(performance.now()), lastTarget), DEFAULT_BURST.maxGapMs + 10);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [enabled]);
}
