import type { Subject } from '../../access/subject.js';
import { DomainError } from '../../shared/errors.js';

/** The authenticated caller of one request. */
export interface Actor {
  subject: Subject;
  member: { id: string; firstName: string; lastName: string; email: string };
  /** The session the request came with; absent for API-key callers. */
  sessionId?: string;
  csrfToken?: string;
}

export const actorName = (actor: Actor): string =>
  `${actor.member.firstName} ${actor.member.lastName}`.trim();

/** The actor of a route that declared an access other than `public`; the auth hook has set it. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in first: no valid session.');
  return request.actor;
}
