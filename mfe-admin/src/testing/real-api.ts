/** Test helpers that talk to the real API the test runner serves on its own origin. */

export async function devToken(role: string, departmentId?: string): Promise<string> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    body: JSON.stringify({ role, departmentId }),
  });
  return ((await response.json()) as { token: string }).token;
}
