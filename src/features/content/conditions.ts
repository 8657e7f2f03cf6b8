import { type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import { MASK } from '../../access/masking.js';
import { people } from '../../db/schema.js';
import { Id } from '../../http/schemas.js';

/**
 * Conditions over people: what a data segment and a broadcast's audience are made of. `email` and
 * `id` name the identifiers; any other name an attribute.
 */
export const Condition = Type.Object(
  {
    attribute: Type.String({ minLength: 1, maxLength: 150 }),
    operator: Type.Enum(['eq', 'neq', 'contains', 'exists', 'not_exists', 'gt', 'lt']),
    // Numbers first: the validator coerces, and 100 must stay a number for gt and lt.
    value: Type.Optional(Type.Union([Type.Number(), Type.Boolean(), Type.String({ maxLength: 1000 })])),
  },
  { additionalProperties: false },
);
export type Condition = Static<typeof Condition>;

export const Conditions = Type.Object(
  {
    match: Type.Enum(['all', 'any'], { default: 'all' }),
    rules: Type.Array(Condition, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type Conditions = Static<typeof Conditions>;

export const Audience = Type.Object(
  {
    segmentIds: Type.Array(Id('seg'), { maxItems: 50, default: [] }),
    conditions: Type.Optional(Conditions),
  },
  { additionalProperties: false, description: 'People in any of the segments who also match the conditions' },
);

/** The operators in words, as the console shows them. */
const operatorWords: Record<Condition['operator'], string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  exists: 'exists',
  not_exists: 'does not exist',
  gt: 'is greater than',
  lt: 'is less than',
};

/** Why a rule is incomplete, in words ("“plan is” needs a value to compare with"), or null. */
export function conditionProblem(rule: Condition): string | null {
  const said = `“${rule.attribute} ${operatorWords[rule.operator]}”`;
  const needsValue = !['exists', 'not_exists'].includes(rule.operator);
  if (needsValue && rule.value === undefined) return `${said} needs a value to compare with`;
  if ((rule.operator === 'gt' || rule.operator === 'lt') && typeof rule.value !== 'number')
    return `${said} compares numbers: give a number`;
  return null;
}

/** The SQL test of one person against the conditions. */
export function matchesConditions(conditions: Conditions): SQL {
  if (conditions.rules.length === 0) return sql`true`;
  const tests = conditions.rules.map(ruleSql);
  return sql`(${sql.join(tests, conditions.match === 'all' ? sql` AND ` : sql` OR `)})`;
}

function ruleSql(rule: Condition): SQL {
  const text =
    rule.attribute === 'email'
      ? sql`${people.email}`
      : rule.attribute === 'id'
        ? sql`${people.externalId}`
        : sql`(${people.attributes} ->> ${rule.attribute})`;
  const value = rule.value === undefined ? '' : String(rule.value);
  switch (rule.operator) {
    case 'eq':
      return sql`${text} = ${value}`;
    case 'neq':
      return sql`${text} IS DISTINCT FROM ${value}`;
    case 'contains':
      return sql`strpos(lower(${text}), lower(${value})) > 0`;
    case 'exists':
      return sql`${text} IS NOT NULL`;
    case 'not_exists':
      return sql`${text} IS NULL`;
    case 'gt':
    case 'lt': {
      // Only numbers compare; a text value never matches (and never fails the cast).
      const number = sql`CASE WHEN jsonb_typeof(${people.attributes} -> ${rule.attribute}) = 'number'
        THEN (${people.attributes} ->> ${rule.attribute})::numeric END`;
      return rule.operator === 'gt'
        ? sql`${number} > ${Number(rule.value)}`
        : sql`${number} < ${Number(rule.value)}`;
    }
  }
}

/** What conditions read of people: their identifiers (`email`, `id`) and attributes, by name. */
export function conditionReads(conditions: Conditions | undefined) {
  const names = new Set(conditions?.rules.map((r) => r.attribute));
  const identifier = (name: string) => name === 'email' || name === 'id';
  return {
    identifiers: [...names].filter(identifier),
    attributes: [...names].filter((n) => !identifier(n)),
  };
}

/** Conditions as a member with hidden attributes sees them: which attributes, not which values. */
export function maskConditions(conditions: Conditions | undefined): Conditions | undefined {
  return (
    conditions && {
      ...conditions,
      rules: conditions.rules.map((r) => (r.value === undefined ? r : { ...r, value: MASK })),
    }
  );
}

/** Whether two sets of conditions say the same (none and no rules alike; key order aside). */
export function sameConditions(a: Conditions | undefined, b: Conditions | undefined): boolean {
  const canonical = (c: Conditions | undefined) =>
    !c || c.rules.length === 0
      ? '[]'
      : JSON.stringify([
          c.match,
          c.rules.map((r) => [r.attribute, r.operator, r.value === undefined ? null : r.value]),
        ]);
  return canonical(a) === canonical(b);
}
