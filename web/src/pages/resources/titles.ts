import type { Item } from '../../lib/resource-items';
import type { ResourceKind } from '../../lib/resource-kinds';

/** An item's name as its list's first column shows it ("Welcome", an object's own id). */
export function titleOf(kind: ResourceKind, item: Item): string {
  const value = item[kind.list.title.field];
  return value === undefined || value === null || value === '' ? 'Untitled' : String(value);
}
