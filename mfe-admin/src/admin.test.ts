import { devToken } from '@helhed/kit/testing';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HelhedAdmin } from './admin.js';
import { defineAdminElements } from './define.js';

defineAdminElements();

const shadow = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function renderAdmin(token: string, lang = 'da') {
  const el = await fixture<HelhedAdmin>(html`<helhed-admin lang=${lang} .token=${token}></helhed-admin>`);
  await waitUntil(() => shadow(el).querySelector('h2, [role="alert"]'), 'the organisation is shown', {
    timeout: 10_000,
  });
  return el;
}

/** Fills a form's fields by name and submits it, as a person would with the submit button. */
async function fill(el: HelhedAdmin, formClass: string, values: Record<string, string>) {
  const form = shadow(el).querySelector<HTMLFormElement>(`form.${formClass}`) as HTMLFormElement;
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    field.value = value;
  }
  expect(form.checkValidity(), `the ${formClass} form is valid`).to.equal(true);
  const answered = Promise.race([oneEvent(el, 'helhed-saved'), oneEvent(el, 'helhed-error')]);
  form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  return answered;
}

describe('helhed-admin', () => {
  it('creates a department', async () => {
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }));
    expect(text(shadow(el).querySelector('h2'))).to.equal('Opsætning af kommunen');
    await fill(el, 'department', { name: 'Testafdelingen', kind: 'HEALTH' });
    await waitUntil(() =>
      text(shadow(el).querySelector('ul.departments')).includes('Testafdelingen (Sundhed)'),
    );
    expect(text(shadow(el).querySelector('form.department ~ [role="status"]'))).to.equal('Gemt.');
  });

  it('adds a staff member to a department', async () => {
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }));
    const option = shadow(el).querySelector<HTMLOptionElement>(
      'form.professional option',
    ) as HTMLOptionElement;
    await fill(el, 'professional', {
      departmentId: option.value,
      displayName: 'Test Kollega',
      title: 'Sygeplejerske',
    });
    await waitUntil(() =>
      text(shadow(el).querySelector('ul.staff')).includes(`Test Kollega, Sygeplejerske – ${text(option)}`),
    );
  });

  it('adds a staff member with a work e-mail once, and marks the e-mail field of a second', async () => {
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }), 'en');
    const option = shadow(el).querySelector<HTMLOptionElement>(
      'form.professional option',
    ) as HTMLOptionElement;
    const person = { departmentId: option.value, title: 'Nurse', email: 'mail.test@kommune.dk' };
    await fill(el, 'professional', { ...person, displayName: 'Mail Kollega' });
    await waitUntil(() => text(shadow(el).querySelector('ul.staff')).includes('Mail Kollega, Nurse'));
    await fill(el, 'professional', {
      ...person,
      displayName: 'Mail Kollega 2',
      email: 'MAIL.test@kommune.dk',
    });
    const email = shadow(el).querySelector('form.professional [name="email"]') as HTMLInputElement;
    await waitUntil(() => email.getAttribute('aria-invalid') === 'true');
    expect(text(shadow(el).querySelector('ul.staff'))).not.to.contain('Mail Kollega 2');
  });

  it('sets up a family with a parent and a child', async function () {
    // Registers two people, lists the family with its members' audit: slower than a department.
    (this as { timeout(ms: number): void }).timeout(20_000);
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }));
    await fill(el, 'family', {
      name: 'Familien Test',
      parentName: 'Mor Test',
      parentYear: '1985',
      childName: 'Barn Test',
      childYear: '2015',
    });
    await waitUntil(() =>
      text(shadow(el).querySelector('ul.families')).includes(
        'Familien Test: Barn Test (barn), Mor Test (forælder)',
      ),
    );
    await expect(el).to.be.accessible();
  });

  it("marks the family member a refusal names: a CPR number in the parent's name", async function () {
    (this as { timeout(ms: number): void }).timeout(20_000);
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }));
    const answer = await fill(el, 'family', {
      name: 'Familien Felt',
      parentName: 'Mor 010190-1234',
      parentYear: '1990',
      childName: 'Barn Felt',
      childYear: '2016',
    });
    expect(answer.type).to.equal('helhed-error');
    const alert = shadow(el).querySelector('form.family ~ [role="alert"]');
    expect(text(alert)).to.equal('Skriv forælderens navn uden CPR-nummer.');
    const parentName = shadow(el).querySelector('form.family [name="parentName"]') as HTMLInputElement;
    await waitUntil(() => parentName.getAttribute('aria-invalid') === 'true');
    expect(parentName.getAttribute('aria-describedby')).to.equal(alert?.id);
    expect(shadow(el).activeElement).to.equal(parentName);
    expect(shadow(el).querySelector('form.family [name="childName"]')?.hasAttribute('aria-invalid')).to.equal(
      false,
    );
    expect(text(shadow(el).querySelector('ul.families'))).not.to.contain('Familien Felt');
  });

  it('says why a duplicate department is refused, beside the form and on the field', async () => {
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }), 'en');
    const first = text(shadow(el).querySelector('ul.departments li')).split(' (')[0] as string;
    await fill(el, 'department', { name: first, kind: 'OTHER' });
    const alert = shadow(el).querySelector('form.department ~ [role="alert"]');
    expect(text(alert)).to.contain('already exists');
    // The refusal names the field: a screen reader hears why where the fix is, and lands there.
    const name = shadow(el).querySelector('form.department [name="name"]') as HTMLInputElement;
    await waitUntil(() => name.getAttribute('aria-invalid') === 'true');
    expect(name.getAttribute('aria-describedby')).to.equal(alert?.id);
    expect(shadow(el).activeElement).to.equal(name);
    await expect(el).to.be.accessible();
    // The next answer clears the mark.
    await fill(el, 'department', { name: 'Ny afdeling til feltprøve', kind: 'OTHER' });
    await waitUntil(() => !name.hasAttribute('aria-invalid'));
  });

  it("says a refusal in Danish from its code and field, not in the server's English", async () => {
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }));
    const first = text(shadow(el).querySelector('ul.departments li')).split(' (')[0] as string;
    await fill(el, 'department', { name: first, kind: 'OTHER' });
    expect(text(shadow(el).querySelector('form.department ~ [role="alert"]'))).to.equal(
      'Der findes allerede en afdeling med det navn.',
    );
  });

  it('names what it created when it says so', async () => {
    const el = await renderAdmin(await devToken({ role: 'ADMIN' }));
    const saved = (await fill(el, 'department', {
      name: 'Afdelingen med id',
      kind: 'EDUCATION',
    })) as CustomEvent;
    expect(saved.type).to.equal('helhed-saved');
    expect(saved.detail.form).to.equal('department');
    expect(saved.detail.id).to.be.a('string').and.not.equal('');
  });

  it('loads once a page hands it the token after it is connected, as a script-tag embedding does', async () => {
    const el = await fixture<HelhedAdmin>(html`<helhed-admin></helhed-admin>`);
    el.tokenProvider = () => devToken({ role: 'ADMIN' });
    await waitUntil(() => text(shadow(el).querySelector('h2')) === 'Opsætning af kommunen', 'loaded', {
      timeout: 10_000,
    });
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('tells a role that is not an administrator that it may not', async () => {
    const el = await renderAdmin(await devToken({ role: 'COORDINATOR' }));
    expect(text(shadow(el).querySelector('[role="alert"]'))).to.contain('Organisationen kunne ikke hentes');
  });
});
