/**
 * Resolves in a task after the browser has drawn the next frame: for work that need not be in the
 * first picture (a hidden table, say), so its style and layout fall in a frame of their own
 * instead of lengthening the first one. A page in a background tab draws no frames, so the wait
 * ends after `fallbackMs` at the latest.
 */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(finish, fallbackMs);
    // rAF runs just before the frame's style and layout; the timer it sets runs after them.
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
