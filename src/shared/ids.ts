import { monotonicFactory } from 'ulid';

/** Prefixes say what an id names, so a log line is readable on its own. */
export type IdPrefix = 'acc' | 'mem' | 'ws' | 'ses' | 'act' | 'job' | 'inv' | 'pwr' | 'msg' | 'key' | 'evt';

const nextUlid = monotonicFactory();

/** A prefixed, time-sortable id such as `ws_01jd6x…`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}
