import { HelhedApiError } from '@helhed/kit';

/** The signed-in demo identity, kept for this browser tab only. */
export interface ShellSession {
  token: string;
  role: string;
  label: string;
  /** The department of a signed-in professional: where their session feedback is recorded. */
  departmentId?: string;
  /** The citizen a parent or citizen signed in as. */
  citizenId?: string;
}

const KEY = 'helhed.session';
export const SESSION_CHANGE_EVENT = 'helhed-session-change';

export function currentSession(): ShellSession | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ShellSession;
  } catch {
    return null;
  }
}

function setSession(session: ShellSession | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  window.dispatchEvent(new CustomEvent(SESSION_CHANGE_EVENT));
}

export interface DevIdentity {
  role: string;
  label: string;
  departmentId?: string;
  citizenId?: string;
}

/**
 * Codes of the dev identity provider's refusals, worded by the login page: `SIGN_IN_OFF` when the
 * server runs without the demo (its identity list answers 404), `SIGN_IN_REFUSED` for any other
 * refusal (a token for a department or citizen that is gone is a 404 too), `NETWORK` when the
 * server could not be reached.
 */
export type SignInCode = 'SIGN_IN_OFF' | 'SIGN_IN_REFUSED' | 'NETWORK';

async function devProvider(
  path: string,
  init?: RequestInit,
  missing: SignInCode = 'SIGN_IN_REFUSED',
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new HelhedApiError('NETWORK', 'The server could not be reached', { cause });
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (response.ok) return body;
  const code: SignInCode = response.status === 404 ? missing : 'SIGN_IN_REFUSED';
  throw new HelhedApiError(code, body.error ?? `HTTP ${response.status}`, { status: response.status });
}

/** The demo's fictional people, one per role (and per department or family member). */
export async function devIdentities(): Promise<DevIdentity[]> {
  return (await devProvider('/auth/dev-identities', undefined, 'SIGN_IN_OFF')) as DevIdentity[];
}

/** Signs in through the API's dev identity provider (the demo has no passwords). */
export async function signIn(identity: DevIdentity): Promise<void> {
  const { token } = (await devProvider('/auth/dev-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      role: identity.role,
      departmentId: identity.departmentId,
      citizenId: identity.citizenId,
    }),
  })) as { token: string };
  setSession({
    token,
    role: identity.role,
    label: identity.label,
    departmentId: identity.departmentId,
    citizenId: identity.citizenId,
  });
}

export function signOut(): void {
  setSession(null);
}

/** Handed to every widget: the current token, read at each request. */
export const tokenProvider = (): string => currentSession()?.token ?? '';
