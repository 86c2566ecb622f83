import { type ApiConnection, clientFor, failureOf } from '@helhed/kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Consent, GRANT, REVOKE } from './family.data.js';
import { defaultCatalog, type MessageKey, type MessageParams, translate } from './i18n/languages.js';

/** What the consent form needs from its page. */
export interface ConsentHost extends ReactiveControllerHost, ApiConnection {
  /** The citizen the consents are about. */
  readonly citizenId: string;
  /** Translates into the page's language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A plain sentence for a failure's code. */
  failureText(code: string): string;
  /** Reads the person's data again after a change. */
  reload(): Promise<void>;
}

/**
 * The "my consents" form: the chosen pair of departments, a refusal next to the field it is
 * about, and granting or revoking through the API (whose access policy decides).
 */
export class ConsentForm implements ReactiveController {
  from = '';
  to = '';
  fieldError: { field: string; text: string } | null = null;
  note = '';
  busy = false;

  constructor(private readonly host: ConsentHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the form when another person is chosen. */
  reset(): void {
    this.from = '';
    this.to = '';
    this.fieldError = null;
    this.note = '';
  }

  pickFrom = (id: string) =>
    this.pick(() => {
      this.from = id;
    });

  pickTo = (id: string) =>
    this.pick(() => {
      this.to = id;
    });

  private pick(set: () => void): void {
    set();
    this.fieldError = null;
    this.host.requestUpdate();
  }

  async grant(): Promise<void> {
    const t = (key: MessageKey) => this.host.t(key);
    this.note = '';
    if (!this.from) return this.refuse('fromDepartmentId', t('chooseBoth'));
    if (!this.to) return this.refuse('toDepartmentId', t('chooseBoth'));
    if (this.from === this.to) return this.refuse('toDepartmentId', t('sameDepartment'));
    const input = {
      citizenId: this.host.citizenId,
      fromDepartmentId: this.from,
      toDepartmentId: this.to,
      // Stored for the departments to read; the family's page words it in their language.
      purpose: translate(defaultCatalog, 'consentPurpose'),
    };
    if (await this.change(() => clientFor(this.host).request(GRANT, { input }), 'granted')) {
      this.from = '';
      this.to = '';
    }
  }

  revoke = (consent: Consent) =>
    this.change(() => clientFor(this.host).request(REVOKE, { id: consent.id }), 'revoked');

  /**
   * The API's refusals of a consent, in the page's language: the same two departments, or a
   * department it does not know (retired meanwhile: choose again). Anything else keeps the API's
   * words behind the translated "Error:".
   */
  private refusalText(field: string, message: string | undefined): string {
    if (field === 'toDepartmentId') return this.host.t('sameDepartment');
    if (field === 'fromDepartmentId') return this.host.t('chooseBoth');
    return this.host.t('fieldError', { message: message ?? '' });
  }

  private refuse(field: string, text: string): void {
    this.fieldError = { field, text };
    this.host.requestUpdate();
  }

  /** Runs one typed write (grant or revoke); `done` words it when the API took it. */
  private async change(write: () => Promise<unknown>, done: MessageKey): Promise<boolean> {
    this.busy = true;
    this.fieldError = null;
    this.host.requestUpdate();
    try {
      await write();
      this.note = this.host.t(done);
      await this.host.reload();
      return true;
    } catch (error) {
      const failure = failureOf(error);
      if (failure.field) this.refuse(failure.field, this.refusalText(failure.field, failure.message));
      else this.note = this.host.failureText(failure.code);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
