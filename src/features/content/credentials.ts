import { DomainError, type FieldError } from '../../shared/errors.js';
import { isCredentialKey, type KindDefinition } from './kinds.js';

/**
 * Credentials in settings are write-only, for everyone (kinds.ts, `credentials`): every read shows
 * them masked, and a write keeps the stored one where it leaves it out or sends the mask back. Only
 * the stored body, read by the service itself, holds them.
 */

type Body = Record<string, unknown>;

/** What every masked credential begins with; a value sent back beginning so is no new secret. */
export const CREDENTIAL_MASK = '••••';
/** Long secrets (API keys, tokens) show their last characters, so that one can tell which is set. */
const SHOWN_FROM = 16;
const SHOWN = 4;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isMask = (v: unknown) => typeof v === 'string' && v.startsWith(CREDENTIAL_MASK);

function maskValue(value: unknown): unknown {
  if (value === null || value === undefined || isMask(value)) return value; // masked when logged
  if (typeof value === 'string' && [...value].length >= SHOWN_FROM)
    return CREDENTIAL_MASK + [...value].slice(-SHOWN).join('');
  return CREDENTIAL_MASK;
}

function maskIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskIn);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, isCredentialKey(k) ? maskValue(v) : maskIn(v)]),
  );
}

/** The body as anyone may read it: its credentials masked. Works on part of a body too (a diff). */
export function maskCredentials(kind: KindDefinition, body: Body): Body {
  if (!kind.credentials?.some((field) => body[field] !== undefined)) return body;
  const masked = { ...body };
  for (const field of kind.credentials)
    if (masked[field] !== undefined) masked[field] = maskIn(masked[field]);
  return masked;
}

const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/**
 * `after` with each credential of `before` kept where `after` leaves it out (also when it leaves
 * out the object holding it) or sends the mask back; null clears one. A mask where nothing is
 * stored is refused: it would store the mask as the secret.
 */
function keep(before: unknown, after: unknown, path: string, errors: FieldError[]): unknown {
  if (Array.isArray(after))
    return after.map((v, i) =>
      keep(Array.isArray(before) ? before[i] : undefined, v, pointer(path, i), errors),
    );
  if (!isObject(after)) return after;
  const was = isObject(before) ? before : {};
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    const at = pointer(path, k);
    if (isCredentialKey(k) && isMask(v)) {
      if (was[k] === undefined || was[k] === null)
        errors.push({ path: at, message: 'a masked value keeps a stored credential; none is stored here' });
      kept[k] = was[k];
    } else kept[k] = isCredentialKey(k) ? v : keep(was[k], v, at, errors);
  }
  for (const [k, v] of Object.entries(was)) {
    if (k in after) continue;
    if (isCredentialKey(k)) kept[k] = v;
    else if (hasCredential(v)) kept[k] = keep(v, isObject(v) ? {} : v, pointer(path, k), errors);
  }
  return kept;
}

/** Whether a value holds a credential somewhere inside. */
function hasCredential(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasCredential);
  if (!isObject(value)) return false;
  return Object.entries(value).some(([k, v]) => isCredentialKey(k) || hasCredential(v));
}

/**
 * The body to store: the credentials of `before` (null on create) kept as keep() says, in each
 * field the kind declares. 400 naming each masked value that keeps nothing.
 */
export function keepCredentials(kind: KindDefinition, before: Body | null, after: Body): Body {
  if (!kind.credentials) return after;
  const errors: FieldError[] = [];
  const kept = { ...after };
  for (const field of kind.credentials) {
    if (after[field] === undefined || after[field] === null) continue;
    kept[field] = keep(before?.[field], after[field], `/${field}`, errors);
  }
  if (errors.length > 0)
    throw new DomainError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  return kept;
}
