import SCIMMY from 'scimmy';

type Expression = Record<string, unknown>;

/** An operand list `[op, value…]` (or `["not", op, value…]`) with its text values in lower case. */
const lowerOperands = (v: unknown): unknown =>
  Array.isArray(v) ? v.map((x, i) => (i > 0 && typeof x === 'string' ? x.toLowerCase() : x)) : v;

function lowerExpression(e: Expression): Expression {
  return Object.fromEntries(
    Object.entries(e).map(([key, v]) => {
      const k = key.toLowerCase();
      if (k === 'username') return [key, lowerOperands(v)];
      if (k === 'emails' && v && typeof v === 'object' && !Array.isArray(v))
        return [
          key,
          Object.fromEntries(
            Object.entries(v).map(([s, w]) => [s, s.toLowerCase() === 'value' ? lowerOperands(w) : w]),
          ),
        ];
      return [key, v];
    }),
  );
}

interface Addressed {
  id: string;
  userName: string;
  emails: { value: string }[];
}

/**
 * RFC 7643 §4.1.1: userName is not case-exact (nor are email addresses in practice), but scimmy's
 * Filter compares text exactly. Identity providers look a person up by the address they hold
 * (`userName eq "Ada@Example.com"`), so both sides are compared in lower case.
 */
export function matchUsers<T extends Addressed>(filter: SCIMMY.Types.Filter, users: readonly T[]): T[] {
  const lowered = new SCIMMY.Types.Filter(
    (JSON.parse(JSON.stringify(filter)) as Expression[]).map(lowerExpression),
  );
  const byId = new Map(users.map((u) => [u.id, u]));
  const folded = users.map((u) => ({
    ...u,
    userName: u.userName.toLowerCase(),
    emails: u.emails.map((e) => ({ ...e, value: e.value.toLowerCase() })),
  }));
  return (lowered.match(folded) as T[]).map((u) => byId.get(u.id)!);
}
