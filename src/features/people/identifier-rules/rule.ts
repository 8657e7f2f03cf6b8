import type { WorkspaceRow } from '../../workspaces/store.js';
import type { People, WriteContext } from '../people-state.js';

// What a rule is, and the settings it runs under.

/** The workspace's identifier settings. */
export interface IdentifierRules {
  identifyByEmail: boolean;
  identifyById: boolean;
  allowEmailUpdateById: boolean;
}

export const rulesOf = (ws: WorkspaceRow): IdentifierRules => ({
  identifyByEmail: ws.identifyByEmail,
  identifyById: ws.identifyById,
  allowEmailUpdateById: ws.allowEmailUpdateById,
});

/**
 * A rule: applies one write to the people (as the writes before it left them) and returns its
 * outcome; writer.ts applies a run of writes by one rule, in order.
 */
export type Rule<W, O> = (people: People, context: WriteContext, write: W) => O;

/** What a request asks to set on a person. `null` removes; absent leaves as is. */
export interface PersonChange {
  email?: string | null;
  id?: string | null;
  attributes?: Record<string, unknown>;
}
