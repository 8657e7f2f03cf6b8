/**
 * Every advisory lock Atrium takes, in one place: PostgreSQL has one namespace of them per
 * database, so two features choosing the same number would wait on each other for nothing.
 *
 * One-key locks (a bigint):
 *  - MIGRATION_LOCK: migrate (db/migrate.ts), so processes starting together migrate once.
 *  - hashtext('<workspace>:email:<lower(email)>') and hashtext('<workspace>:id:<id>'): one person
 *    key of a workspace (db/functions/lock_person_keys.sql). Taken only by that function.
 *
 * Two-key locks (an integer class, then hashtext(workspace id)):
 *  - WORKSPACE_GATE: the workspace's gate, shared by Track API batches, exclusive for changes to
 *    the workspace itself (settings, revalidation, deletion): workspaces/store.ts lockWorkspace.
 *  - PERSON_KEYS: all the person keys of a workspace, shared by a writer naming 1 to 64 keys,
 *    exclusive by one naming more (lock_person_keys.sql, which uses the number 2 directly).
 *  - OBJECT_TYPE_NUMBERS: numbering the workspace's object types, taken by creating one
 *    (track/object-type-numbers.ts); taken alone, so it orders with nothing else.
 *
 * The order, for every writer of people, so that no two can deadlock: the workspace's gate (if
 * taken); PERSON_KEYS; the one-key person locks, in hash order; then people's rows, in cio_id order.
 * A transaction's first call of lock_person_keys names every key it will write; later calls (the
 * Track API applier's later runs) name only keys already named, never upgrading PERSON_KEYS from
 * shared to exclusive, which could deadlock with another doing the same.
 */

// Any constant will do: it only has to be the same in every process that migrates.
export const MIGRATION_LOCK = 727_274_886;

export const WORKSPACE_GATE = 1;
export const PERSON_KEYS = 2;
export const OBJECT_TYPE_NUMBERS = 3;
