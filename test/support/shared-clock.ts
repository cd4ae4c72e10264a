import { ManualClock } from '../../src/server/index';
import { readSharedClock, setSharedClock, sharedClockCell } from '../../src/main/backend/options';

/**
 * The test service's manual clock, kept in memory that the desks' backend threads read too: a
 * desk's clock is the service's (plus its offset) however the test moves it.
 */
export class SharedClock extends ManualClock {
  readonly cell: SharedArrayBuffer;

  constructor(at: number) {
    super(at);
    this.cell = sharedClockCell(at);
  }

  override now(): number {
    return readSharedClock(this.cell);
  }

  override advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a clock only moves forward, got ${ms}`);
    const at = this.now() + ms;
    setSharedClock(this.cell, at);
    return at;
  }
}
