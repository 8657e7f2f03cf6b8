import { Badge, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/hooks';
import type { Item } from '../../lib/resource-items';
import type { Column } from '../../lib/resource-kinds';

/** A list's cell, as its served column says: the value at its field, shown in its format. */

const words = (value: string) => value.replace(/_/g, ' ');

/** The values at a dotted path; `*` walks each element of an array. */
function valuesAt(value: unknown, path: string[]): unknown[] {
  if (path.length === 0) return [value];
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v) => valuesAt(v, rest)) : [];
  if (typeof value !== 'object' || value === null) return [];
  return valuesAt((value as Record<string, unknown>)[head!], rest);
}

function bytes(value: number): string {
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(1)} MB`;
}

/** The cell's text, or null when there is nothing to show. */
export function cellText(item: Item, column: Pick<Column, 'field' | 'format' | 'template'>): string | null {
  const found = valuesAt(item, column.field.split('.'));
  const value = found[0];
  let text: string | null;
  switch (column.format) {
    case 'count':
      text = Array.isArray(value)
        ? String(value.length)
        : typeof value === 'object' && value !== null
          ? String(Object.keys(value).length)
          : null;
      break;
    case 'bytes':
      text =
        typeof value === 'number' ? bytes(value) : typeof value === 'string' ? bytes(value.length) : null;
      break;
    case 'distinct': {
      const set = [
        ...new Set(found.filter((v) => v !== undefined && v !== null).map((v) => words(String(v)))),
      ];
      text = set.length > 0 ? set.join(', ') : null;
      break;
    }
    case 'switch':
      text = value === false ? 'Off' : value === true ? 'On' : null;
      break;
    case 'date':
      text = typeof value === 'string' ? formatDateTime(value) : null;
      break;
    case 'badge':
      text = value === undefined || value === null || value === '' ? null : words(String(value));
      break;
    default:
      text = value === undefined || value === null || value === '' ? null : String(value);
  }
  if (text !== null && column.template) text = column.template.replace('%s', text);
  if (text !== null && text.length > 80) text = `${text.slice(0, 80)}…`;
  return text;
}

export function Cell({ item, column }: { item: Item; column: Column }) {
  const text = cellText(item, column);
  if (text === null)
    return (
      <Text size="sm" c="dimmed" aria-label="none">
        —
      </Text>
    );
  if (column.format === 'badge' || column.format === 'switch')
    return (
      <Badge
        variant="light"
        size="sm"
        tt="none"
        color={column.format === 'switch' && text === 'Off' ? 'gray' : undefined}
        // A state is a word or two: shown whole, never cut to "pa…".
        styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } }}
      >
        {text}
      </Badge>
    );
  return (
    <Text
      size="sm"
      ff={column.format === 'code' ? 'monospace' : undefined}
      // Addresses may break anywhere; words only between them.
      style={column.format === 'code' ? { wordBreak: 'break-all' } : { overflowWrap: 'break-word' }}
    >
      {text}
    </Text>
  );
}
