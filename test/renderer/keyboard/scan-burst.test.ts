import { describe, expect, it } from 'vitest';
import { ScanBurst } from '../../../src/renderer/keyboard/scan-burst';

/** Plays keys at the given times; collects what reached the shortcuts and what was scanned. */
function play(keys: Array<[key: string, at: number]>, endAt: number) {
  const burst = new ScanBurst({ maxGapMs: 50, minLength: 4 });
  const reached: string[] = [];
  const scans: string[] = [];
  for (const [key, at] of keys) {
    reached.push(...burst.tick(at));
    const decision = burst.key(key, at);
    reached.push(...decision.release);
    if (decision.scanned) scans.push(decision.scanned);
    if (!decision.hold) reached.push(key);
  }
  reached.push(...burst.tick(endAt));
  return { reached, scans };
}

/** A scanner: every character 3 ms after the last, then Enter. */
const scanned = (code: string, from: number): Array<[string, number]> =>
  [...code, 'Enter'].map((key, i) => [key, from + i * 3]);

describe('telling a scanner from a person', () => {
  it('sees a scanned order number as one code ending in Enter, with none of its keys reaching the shortcuts', () => {
    expect(play(scanned('M2403140042000017', 1000), 2000)).toEqual({ reached: [], scans: ['M2403140042000017'] });
  });

  it('keeps the letters of a scanned code from the shortcuts (j, k, s)', () => {
    expect(play(scanned('jks123', 0), 500)).toEqual({ reached: [], scans: ['jks123'] });
  });

  it('hands a person’s keys on, in order, once the pause shows nobody is scanning', () => {
    const { reached, scans } = play(
      [
        ['j', 0],
        ['j', 180],
        ['k', 400],
        ['s', 650],
      ],
      1000,
    );
    expect(reached).toEqual(['j', 'j', 'k', 's']);
    expect(scans).toEqual([]);
  });

  it('lets Enter and Escape through at once after a person’s key, keeping the order they were pressed in', () => {
    expect(
      play(
        [
          ['j', 0],
          ['Enter', 20],
          ['Escape', 300],
        ],
        600,
      ).reached,
    ).toEqual(['j', 'Enter', 'Escape']);
  });

  it('treats two keys rolled over fast as a person’s, not a scan', () => {
    expect(
      play(
        [
          ['k', 0],
          ['j', 15],
          ['Enter', 30],
        ],
        400,
      ),
    ).toEqual({ reached: ['k', 'j', 'Enter'], scans: [] });
  });

  it('drops a fast run that never ends with Enter rather than firing its letters as shortcuts', () => {
    expect(
      play(
        [...'sjsjkk'].map((key, i): [string, number] => [key, i * 4]),
        500,
      ),
    ).toEqual({ reached: [], scans: [] });
  });

  it('starts over after a slow gap: a person’s key, then a scan', () => {
    const { reached, scans } = play([['j', 0], ...scanned('E24031400420000170', 300)], 1000);
    expect(reached).toEqual(['j']);
    expect(scans).toEqual(['E24031400420000170']);
  });

  it('ignores Shift between a scanner’s capitals', () => {
    const keys: Array<[string, number]> = [['Shift', 0], ['M', 2], ...scanned('2403140042000017', 4)];
    expect(play(keys, 500).scans).toEqual(['M2403140042000017']);
  });
});

describe('a key held down', () => {
  it('hands on what was held when a person’s auto-repeat interrupts', () => {
    const burst = new ScanBurst({ maxGapMs: 50, minLength: 4 });
    expect(burst.key('j', 0)).toEqual({ hold: true, release: [], scanned: null });
    expect(burst.interrupt()).toEqual(['j']);
    expect(burst.pending).toBe(false);
  });
});
