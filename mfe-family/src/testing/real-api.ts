/** The family page's test setups, on kit's helpers for the real API. */
import { departmentId, devToken, gql, parentId } from '@helhed/kit/testing';

export { departmentId, devToken, gql, parentId, setNetwork } from '@helhed/kit/testing';

export const parentToken = async (firstName: string) =>
  devToken({ role: 'PARENT', citizenId: await parentId(firstName) });

export const professionalToken = async (kind: string) =>
  devToken({ role: 'PROFESSIONAL', departmentId: await departmentId(kind) });

/** A citizen of Anna's family by display name, as the parent sees them. */
export async function familyMember(parentFirstName: string, displayName: string): Promise<string> {
  const { citizens } = await gql<{ citizens: { id: string; displayName: string }[] }>(
    await parentToken(parentFirstName),
    '{ citizens { id displayName } }',
  );
  const found = citizens.find((c) => c.displayName === displayName);
  if (!found) throw new Error(`no ${displayName}`);
  return found.id;
}

/** The Sørensen family's plan, as Anna sees it. */
export async function sorensenPlan(): Promise<string> {
  const { citizen } = await gql<{ citizen: { plans: { id: string }[] } }>(
    await parentToken('Anna'),
    'query($id: ID!) { citizen(id: $id) { plans { id } } }',
    { id: await parentId('Anna') },
  );
  const id = citizen.plans[0]?.id;
  if (!id) throw new Error('no Sørensen plan');
  return id;
}

/** An invitation handed over in person: its link's token (the fragment of `<url>/svar#t=…`). */
export async function invite(input: Record<string, unknown>): Promise<string> {
  const { inviteToAnswer } = await gql<{ inviteToAnswer: { link: string } }>(
    await professionalToken('CHILDREN_FAMILY'),
    'mutation($input: InviteToAnswerInput!) { inviteToAnswer(input: $input) { link } }',
    { input },
  );
  return new URLSearchParams(new URL(inviteToAnswer.link).hash.slice(1)).get('t') ?? '';
}
