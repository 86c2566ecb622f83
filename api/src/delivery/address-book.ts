import type { Db } from '../db/client.js';

/** Where a family member's reminders go, and in which language. */
export interface ReminderAddress {
  address: string;
  language: string;
}

/**
 * The seam for reaching a family member outside an invitation (docs/delivery.md). Helhed stores
 * no family member's address: an invitation's address lives only in its outbox message. A
 * municipality that wants meeting reminders plugs in an address book here — its Digital Post
 * adapter (which resolves the person itself) or a register of addresses the family gave with
 * their agreement to reminders. Null: this person gets no reminder.
 */
export interface FamilyAddressBook {
  reminderAddressOf(db: Db, municipalityId: string, citizenId: string): Promise<ReminderAddress | null>;
}

/** The default: no addresses, so no meeting reminders leave. Honest rather than guessed. */
export const noFamilyAddresses: FamilyAddressBook = {
  async reminderAddressOf() {
    return null;
  },
};
