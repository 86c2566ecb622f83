import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOf } from '../db/client.js';
import { startTestApi, type TestApi } from '../testing/harness.js';
import type { Actor } from './actor.js';
import { authorizeCitizenRead } from './policy.js';
import { createRequestState } from './request-state.js';

let api: TestApi;
let citizenId: string;
let municipalityId: string;
beforeAll(async () => {
  api = await startTestApi();
  const row = sqliteOf(api.app.db).prepare('select id, municipality_id as m from citizen limit 1').get() as {
    id: string;
    m: string;
  };
  citizenId = row.id;
  municipalityId = row.m;
});
afterAll(() => api.close());

const coordinator = (request?: Actor['request']): Actor => ({
  subject: 'test:request-state',
  role: 'COORDINATOR',
  municipalityId,
  departmentId: null,
  departmentIds: [],
  citizenId: null,
  purpose: 'case-work',
  request,
});

const auditsOf = async (actor: Actor, reads: number) => {
  const before = api.count('audit_event');
  for (let i = 0; i < reads; i++) await authorizeCitizenRead(api.app.db, actor, citizenId, 'test');
  return api.count('audit_event') - before;
};

describe("a request's state", () => {
  it('lets the gate check and audit a citizen once per request', async () => {
    const state = createRequestState();
    expect(await auditsOf(coordinator(state), 3)).toBe(1);
    expect(state.grants.get(citizenId)?.scope).toEqual({ kind: 'ALL' });
  });

  it('is not shared: another request checks and audits again', async () => {
    expect(await auditsOf(coordinator(createRequestState()), 1)).toBe(1);
    expect(await auditsOf(coordinator(createRequestState()), 1)).toBe(1);
  });

  it('is asked for nothing when absent: every read is checked and audited', async () => {
    expect(await auditsOf(coordinator(), 2)).toBe(2);
  });
});
