// Minimal typings for the Mocha globals @web/test-runner provides in the browser (BDD interface).
// @types/mocha is not a dependency; packages add this file to their tsconfig `include`.
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: unknown, done: MochaDone) => unknown;
type MochaHook = (fn: MochaFn) => void;

interface MochaSuiteFn {
  (title: string, fn: (this: unknown) => void): void;
  only(title: string, fn: (this: unknown) => void): void;
  skip(title: string, fn: (this: unknown) => void): void;
}

interface MochaTestFn {
  (title: string, fn?: MochaFn): void;
  only(title: string, fn?: MochaFn): void;
  skip(title: string, fn?: MochaFn): void;
}

declare const describe: MochaSuiteFn;
declare const it: MochaTestFn;
declare const before: MochaHook;
declare const after: MochaHook;
declare const beforeEach: MochaHook;
declare const afterEach: MochaHook;
