import type { Subject } from '../../access/subject.js';
import type { ApiKeyRow } from '../api-keys/store.js';

// Past this many entries the cache starts over rather than grow without bound.
const MAX_ENTRIES = 100_000;

/**
 * Who may do what, kept in memory for the app-key check API (POST /api/authz/check), which must
 * answer without a database round trip. It is dropped whole whenever access may have changed:
 * at once by the process that made the change (ctx.accessChanged), and by every other process when
 * the database's NOTIFY arrives (db/functions/atrium_access_changed.sql). Sessions never read it: a deleted member's next
 * console request is refused straight from the database.
 *
 * A read that began before a drop must not refill the cache with what it read: callers take the
 * generation before reading and remember their result only if no drop happened meanwhile.
 */
export class AccessCache {
  readonly #keys = new Map<string, ApiKeyRow>();
  readonly #subjects = new Map<string, Subject>();
  #generation = 0;

  get generation(): number {
    return this.#generation;
  }

  key(publicId: string): ApiKeyRow | undefined {
    return this.#keys.get(publicId);
  }

  rememberKey(row: ApiKeyRow, readAt: number): void {
    if (readAt !== this.#generation) return;
    if (this.#keys.size >= MAX_ENTRIES) this.#keys.clear();
    this.#keys.set(row.publicId, row);
  }

  /** Member ids are unique across accounts; another account's member is simply not found. */
  subject(accountId: string, memberId: string): Subject | undefined {
    const subject = this.#subjects.get(memberId);
    return subject?.accountId === accountId ? subject : undefined;
  }

  rememberSubject(subject: Subject, readAt: number): void {
    if (readAt !== this.#generation) return;
    if (this.#subjects.size >= MAX_ENTRIES) this.#subjects.clear();
    this.#subjects.set(subject.memberId, subject);
  }

  clear(): void {
    this.#generation++;
    this.#keys.clear();
    this.#subjects.clear();
  }
}
