import { DomainError, type FieldError, notFound } from '../../shared/errors.js';

/** The answers every workspace use case shares: no such workspace (404), and fields refused (400). */

export const workspaceNotFound = (): never => {
  throw notFound('Workspace');
};

export function invalidFields(errors: FieldError[]): DomainError {
  return new DomainError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}
