import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('oneAtATime', () => {
  it('runs tasks in arrival order, the next only after the previous has settled', async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, steps: number) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`${name} start`);
      for (let i = 0; i < steps; i++) await tick();
      log.push(`${name} end`);
      running--;
      return name;
    };
    const answers = await Promise.all([inTurn(task('a', 3)), inTurn(task('b', 1)), inTurn(task('c', 2))]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('answers a failure to its own caller and goes on with the next task', async () => {
    const inTurn = oneAtATime();
    const failing = inTurn(async () => {
      await tick();
      throw new Error('refused');
    });
    const next = inTurn(async () => 'served');
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('served');
  });
});
