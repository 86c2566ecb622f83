import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { type RunningServer, removeDir, startServer } from './server.js';

/** The built server and Chromium a test file shares; set once its `beforeAll` has run. */
export interface BrowserSession {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts the built API on a fresh database and one Chromium before the file's tests, and stops
 * both (and removes the data) after them. A file's own `beforeAll` registered later runs after
 * this one, so it can use the server.
 */
export function useBrowserSession(env: Record<string, string> = {}): BrowserSession {
  const session = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    session.server = await startServer(env);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
    if (session.server) removeDir(session.server.dataDir);
  });
  return session;
}
