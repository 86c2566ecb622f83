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

/** Signs in through the API's dev identity provider (the demo has no passwords). */
export async function signIn(identity: DevIdentity): Promise<void> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      role: identity.role,
      departmentId: identity.departmentId,
      citizenId: identity.citizenId,
    }),
  });
  if (!response.ok)
    throw new Error(((await response.json()) as { error?: string }).error ?? `HTTP ${response.status}`);
  const { token } = (await response.json()) as { token: string };
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
