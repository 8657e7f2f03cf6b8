/** Counts, names and lists as the console's sentences say them. */

/** "3 members", "1 workspace", "1,234 people" (with `many` for irregular plurals). */
export const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "1 person", "1,234 people". */
export const people = (n: number) => count(n, 'person', 'people');

/** "Staging", "Staging and Production", "Staging, Production and Dev". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A team member's name: "Ada Lovelace". */
export const fullName = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;
