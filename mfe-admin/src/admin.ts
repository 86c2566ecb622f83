import {
  clientFor,
  emit,
  failureOf,
  HelhedApiElement,
  LoadController,
  type Locale,
  LocaleController,
  reasonFor,
} from '@helhed/kit';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import {
  ADD_PROFESSIONAL,
  CREATE_DEPARTMENT,
  CREATE_FAMILY,
  departmentKindOf,
  departmentKinds,
  type Family,
  familyFormField,
  familyInput,
  fieldsOf,
  ORGANISATION,
  type Organisation,
  RETIRE_DEPARTMENT,
} from './admin.data.js';
import { adminErrors, t } from './admin.messages.js';
import { styles } from './admin.styles.js';

/** A form's fields, trimmed, by name. */
type Fields = Record<string, string>;
/** One form's write: a typed request answering with what it created or changed. */
type Write = () => Promise<{ id: string }>;

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
export class HelhedAdmin extends HelhedApiElement {
  static override styles = styles;

  @state() private outcome: Outcome | null = null;

  private readonly localeController = new LocaleController(this);
  /**
   * The organisation, read again when the endpoint or token changes: a page that embeds the
   * element by script tag hands it the token after connecting it. The lists stay on screen while
   * a save reads them again, so the forms keep their focus.
   */
  private readonly load = new LoadController(this, {
    args: () => [this.connection] as const,
    task: (_, signal) => clientFor(this).request(ORGANISATION, {}, { signal }),
    onError: ({ code }) => emit(this, 'helhed-error', { code }),
    keepWhileLoading: true,
  });
  /** Refusals whose field was focused already: a later render must not pull focus back. */
  private readonly focusedRefusal = new WeakSet<Outcome>();

  private get locale(): Locale {
    return this.localeController.locale;
  }

  /** Reads the organisation again. */
  refresh(): Promise<void> {
    return this.load.run();
  }

  private async save(
    form: string,
    write: Write,
    el?: HTMLFormElement,
    /** The form's input a refusal's field names, when the API's name for it differs. */
    inputOf: (field: string | undefined) => string | undefined = (field) => field,
  ) {
    try {
      const saved = await write();
      this.outcome = { form, ok: true };
      el?.reset();
      emit(this, 'helhed-saved', { form, id: saved.id });
      await this.refresh();
    } catch (error) {
      const raw = failureOf(error);
      const failure = { ...raw, field: inputOf(raw.field) };
      this.outcome = {
        form,
        ok: false,
        message: reasonFor(failure, this.locale, adminErrors),
        field: failure.field,
      };
      emit(this, 'helhed-error', { code: failure.code });
    }
  }

  private submit(
    form: string,
    write: (f: Fields) => ReturnType<Write>,
    inputOf?: (field: string | undefined) => string | undefined,
  ) {
    return (event: SubmitEvent) => {
      event.preventDefault();
      const el = event.target as HTMLFormElement;
      if (!el.reportValidity()) return;
      const fields = fieldsOf(el);
      void this.save(form, () => write(fields), el, inputOf);
    };
  }

  // Each write is typed by its operation: the variables it takes and the answer it reads.
  private readonly retireDepartment = async (id: string) =>
    (await clientFor(this).request(RETIRE_DEPARTMENT, { id })).retireDepartment;

  private readonly createDepartment = async (f: Fields) =>
    (
      await clientFor(this).request(CREATE_DEPARTMENT, {
        input: { name: f.name ?? '', kind: departmentKindOf(f.kind) },
      })
    ).createDepartment;

  private readonly addProfessional = async (f: Fields) =>
    (
      await clientFor(this).request(ADD_PROFESSIONAL, {
        input: {
          departmentId: f.departmentId ?? '',
          displayName: f.displayName ?? '',
          title: f.title ?? '',
          email: f.email || null,
        },
      })
    ).addProfessional;

  private readonly createFamily = async (f: Fields) =>
    (await clientFor(this).request(CREATE_FAMILY, { input: familyInput(f) })).createFamily;

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
    return this.load.render({
      loading: () => html`<p role="status">${t('loading', undefined, locale)}</p>`,
      error: (failure) =>
        html`<p role="alert">${t('loadError', { reason: reasonFor(failure, locale, adminErrors) }, locale)}</p>`,
      ready: (data) => html`<h2>${t('title', undefined, locale)}</h2>
        ${this.renderDepartments(data)} ${this.renderStaff(data)} ${this.renderFamilies(data.families)}`,
    });
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
                      : html`<button type="button" @click=${() => this.save('department', () => this.retireDepartment(d.id))}>
                          ${t('retire', { name: d.name }, locale)}
                        </button>`
                  }
                </li>`,
              )}
            </ul>`
      }
      <form class="department" @submit=${this.submit('department', this.createDepartment)}>
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
          : html`<form class="professional" @submit=${this.submit('professional', this.addProfessional)}>
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
      <form class="family" @submit=${this.submit('family', this.createFamily, familyFormField)}>
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
