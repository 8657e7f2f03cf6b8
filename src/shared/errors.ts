/**
 * Domain errors, each with a stable `code` that clients branch on. They are mapped once to
 * application/problem+json at the HTTP edge (src/http/problems.ts); nothing else formats errors.
 */

export const errorCodes = {
  invalid: { status: 400, title: 'Invalid request' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  json_too_deep: { status: 400, title: 'The body nests too deeply' },
  bad_request: { status: 400, title: 'Bad request' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  uri_too_long: { status: 414, title: 'URI too long' },
  headers_too_large: { status: 431, title: 'Request header fields too large' },
  request_timeout: { status: 408, title: 'Request timeout' },
  confirm_name_mismatch: { status: 400, title: 'Confirmation does not match' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  invalid_credentials: { status: 401, title: 'Wrong email or password' },
  passkey_invalid: { status: 401, title: 'Passkey not accepted' },
  two_factor_required: { status: 401, title: 'A second factor is required' },
  two_factor_code_wrong: { status: 401, title: 'The two-factor code is wrong' },
  two_factor_enrollment_required: { status: 403, title: 'Set up two-factor first' },
  two_factor_already_enabled: { status: 409, title: 'Two-factor is already on' },
  two_factor_not_enabled: { status: 409, title: 'Two-factor is not on' },
  own_two_factor_required: { status: 409, title: 'Turn on your own two-factor first' },
  current_password_required: { status: 400, title: 'Your current password is required' },
  current_password_wrong: { status: 403, title: 'Your current password is wrong' },
  password_too_common: { status: 400, title: 'Password too common' },
  reauthentication_required: { status: 403, title: 'Confirm it’s you' },
  csrf_token_invalid: { status: 403, title: 'CSRF token missing or wrong' },
  sso_refused: { status: 403, title: 'Single sign-on refused' },
  sso_required: { status: 403, title: 'Sign in with single sign-on' },
  forbidden: { status: 403, title: 'Permission denied' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  email_taken: { status: 409, title: 'Email address already in use' },
  email_in_other_account: { status: 409, title: 'Email address belongs to another account' },
  already_member: { status: 409, title: 'Already a team member' },
  last_admin: { status: 409, title: 'The last Account Admin must stay' },
  trial_in_the_way: { status: 409, title: 'The address still belongs to a trial account' },
  not_invited: { status: 409, title: 'Not a pending invitation' },
  email_already_verified: { status: 409, title: 'The email address is already confirmed' },
  identifier_taken: { status: 409, title: 'Another person has this identifier' },
  identifier_required: { status: 400, title: 'This change needs another identifier' },
  identifier_suppressed: { status: 409, title: 'This identifier is suppressed' },
  not_an_identifier: { status: 400, title: 'Not an identifier in this workspace' },
  name_taken: { status: 409, title: 'Name already in use' },
  limit_reached: { status: 409, title: 'Plan limit reached' },
  attributes_hidden: { status: 409, title: 'Attribute values are hidden from you' },
  gone: { status: 410, title: 'No longer available' },
  template_too_expensive: { status: 422, title: 'Template too expensive to render' },
  too_many_requests: { status: 429, title: 'Too many requests' },
  // support access
  support_grant_invalid: { status: 422, title: 'The grant cannot be made as asked' },
  support_session_refused: { status: 403, title: 'Support sessions cannot do that' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  /** JSON pointer into the request body or query, e.g. `/settings/identifiers`. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.status = errorCodes[code].status;
    this.title = errorCodes[code].title;
  }
}

/** A missing object and one the caller may not see answer alike: 404, never 403. */
export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} not found`);

export const invalid = (path: string, message: string): DomainError =>
  new DomainError('invalid', message, { errors: [{ path, message }] });

export const forbidden = (permission: string, reason: string): DomainError =>
  new DomainError('forbidden', reason, { permission });

/** Throws the 404 of notFound; for `value ?? missing('Workspace')`. */
export function missing(what: string): never {
  throw notFound(what);
}
