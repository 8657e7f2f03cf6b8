/** The PostgreSQL error code of a failed query, on either driver (Drizzle wraps it in `cause`). */
function pgCode(error: unknown): { code?: string; constraint?: string; message?: string } {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const { code, constraint, cause, message } = e as {
      code?: unknown;
      constraint?: unknown;
      cause?: unknown;
      message?: unknown;
    };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return {
        code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
        message: typeof message === 'string' ? message : undefined,
      };
    }
    e = cause;
  }
  return {};
}

/** The SQLSTATE of a failed query (e.g. 54000 for a value too large to index), if it is one. */
export function pgErrorCode(error: unknown): string | undefined {
  return pgCode(error).code;
}

/** PostgreSQL's own message for a failed query (not the driver's "Failed query: …" wrapper). */
export function pgErrorMessage(error: unknown): string | undefined {
  return pgCode(error).message;
}

/** True when the error is a unique violation (of `constraint`, if given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, constraint: actual } = pgCode(error);
  return code === '23505' && (constraint === undefined || actual === undefined || actual === constraint);
}

/** True when PostgreSQL refused text it cannot store (a NUL byte, an invalid sequence): the client's input. */
export function isUnstorableText(error: unknown): boolean {
  const { code } = pgCode(error);
  return code === '22021' || code === '22P05';
}
