/**
 * Ajv's validation errors in plain words: "can’t be blank", "must be at least 8 characters",
 * "must be an email address". The console shows them next to their fields and API clients read
 * them in the problem's `detail`; neither should have to read a regular expression or a keyword.
 */

import { ONE_LINE_PATTERN } from '../features/support/schemas.js';

/** The parts of an Ajv error read here (Fastify passes Ajv's ErrorObject through). */
export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  params: Record<string, unknown>;
  message?: string;
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a set of named fields',
  array: 'a list',
  null: 'empty',
};

const formatWords: Record<string, string> = {
  email: 'an email address',
  uri: 'a web address',
  url: 'a web address',
  'date-time': 'a date and time (ISO 8601)',
  date: 'a date (YYYY-MM-DD)',
  time: 'a time',
  uuid: 'a UUID',
  hostname: 'a host name',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

/** The patterns of our schemas, by what they ask for. */
const patternWords: Record<string, string> = {
  '\\S': 'can’t be blank',
  '^https?://': 'must start with http:// or https://',
  '^#[0-9a-fA-F]{6}$': 'must be a colour written as #rrggbb',
  '\\{\\{\\s*content\\s*\\}\\}': 'must contain {{ content }}, where the message goes',
  [ONE_LINE_PATTERN]: 'must be one line of text (no line breaks or tabs), not blank',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const list = (values: unknown[]) =>
  values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/** One Ajv error as a phrase that follows the field's name: "can’t be blank". */
export function validationMessage(error: AjvError): string {
  const p = error.params;
  const n = Number(p.limit);
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field this accepts';
    case 'pattern':
      return patternWords[String(p.pattern)] ?? 'is not in the expected form';
    case 'minLength':
      return n === 1 ? 'can’t be blank' : `must be at least ${plural(n, 'character')}`;
    case 'maxLength':
      return `must be at most ${plural(n, 'character')}`;
    case 'minItems':
      return n === 1 ? 'must hold at least one item' : `must hold at least ${plural(n, 'item')}`;
    case 'maxItems':
      return `must hold at most ${plural(n, 'item')}`;
    case 'minProperties':
      return `must have at least ${plural(n, 'field')}`;
    case 'maxProperties':
      return `must have at most ${plural(n, 'field')}`;
    case 'uniqueItems':
      return 'must not hold the same item twice';
    case 'format':
      return `must be ${formatWords[String(p.format)] ?? `in the ${String(p.format)} format`}`;
    case 'enum':
      return `must be one of: ${list(Array.isArray(p.allowedValues) ? p.allowedValues : [])}`;
    case 'const':
      return `must be ${list([p.allowedValue])}`;
    case 'type': {
      const types = String(p.type).split(',');
      return `must be ${types.map((t) => typeWords[t] ?? t).join(' or ')}`;
    }
    case 'minimum':
      return `must be ${n} or more`;
    case 'maximum':
      return `must be ${n} or less`;
    case 'exclusiveMinimum':
      return `must be more than ${n}`;
    case 'exclusiveMaximum':
      return `must be less than ${n}`;
    case 'multipleOf':
      return `must be a multiple of ${Number(p.multipleOf)}`;
    case 'anyOf':
    case 'oneOf':
      return 'does not match any of the accepted forms';
    default:
      return 'is not valid';
  }
}

const isUnion = (e: AjvError) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !!e.schemaPath;

/**
 * Ajv reports a value that fits none of a union's forms once for each form and once for the
 * union ("must be text. must be a number. does not match any of the accepted forms"). Here it is
 * one error: the forms' types together ("must be text or a number") when only types failed; the
 * one form whose type fitted, by its own rule ("must be an email address" for an email or null);
 * else the union's "does not match any of the accepted forms".
 */
export function mergeUnionErrors(errors: readonly AjvError[]): AjvError[] {
  const unions = errors.filter(isUnion);
  if (unions.length === 0) return [...errors];
  const unionOf = (e: AjvError) =>
    unions.find((u) => u !== e && e.schemaPath?.startsWith(`${u.schemaPath}/`) === true);
  const merged: AjvError[] = [];
  for (const error of errors) {
    if (unionOf(error)) continue; // said by its union's error, below
    if (!unions.includes(error)) {
      merged.push(error);
      continue;
    }
    const forms = errors.filter((e) => unionOf(e) === error);
    const rules = forms.filter((e) => e.keyword !== 'type');
    const formOf = (e: AjvError) => e.schemaPath!.slice(error.schemaPath!.length + 1).split('/')[0];
    if (forms.length > 0 && rules.length === 0)
      merged.push({ ...error, keyword: 'type', params: { type: forms.map((e) => e.params.type).join(',') } });
    else if (rules.length > 0 && rules.every((e) => formOf(e) === formOf(rules[0]!))) merged.push(...rules);
    else merged.push(error);
  }
  return merged;
}

/** "/firstName" → "First name"; "/messages/0/body" → "Body (message 1)"; "/" → "The request body". */
export function fieldLabel(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const last = [...segments].reverse().find((s) => !/^\d+$/.test(s));
  if (!last || ['query', 'params', 'headers'].includes(last)) return 'The request';
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The problem's `detail`: the field errors as sentences, "Name can’t be blank. Email is required." */
export function validationDetail(errors: { path: string; message: string }[]): string {
  if (errors.length === 0) return 'The request is not valid.';
  return errors.map((e) => `${fieldLabel(e.path)} ${e.message}.`).join(' ');
}
