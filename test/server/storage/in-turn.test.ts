import { describe, expect, it } from 'vitest';
import { inTurn } from '../../../src/server/storage/in-turn';

describe('asking the store in turn inside a unit', () => {
  it('runs one piece of work at a time, in the items’ order, and answers in that order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const answers = await inTurn([30, 10, 20], async (ms, index) => {
      started.push(index);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(answers).toEqual([60, 20, 40]);
    expect(started).toEqual([0, 1, 2]);
    expect(most).toBe(1);
  });

  it('stops at the first failure, leaving the rest unasked', async () => {
    const asked: string[] = [];
    const failing = inTurn(['a', 'b', 'c'], async (item) => {
      asked.push(item);
      if (item === 'b') throw new Error('refused');
      return item;
    });
    await expect(failing).rejects.toThrow('refused');
    expect(asked).toEqual(['a', 'b']);
  });
});
