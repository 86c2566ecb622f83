import { expect } from '@open-wc/testing';
import { defineOnce } from './define.js';

describe('defineOnce', () => {
  it('defines a tag once and keeps the first definition when called again', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    expect(defineOnce('helhed-define-test', First)).to.equal(First);
    expect(() => defineOnce('helhed-define-test', Second)).not.to.throw();
    expect(defineOnce('helhed-define-test', Second)).to.equal(First);
    expect(document.createElement('helhed-define-test')).to.be.instanceOf(First);
  });
});
