import SCIMMY from 'scimmy';
import { DomainError } from '../../shared/errors.js';
import { fromDomainError, scimError } from './call.js';

/**
 * scimmy answers any error of a handler that is not a SCIM error as "404 not found" (a TypeError
 * as 400): a database failure would pass for a missing resource. Handlers run through this, so a
 * team rule's refusal keeps its status and anything unexpected is a 500, carrying its cause.
 */
export function guard<A extends unknown[], R>(
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof SCIMMY.Types.Error) throw error;
      if (error instanceof DomainError) throw fromDomainError(error);
      const failure = scimError(500, null, 'Internal error');
      (failure as Error).cause = error;
      throw failure;
    }
  };
}
