/**
 * Reads about an account kept in this process's memory: the callers behind session tokens, API
 * keys, the check API's subjects, answers (GET /api/me, the team list), workspace settings. Every entry belongs to one account and goes when that account's
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
// Past these, the oldest entries go first (a Map iterates in insertion order).
const MAX_ENTRIES = 100_000;
const MAX_BYTES = 64 * 1024 * 1024;
// One bigger answer would push out many smaller ones: it is served, not kept.
const MAX_ENTRY_BYTES = 1024 * 1024;
// The accounts dropped while reads may be in flight; past this many, everything is dropped instead.
const MAX_DROPPED = 100_000;

interface Entry {
  accountId: string;
  value: unknown;
  storedAt: number;
  bytes: number;
}

export class AccountCache {
  readonly #entries = new Map<string, Entry>();
  readonly #keysOf = new Map<string, Set<string>>();
  /** A counter of drops; per account, the value at its last drop (all accounts: #allDroppedAt). */
  #drops = 0;
  #allDroppedAt = 0;
  readonly #droppedAt = new Map<string, number>();
  #bytes = 0;

  constructor(private readonly now: () => number) {}

  /** The value under `key` if still fresh. */
  get<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= TTL_MS) {
      this.#forget(key, entry);
      return undefined;
    }
    return entry.value as T;
  }

  /** Where a load starts: pass it to `remember` with what the load found. */
  get mark(): number {
    return this.#drops;
  }

  /**
   * Keeps `value` for the account, unless the account was dropped since `mark`. `bytes`: about how
   * much memory it holds (an answer's length; a caller's member and workspaces).
   */
  remember(accountId: string, key: string, value: unknown, mark: number, bytes = 1024): void {
    if (this.#allDroppedAt > mark || (this.#droppedAt.get(accountId) ?? 0) > mark) return;
    if (bytes > MAX_ENTRY_BYTES) return;
    this.forget(key);
    this.#entries.set(key, { accountId, value, storedAt: this.now(), bytes });
    this.#bytes += bytes;
    const keys = this.#keysOf.get(accountId) ?? new Set<string>();
    this.#keysOf.set(accountId, keys.add(key));
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= MAX_ENTRIES && this.#bytes <= MAX_BYTES) break;
      this.#forget(oldest, entry);
    }
  }

  /** The cached value of an account's read, else `load`'s (kept for the next caller). */
  async read<T>(
    accountId: string,
    key: string,
    load: () => Promise<T>,
    bytes?: (value: T) => number,
  ): Promise<T> {
    const cached = this.get<T>(key);
    if (cached !== undefined) return cached;
    const mark = this.mark;
    const value = await load();
    this.remember(accountId, key, value, mark, bytes?.(value));
    return value;
  }

  /**
   * An answer kept as its bytes until `until` (on this cache's clock) or its account's drop. It is
   * built from data read at `mark` (the caller's): not kept if the account was dropped since.
   */
  async answer(
    accountId: string,
    key: string,
    mark: number,
    build: () => Promise<{ bytes: Buffer; until: number }>,
  ): Promise<Buffer> {
    const cached = this.get<{ bytes: Buffer; until: number }>(key);
    if (cached && this.now() < cached.until) return cached.bytes;
    const built = await build();
    this.remember(accountId, key, built, mark, built.bytes.length);
    return built.bytes;
  }

  forget(key: string): void {
    const entry = this.#entries.get(key);
    if (entry) this.#forget(key, entry);
  }

  drop(accountId: string): void {
    if (this.#droppedAt.size >= MAX_DROPPED) {
      this.dropAll();
      return;
    }
    this.#droppedAt.set(accountId, ++this.#drops);
    for (const key of this.#keysOf.get(accountId) ?? []) {
      this.#bytes -= this.#entries.get(key)?.bytes ?? 0;
      this.#entries.delete(key);
    }
    this.#keysOf.delete(accountId);
  }

  dropAll(): void {
    this.#allDroppedAt = ++this.#drops;
    // Every account is now dropped after any earlier mark: the per-account marks are not needed.
    this.#droppedAt.clear();
    this.#entries.clear();
    this.#keysOf.clear();
    this.#bytes = 0;
  }

  #forget(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    const keys = this.#keysOf.get(entry.accountId);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysOf.delete(entry.accountId);
  }
}
