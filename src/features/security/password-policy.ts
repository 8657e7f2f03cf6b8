import { dictionary } from '@zxcvbn-ts/language-common';
import { Type } from 'typebox';
import { DomainError } from '../../shared/errors.js';

/**
 * The one rule for every new password (sign-up, accepting an invitation, a reset link, changing
 * one's own), after NIST SP 800-63B §5.1.1.2: long enough, not too long to hash, and not one of
 * the passwords attackers try first. No composition rules (they make passwords worse, not
 * stronger); a few unrelated words pass.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** The request field of a new password: the length rules, checked by the route's validation. */
export const NewPassword = (description = `At least ${PASSWORD_MIN_LENGTH} characters, not a common one`) =>
  Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description });

// zxcvbn-ts's list of the ~49,000 passwords seen most often in breach corpora, lower-cased;
// shipped in the package, so no password ever leaves the service to be checked.
const common: ReadonlySet<string> = new Set(dictionary['passwords-common']);

/** Whether a password is on the common list, whatever its case or surrounding spaces. */
export const isCommonPassword = (password: string): boolean => common.has(password.trim().toLowerCase());

/**
 * Refuses a new password the policy does not allow, with a 400 whose `errors` point at `path`
 * (the field in the request body: `/password`, `/newPassword`). Cheap: call it before hashing.
 */
export function checkNewPassword(password: string, path: string): void {
  // Counted in characters (code points), as the routes' validation counts them.
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_LENGTH || chars > PASSWORD_MAX_LENGTH) {
    const message = `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`;
    throw new DomainError('invalid', `The password ${message}.`, { errors: [{ path, message }] });
  }
  if (isCommonPassword(password)) {
    throw new DomainError(
      'password_too_common',
      'This password is one of the most common ones, which attackers try first: choose another. ' +
        'A few unrelated words make a strong one.',
      {
        errors: [{ path, message: 'This password is too common: it appears in lists of leaked passwords.' }],
      },
    );
  }
}
