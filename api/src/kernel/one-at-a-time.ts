/**
 * A queue that runs its tasks one after another, in the order they were handed in; a task that
 * fails does not stop the ones behind it. For CPU-bound reads: ten of them interleaved at their
 * awaits all finish late (and hold ten answers' rows in memory at once), one at a time the first
 * is done after one read's time.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
