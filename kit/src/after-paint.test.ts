import { expect } from '@open-wc/testing';
import { afterNextPaint } from './after-paint.js';

describe('afterNextPaint', () => {
  it('resolves only after the next animation frame has run', async () => {
    const order: string[] = [];
    requestAnimationFrame(() => order.push('frame'));
    await afterNextPaint(5_000);
    order.push('after paint');
    expect(order).to.deep.equal(['frame', 'after paint']);
  });

  it('resolves after the fallback when no frame comes', async () => {
    const realRaf = window.requestAnimationFrame;
    // A background tab: frames never come.
    window.requestAnimationFrame = () => 0;
    try {
      const started = performance.now();
      await afterNextPaint(30);
      expect(performance.now() - started).to.be.at.least(25);
    } finally {
      window.requestAnimationFrame = realRaf;
    }
  });
});
