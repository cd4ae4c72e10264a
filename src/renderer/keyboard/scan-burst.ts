/**
 * Tells a barcode scanner from a person at the keyboard. A scanner "types" a whole code within a
 * few milliseconds per character and ends it with Enter; a person leaves 100 ms or more between
 * keys (rollover of two keys aside). Printable keys outside a text field are held back until it is
 * clear which of the two typed them: a person's keys are handed on a gap later (too short to
 * notice) and work as shortcuts; a scanner's never reach the shortcuts, so the letters of a
 * scanned code cannot move the list or open the ship dialog.
 */
export interface BurstOptions {
  /** Longest pause between two keys of one scan. */
  maxGapMs: number;
  /** Fewer keys than this are a person's, however fast. */
  minLength: number;
}

// 80 ms: a loaded machine may stretch a scanner's gaps well past its few ms; no person types four keys that fast.
export const DEFAULT_BURST: BurstOptions = { maxGapMs: 80, minLength: 4 };

export interface BurstDecision {
  /** This key belongs to a (possible) scan: keep it from everyone else. */
  hold: boolean;
  /** Keys held earlier that turned out to be a person's, to be handed on in order before this one. */
  release: string[];
  /** A complete scan, ended by this Enter. */
  scanned: string | null;
}

/** Keys that never start, extend or end a burst (a scanner may send Shift around capitals). */
const NEUTRAL = new Set(['Shift', 'CapsLock']);

export class ScanBurst {
  private held: string[] = [];
  private lastAt = 0;

  constructor(private readonly options: BurstOptions = DEFAULT_BURST) {}

  /** A key pressed at `at` (ms) outside a text field, without Ctrl, Alt or Meta. */
  key(key: string, at: number): BurstDecision {
    if (NEUTRAL.has(key)) return { hold: false, release: [], scanned: null };
    const release = this.expire(at);
    if (key === 'Enter') {
      if (this.held.length >= this.options.minLength) {
        const scanned = this.held.join('');
        this.held = [];
        return { hold: true, release, scanned };
      }
      return { hold: false, release: [...release, ...this.flush()], scanned: null };
    }
    if (key.length === 1) {
      this.held.push(key);
      this.lastAt = at;
      return { hold: true, release, scanned: null };
    }
    // Esc, arrows, Tab…: a person's; whatever was held goes first.
    return { hold: false, release: [...release, ...this.flush()], scanned: null };
  }

  /** Called when no key came for a while: the keys a person typed, now safe to hand on. */
  tick(at: number): string[] {
    return this.expire(at);
  }

  /** A key a scanner never sends (an auto-repeated one): a person is typing, so hand on what was held. */
  interrupt(): string[] {
    return this.flush();
  }

  /** True while keys are held, waiting for the next key or for `tick` to decide. */
  get pending(): boolean {
    return this.held.length > 0;
  }

  private expire(at: number): string[] {
    if (this.held.length === 0 || at - this.lastAt <= this.options.maxGapMs) return [];
    // A long fast run that never ended with Enter is a scan of something else: dropped, not replayed.
    return this.held.length >= this.options.minLength ? this.drop() : this.flush();
  }

  private flush(): string[] {
    const keys = this.held;
    this.held = [];
    return keys;
  }

  private drop(): string[] {
    this.held = [];
    return [];
  }
}
