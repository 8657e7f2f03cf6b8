import { invalid } from '../../shared/errors.js';

/**
 * The Unix times (seconds) the Track API takes: from 1970 to the end of year 9999, the dates
 * PostgreSQL's timestamptz and JavaScript both hold. A time in milliseconds (1796356892244) or
 * before 1970 is the client's mistake, refused naming the field, never a 500 after part is written.
 */
export const MAX_UNIX_SECONDS = 253_402_300_799;

/** The date of a Unix time in seconds; `path` (a JSON pointer: `/device/last_used`) names the field when out of range. */
export function unixSeconds(value: number, path: string): Date {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_UNIX_SECONDS) {
    const field = path.replace(/^\//, '').replaceAll('/', '.');
    throw invalid(path, `${field} must be a Unix time in seconds (0 to ${MAX_UNIX_SECONDS})`);
  }
  return new Date(Math.floor(value) * 1000);
}
