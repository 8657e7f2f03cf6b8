import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/** Prefixes say what an id names, so a log line is readable on its own. */
export type IdPrefix =
  | 'acc'
  | 'mem'
  | 'ws'
  | 'ses'
  | 'act'
  | 'job'
  | 'inv'
  | 'pwr'
  | 'emv'
  | 'msg'
  | 'key'
  | 'evt'
  | 'dlv'
  | 'mg'
  | 'pky'
  | 'wch'
  | 'rc'
  | 'sso'
  | 'sct'
  | 'grp'
  | 'wtr'
  // support access: a grant, a support session
  | 'grt'
  | 'sps'
  | ResourcePrefix;

/** The prefixes of the workspace resources of src/features/content/kinds.ts. */
export type ResourcePrefix =
  | 'cmp'
  | 'bc'
  | 'tx'
  | 'ot'
  | 'obj'
  | 'seg'
  | 'aud'
  | 'adp'
  | 'ast'
  | 'lay'
  | 'snp'
  | 'col'
  | 'int'
  | 'wh'
  | 'pip';

// ulid draws one byte from the system per random character; drawing them 4 KiB at a time keeps
// id generation off the profile of the Track API's hot path.
const pool = new Uint8Array(4096);
let used = pool.length;
function randomFraction(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++]! / 256;
}

const nextUlid = monotonicFactory(randomFraction);

/** A lower-case ULID: unique, time-sortable. */
export function newUlid(): string {
  return nextUlid().toLowerCase();
}

/** A prefixed, time-sortable id such as `ws_01jd6x…`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${newUlid()}`;
}
