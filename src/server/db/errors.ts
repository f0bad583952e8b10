/** True when a database error is a unique violation (SQLSTATE 23505), optionally of the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  // Drizzle wraps driver errors; the SQLSTATE sits on the cause.
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (candidate.code === '23505') {
      return !constraint || candidate.constraint === constraint || Boolean(candidate.message?.includes(constraint));
    }
    e = candidate.cause;
  }
  return false;
}
