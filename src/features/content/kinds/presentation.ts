import { Type } from 'typebox';

/**
 * How the console presents a kind: its names, its group in the navigation, a sentence saying what
 * it is, and its list's columns. Data, not code: GET /api/resource-kinds serves it, and the console
 * renders every Journeys, Data and Content page from it.
 */

export const groups = ['Journeys', 'Data', 'Content'] as const;

/** How a column shows its value. */
export const columnFormats = [
  /** The value as text (the default). */
  'text',
  /** A short word (a state, a type) in a badge. */
  'badge',
  /** An id or a URL, in a monospaced font, breaking anywhere. */
  'code',
  /** How many: an array's items, an object's keys. */
  'count',
  /** A number of bytes ("1.2 KB"); of a text, its length. */
  'bytes',
  /** The different values found (a path through an array: `messages.*.channel`), comma-separated. */
  'distinct',
  /** On or off. */
  'switch',
  /** A date and time. */
  'date',
] as const;

export const Column = Type.Object({
  label: Type.String(),
  /** A dotted path into the item; `*` walks each element of an array (`messages.*.channel`). */
  field: Type.String(),
  format: Type.Enum(columnFormats),
  /** The text around the value, where `%s` is: `{{ snippets.%s }}`. */
  template: Type.Optional(Type.String()),
});
export interface Column {
  label: string;
  field: string;
  format: (typeof columnFormats)[number];
  template?: string;
}

export interface Presentation {
  /** For the navigation and the page's title: "Campaigns". */
  plural: string;
  group: (typeof groups)[number];
  /** What the kind is and what it is for, in a sentence or two, for an empty list. */
  description: string;
  /** The first column, the item's name by default. */
  title?: { label: string; field: string };
  /** The columns between the title and the audit columns. */
  columns: Column[];
  /**
   * What its messages may be sent as: `test`, each email message to yourself (POST
   * messages/{messageId}/send-test); `audience`, the item to its audience as a job (POST …/{id}/send).
   */
  sends?: readonly ('test' | 'audience')[];
  /** Which audit columns the items have (both by default). */
  audit?: { createdBy: boolean; updatedAt: boolean };
}

const col = (label: string, field: string, format: Column['format'] = 'text', template?: string): Column =>
  template ? { label, field, format, template } : { label, field, format };

export { col };
