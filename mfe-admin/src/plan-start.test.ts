import { devToken, gql } from '@helhed/kit/testing';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { defineAdminElements } from './define.js';
import type { HelhedPlanStart } from './plan-start.js';

defineAdminElements();

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A family of the demo municipality without a plan, set up as the administrator would. */
async function newFamily(name: string): Promise<string> {
  const created = await gql<{ createFamily: { id: string } }>(
    await devToken({ role: 'ADMIN' }),
    'mutation($input: CreateFamilyInput!) { createFamily(input: $input) { id } }',
    { input: { name, members: [{ displayName: `Forælder ${name}`, birthYear: 1980, role: 'PARENT' }] } },
  );
  return created.createFamily.id;
}

async function renderPlanStart(familyId: string, token: string, lang = 'da') {
  const el = await fixture<HelhedPlanStart>(
    html`<helhed-plan-start lang=${lang} family-id=${familyId} .token=${token}></helhed-plan-start>`,
  );
  await waitUntil(() => shadow(el).querySelector('form, [role="alert"], .muted'), 'the staff is shown', {
    timeout: 10_000,
  });
  return el;
}

/** Chooses the coordinator by the option's words and presses the button, as a person would. */
async function startWith(el: HelhedPlanStart, coordinator: string) {
  const select = shadow(el).querySelector('select[name="coordinatorId"]') as HTMLSelectElement;
  const option = [...select.options].find((o) => text(o).startsWith(coordinator)) as HTMLOptionElement;
  select.value = option.value;
  const answered = Promise.race([oneEvent(el, 'helhed-plan-created'), oneEvent(el, 'helhed-error')]);
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  return { event: (await answered) as CustomEvent, coordinatorId: option.value };
}

describe('helhed-plan-start', () => {
  it("opens a family's plan with the chosen coordinator, and refuses a second in words", async function () {
    (this as { timeout(ms: number): void }).timeout(20_000);
    const familyId = await newFamily('Familien Planstart');
    const token = await devToken({ role: 'COORDINATOR' });
    const staff = await gql<{ professionals: { id: string; displayName: string }[] }>(
      token,
      '{ professionals { id displayName } }',
    );
    const chosen = staff.professionals[1] as { id: string; displayName: string };

    const el = await renderPlanStart(familyId, token);
    expect(text(shadow(el).querySelector('h2'))).to.equal('Start familiens plan');
    const first = await startWith(el, chosen.displayName);
    expect(first.event.type).to.equal('helhed-plan-created');
    expect(first.event.detail).to.deep.equal({
      planId: first.event.detail.planId,
      familyId,
      coordinatorId: chosen.id,
    });
    expect(text(shadow(el).querySelector('[role="status"]'))).to.equal(
      `Planen er oprettet med ${chosen.displayName} som tovholder.`,
    );
    const plan = await gql<{ plan: { familyId: string; coordinator: { id: string } } }>(
      token,
      'query($id: ID!) { plan(id: $id) { familyId coordinator { id } } }',
      { id: first.event.detail.planId },
    );
    expect(plan.plan).to.deep.equal({ familyId, coordinator: { id: chosen.id } });

    // A colleague opens the same family later: one plan, so the second is refused and named.
    const again = await renderPlanStart(familyId, token, 'en');
    const second = await startWith(again, chosen.displayName);
    expect(second.event.type).to.equal('helhed-error');
    expect(second.event.detail).to.deep.equal({ code: 'CONFLICT', planId: first.event.detail.planId });
    expect(text(shadow(again).querySelector('[role="alert"]'))).to.equal(
      'The family already has an active plan. A family has one plan; open that one instead.',
    );
    await expect(again).to.be.accessible();
  });

  it('tells an administrator, who keeps no cases, that the plan is not theirs to create', async () => {
    const familyId = await newFamily('Familien Administrator');
    const el = await renderPlanStart(familyId, await devToken({ role: 'ADMIN' }));
    const { event } = await startWith(el, '');
    expect(event.detail.code).to.equal('FORBIDDEN');
    expect(text(shadow(el).querySelector('[role="alert"]'))).to.equal(
      'Du har ikke adgang til at oprette en plan for denne familie.',
    );
  });

  it('says when no family is chosen, and offers no form', async () => {
    const el = await fixture<HelhedPlanStart>(html`<helhed-plan-start></helhed-plan-start>`);
    expect(text(shadow(el).querySelector('.muted'))).to.equal('Der er ikke valgt en familie.');
    expect(shadow(el).querySelector('form')).to.equal(null);
  });
});
