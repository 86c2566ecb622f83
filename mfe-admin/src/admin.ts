import { type ApiConnection, clientFor, emit, failureOf, type Locale, LocaleController } from '@helhed/kit';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ADD_PROFESSIONAL,
  CREATE_DEPARTMENT,
  CREATE_FAMILY,
  departmentKinds,
  type Family,
  familyInput,
  fieldsOf,
  ORGANISATION,
  type Organisation,
  RETIRE_DEPARTMENT,
} from './admin.data.js';
import { reasonFor, t } from './admin.messages.js';
import { styles } from './admin.styles.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; code: string; message?: string }
  | { status: 'ready'; data: Organisation };

/** Which form last answered, and how: a sentence shown beside that form (and the field it names). */
type Outcome = { form: string; ok: true } | { form: string; ok: false; message: string; field?: string };

/**
 * @summary The administrator's page: the municipality's departments (create, retire), its staff
 * directory (add a staff member to a department) and its families (a parent and, optionally, a
 * child). Each form answers in words beside it; a refusal names what was wrong and changes nothing.
 *
 * @event helhed-saved - A change was stored. `detail: { form, id }`: the form (department,
 * professional, family) and the id of what it created or changed, e.g. a family for its plan.
 * @event helhed-error - Loading or saving failed. `detail: { code }`.
 */
export class HelhedAdmin extends LitElement implements ApiConnection {
  static override styles = styles;

  /** The GraphQL endpoint. */
  @property() api = '/graphql';
  /** An administrator's bearer token; prefer {@link tokenProvider} when tokens expire. */
  @property({ attribute: false }) token?: string;
  /** Called before each request for a fresh bearer token. */
  @property({ attribute: false }) tokenProvider?: () => Promise<string> | string;

  @state() private load: Load = { status: 'loading' };
  @state() private outcome: Outcome | null = null;
  private loadedFor = '';
  /** Counts reads, so only the latest one's answer is shown. */
  private requests = 0;

  private readonly localeController = new LocaleController(this);
  /** Refusals whose field was focused already: a later render must not pull focus back. */
  private readonly focusedRefusal = new WeakSet<Outcome>();

  private get locale(): Locale {
    return this.localeController.locale;
  }

  /**
   * Loads for the endpoint and token the element has. A page that embeds it by script tag sets
   * the token after the element is defined and connected, so a change of either loads again.
   */
  protected override willUpdate(_changed: PropertyValues<this>): void {
    const key = JSON.stringify([this.api, this.token ?? '', Boolean(this.tokenProvider)]);
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    void this.refresh();
  }

  /** Reads the organisation again. */
  async refresh(): Promise<void> {
    const request = ++this.requests;
    try {
      const data = await clientFor(this).request<Organisation>(ORGANISATION);
      if (request === this.requests) this.load = { status: 'ready', data };
    } catch (error) {
      // An answer to an earlier token (e.g. none yet) must not cover the current one.
      if (request !== this.requests) return;
      const { code, message } = failureOf(error);
      this.load = { status: 'error', code, message };
      emit(this, 'helhed-error', { code });
    }
  }

  private async save(form: string, query: string, variables: Record<string, unknown>, el?: HTMLFormElement) {
    try {
      const saved = await clientFor(this).request<Record<string, { id: string }>>(query, variables);
      this.outcome = { form, ok: true };
      el?.reset();
      emit(this, 'helhed-saved', { form, id: Object.values(saved)[0]?.id });
      await this.refresh();
    } catch (error) {
      const failure = failureOf(error);
      this.outcome = { form, ok: false, message: reasonFor(failure, this.locale), field: failure.field };
      emit(this, 'helhed-error', { code: failure.code });
    }
  }

  private submit(
    form: string,
    query: string,
    toVariables: (f: Record<string, string>) => Record<string, unknown>,
  ) {
    return (event: SubmitEvent) => {
      event.preventDefault();
      const el = event.target as HTMLFormElement;
      if (!el.reportValidity()) return;
      void this.save(form, query, toVariables(fieldsOf(el)), el);
    };
  }

  private answer(form: string) {
    const o = this.outcome;
    if (o?.form !== form) return nothing;
    return o.ok
      ? html`<p role="status">${t('saved', undefined, this.locale)}</p>`
      : html`<p role="alert" id=${`${form}-error`}>${o.message}</p>`;
  }

  protected override updated(): void {
    this.markRefusedField();
  }

  /**
   * The field a refusal names (a duplicate department `name`) is marked invalid, described by
   * the refusal and focused, so a keyboard or screen-reader user lands where the fix is.
   */
  private markRefusedField(): void {
    const root = this.renderRoot as ShadowRoot;
    for (const marked of root.querySelectorAll('[aria-invalid="true"]')) {
      marked.removeAttribute('aria-invalid');
      marked.removeAttribute('aria-describedby');
    }
    const o = this.outcome;
    if (!o || o.ok || !o.field) return;
    const field = root.querySelector<HTMLElement>(`form.${o.form} [name="${CSS.escape(o.field)}"]`);
    if (!field) return;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', `${o.form}-error`);
    if (!this.focusedRefusal.has(o)) {
      this.focusedRefusal.add(o);
      field.focus();
    }
  }

  protected override render() {
    const { locale } = this;
    if (this.load.status === 'loading') return html`<p role="status">${t('loading', undefined, locale)}</p>`;
    if (this.load.status === 'error') {
      return html`<p role="alert">${t('loadError', { reason: reasonFor(this.load, locale) }, locale)}</p>`;
    }
    const { data } = this.load;
    return html`<h2>${t('title', undefined, locale)}</h2>
      ${this.renderDepartments(data)} ${this.renderStaff(data)} ${this.renderFamilies(data.families)}`;
  }

  private renderDepartments(data: Organisation) {
    const { locale } = this;
    return html`<section aria-labelledby="departments">
      <h3 id="departments">${t('departments', undefined, locale)}</h3>
      ${
        data.departments.length === 0
          ? html`<p class="muted">${t('noDepartments', undefined, locale)}</p>`
          : html`<ul class="departments">
              ${data.departments.map(
                (d) => html`<li>
                  ${d.name} (${t(d.kind, undefined, locale)})${d.retired ? html` – <span class="muted">${t('retired', undefined, locale)}</span>` : nothing}
                  ${
                    d.retired
                      ? nothing
                      : html`<button type="button" @click=${() => this.save('department', RETIRE_DEPARTMENT, { id: d.id })}>
                          ${t('retire', { name: d.name }, locale)}
                        </button>`
                  }
                </li>`,
              )}
            </ul>`
      }
      <form class="department" @submit=${this.submit('department', CREATE_DEPARTMENT, (f) => ({ input: { name: f.name, kind: f.kind } }))}>
        <label>${t('departmentName', undefined, locale)} <input name="name" required maxlength="120" /></label>
        <label>${t('departmentKind', undefined, locale)}
          <select name="kind">${departmentKinds.map((k) => html`<option value=${k}>${t(k, undefined, locale)}</option>`)}</select>
        </label>
        <button type="submit">${t('createDepartment', undefined, locale)}</button>
      </form>
      ${this.answer('department')}
    </section>`;
  }

  private renderStaff(data: Organisation) {
    const { locale } = this;
    const open = data.departments.filter((d) => !d.retired);
    const nameOf = new Map(data.departments.map((d) => [d.id, d.name]));
    return html`<section aria-labelledby="staff">
      <h3 id="staff">${t('staff', undefined, locale)}</h3>
      ${
        data.professionals.length === 0
          ? html`<p class="muted">${t('noStaff', undefined, locale)}</p>`
          : html`<ul class="staff">
              ${data.professionals.map((p) => html`<li>${[p.displayName, p.title].filter(Boolean).join(', ')} – ${nameOf.get(p.department.id) ?? ''}</li>`)}
            </ul>`
      }
      ${
        open.length === 0
          ? nothing
          : html`<form class="professional" @submit=${this.submit('professional', ADD_PROFESSIONAL, (f) => ({ input: { departmentId: f.departmentId, displayName: f.displayName, title: f.title, email: f.email || null } }))}>
              <label>${t('department', undefined, locale)}
                <select name="departmentId">${open.map((d) => html`<option value=${d.id}>${d.name}</option>`)}</select>
              </label>
              <label>${t('personName', undefined, locale)} <input name="displayName" required maxlength="200" /></label>
              <label>${t('jobTitle', undefined, locale)} <input name="title" required maxlength="120" /></label>
              <label>${t('workEmail', undefined, locale)} <input name="email" type="email" maxlength="254" autocomplete="off" /></label>
              <button type="submit">${t('addProfessional', undefined, locale)}</button>
            </form>`
      }
      ${this.answer('professional')}
    </section>`;
  }

  private renderFamilies(families: Family[]) {
    const { locale } = this;
    const year = new Date().getFullYear();
    return html`<section aria-labelledby="families">
      <h3 id="families">${t('families', undefined, locale)}</h3>
      ${
        families.length === 0
          ? html`<p class="muted">${t('noFamilies', undefined, locale)}</p>`
          : html`<ul class="families">
              ${families.map(
                (f) => html`<li>
                  ${f.name}: ${f.members.map((m) => `${m.displayName} (${t(m.role as 'PARENT', undefined, locale)})`).join(', ')}
                  ${f.activePlanId ? html` – <span class="muted">${t('hasPlan', undefined, locale)}</span>` : nothing}
                </li>`,
              )}
            </ul>`
      }
      <form class="family" @submit=${this.submit('family', CREATE_FAMILY, (f) => ({ input: familyInput(f) }))}>
        <label>${t('familyName', undefined, locale)} <input name="name" required maxlength="200" /></label>
        <label>${t('parentName', undefined, locale)} <input name="parentName" required maxlength="200" /></label>
        <label>${t('birthYear', undefined, locale)} <input name="parentYear" type="number" required min="1900" max=${year} /></label>
        <label>${t('childName', undefined, locale)} <input name="childName" maxlength="200" /></label>
        <label>${t('birthYear', undefined, locale)} <input name="childYear" type="number" min="1900" max=${year} /></label>
        <button type="submit">${t('createFamily', undefined, locale)}</button>
      </form>
      ${this.answer('family')}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'helhed-admin': HelhedAdmin;
  }
}
