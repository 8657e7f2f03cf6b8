import type { Plan } from '../../db/schema.js';
import { DomainError } from '../../shared/errors.js';

export const planNames = [
  'free',
  'essentials',
  'premium',
  'team',
  'custom',
] as const satisfies readonly Plan[];

/** null = unlimited. */
export interface Limits {
  workspaces: number | null;
  teamMembers: number | null;
}

/** product.md §1; the custom plan's limits are set per account. */
export const planLimits: Record<Exclude<Plan, 'custom'>, Limits> = {
  free: { workspaces: 1, teamMembers: 1 },
  essentials: { workspaces: 2, teamMembers: 300 },
  premium: { workspaces: null, teamMembers: 300 },
  team: { workspaces: 10, teamMembers: 10 },
};

export function limitsOf(account: {
  plan: Plan;
  customMaxWorkspaces: number | null;
  customMaxMembers: number | null;
}): Limits {
  return account.plan === 'custom'
    ? { workspaces: account.customMaxWorkspaces, teamMembers: account.customMaxMembers }
    : planLimits[account.plan];
}

/** Each plan's name for people, as the console shows it. */
export const planLabels: Record<Plan, string> = {
  free: 'Free',
  essentials: 'Essentials',
  premium: 'Premium',
  team: 'Team',
  custom: 'Custom',
};

/** The plans on offer, in order, with their limits (custom's are set per account: null here). */
export function planCatalog() {
  return planNames.map((name) => ({
    name,
    label: planLabels[name],
    selfService: name !== 'custom',
    limits: name === 'custom' ? null : planLimits[name],
  }));
}

/** A count of what a limit counts, in words: "1 workspace", "300 team members". */
const limitNouns: Record<keyof Limits, [string, string]> = {
  workspaces: ['workspace', 'workspaces'],
  teamMembers: ['team member', 'team members'],
};
const counted = (n: number, limit: keyof Limits) => `${n} ${limitNouns[limit][n === 1 ? 0 : 1]}`;

/**
 * Refuses to go past a limit. The caller must hold the account row lock (store.lockAccount) while it
 * counts and inserts, so that two concurrent creates cannot both pass.
 */
export function assertWithinLimit(
  plan: Plan,
  limits: Limits,
  limit: keyof Limits,
  current: number,
  adding = 1,
): void {
  const max = limits[limit];
  if (max === null || current + adding <= max) return;
  throw new DomainError(
    'limit_reached',
    `The ${planLabels[plan]} plan allows ${counted(max, limit)} and this account has ${current}. ` +
      'Remove one or change the plan first.',
    { limit, plan, max, current },
  );
}
