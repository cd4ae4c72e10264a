/**
 * Wrong codes typed at this desk, per clerk: the local seal lookup must not become a way to guess
 * six digits offline. The service keeps its own limits per clerk and per store.
 */
export class WrongCodeLimiter {
  private readonly wrong = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 10 * 60_000,
  ) {}

  blocked(clerk: string, now: number): boolean {
    return this.recent(clerk, now).length >= this.limit;
  }

  record(clerk: string, now: number): void {
    this.wrong.set(clerk, [...this.recent(clerk, now), now]);
  }

  private recent(clerk: string, now: number): number[] {
    return (this.wrong.get(clerk) ?? []).filter((at) => now - at < this.windowMs);
  }
}
