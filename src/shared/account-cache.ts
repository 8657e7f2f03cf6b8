/**
 * Reads about an account kept in this process's memory: the callers behind session tokens, the
 * team list, workspace settings. Every entry belongs to one account and goes when that account's
 * data changes:
 *  - in this process, at once: the auth hook drops the caller's account when a state-changing
 *    request of theirs is answered (auth/authenticate.ts);
 *  - in every process, when PostgreSQL's NOTIFY names the account (db/functions/
 *    atrium_access_changed.sql, a trigger on each table these reads come from);
 *  - and after TTL_MS whatever happens, the backstop should a notice ever be missed.
 * A change to one account never drops another's entries: one tenant's writes cannot slow another's
 * reads.
 *
 * A read that began before a drop must not put back what it read: `read` notes the drop counter
 * before loading and keeps its result only if its account was not dropped meanwhile.
 */

// Long enough to serve a burst of requests from memory; short enough to bound a missed notice.
export const TTL_MS = 10_000;
// Past this many entries the cache starts over rather than grow without bound.
const MAX_ENTRIES = 100_000;

interface Entry {
  accountId: string;
  value: unknown;
  storedAt: number;
}

export class AccountCache {
  readonly #entries = new Map<string, Entry>();
  readonly #keysOf = new Map<string, Set<string>>();
  /** A counter of drops; per account, the value at its last drop (all accounts: #allDroppedAt). */
  #drops = 0;
  #allDroppedAt = 0;
  readonly #droppedAt = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** The value under `key` if still fresh. */
  get<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= TTL_MS) {
      this.#forget(key, entry.accountId);
      return undefined;
    }
    return entry.value as T;
  }

  /** Where a load starts: pass it to `remember` with what the load found. */
  get mark(): number {
    return this.#drops;
  }

  /** Keeps `value` for the account, unless the account was dropped since `mark`. */
  remember(accountId: string, key: string, value: unknown, mark: number): void {
    if (this.#allDroppedAt > mark || (this.#droppedAt.get(accountId) ?? 0) > mark) return;
    if (this.#entries.size >= MAX_ENTRIES) this.dropAll();
    this.#entries.set(key, { accountId, value, storedAt: this.now() });
    const keys = this.#keysOf.get(accountId) ?? new Set<string>();
    this.#keysOf.set(accountId, keys.add(key));
  }

  /** The cached value of an account's read, else `load`'s (kept for the next caller). */
  async read<T>(accountId: string, key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.get<T>(key);
    if (cached !== undefined) return cached;
    const mark = this.mark;
    const value = await load();
    this.remember(accountId, key, value, mark);
    return value;
  }

  forget(key: string): void {
    const entry = this.#entries.get(key);
    if (entry) this.#forget(key, entry.accountId);
  }

  drop(accountId: string): void {
    if (this.#droppedAt.size >= MAX_ENTRIES) {
      this.dropAll();
      return;
    }
    this.#droppedAt.set(accountId, ++this.#drops);
    for (const key of this.#keysOf.get(accountId) ?? []) this.#entries.delete(key);
    this.#keysOf.delete(accountId);
  }

  dropAll(): void {
    this.#allDroppedAt = ++this.#drops;
    // Every account is now dropped after any earlier mark: the per-account marks are not needed.
    this.#droppedAt.clear();
    this.#entries.clear();
    this.#keysOf.clear();
  }

  #forget(key: string, accountId: string): void {
    this.#entries.delete(key);
    this.#keysOf.get(accountId)?.delete(key);
  }
}
