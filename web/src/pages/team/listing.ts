import { fullName, statusLabel, type TeamMember } from './model';

/** What the team list can be ordered by. */
export type SortKey = 'name' | 'email' | 'role' | 'status' | 'lastLogin';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export const PAGE_SIZE = 25;

/**
 * The list as shown: matching the search (name or email, any case), in the chosen order, one page
 * of it. Done in the browser: an account has at most a few hundred members, all loaded at once.
 */
export function listMembers(
  members: readonly TeamMember[],
  search: string,
  sort: Sort,
  roleLabel: (key: string) => string,
) {
  const needle = search.trim().toLocaleLowerCase();
  const found = needle
    ? members.filter(
        (m) =>
          fullName(m).toLocaleLowerCase().includes(needle) || m.email.toLocaleLowerCase().includes(needle),
      )
    : [...members];
  const text: Record<Exclude<SortKey, 'lastLogin'>, (m: TeamMember) => string> = {
    name: (m) => fullName(m),
    email: (m) => m.email,
    role: (m) => roleLabel(m.accountRole),
    status: (m) => statusLabel[m.status],
  };
  const compare = (a: TeamMember, b: TeamMember): number => {
    if (sort.key === 'lastLogin') {
      // Never logged in sorts as the oldest.
      return (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? '');
    }
    const by = text[sort.key];
    return by(a).localeCompare(by(b), undefined, { sensitivity: 'base' }) || a.email.localeCompare(b.email);
  };
  found.sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
  return found;
}

export function pageOf<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}
