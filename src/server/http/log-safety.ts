/**
 * What a log line may say about an error. Logs carry no personal data (ARCHITECTURE.md), but errors do: a failed
 * query's message names its parameters ("params: 1012345678,…"), PostgreSQL's detail names row values
 * ("Key (national_id)=(…) already exists"), and a message may quote the input it refused. So an error is logged
 * by its type, codes, constraint and stack frames; a database error's message and detail are never logged, and
 * any other message is cut short with quoted text, long numbers and non-ASCII words (Arabic names) masked.
 */

type ErrorLike = Error & {
  code?: unknown;
  statusCode?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  severity?: unknown;
  cause?: unknown;
};

/** PostgreSQL (pg and PGlite) errors carry a five-character SQLSTATE; drizzle wraps them in a DrizzleQueryError. */
function isDatabaseError(e: ErrorLike): boolean {
  return (
    e.constructor?.name === 'DrizzleQueryError' ||
    e.name === 'DatabaseError' ||
    (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && e.severity !== undefined) ||
    /^Failed query:/.test(e.message)
  );
}

/** A message with the values it may quote masked; for messages of our own code and libraries, never of SQL. */
export function maskMessage(message: string): string {
  return message
    .slice(0, 300)
    .replace(/params:[\s\S]*/i, 'params: [not logged]')
    .replace(/(["'`«])[^"'`»]*(["'`»])/g, '$1…$2')
    .replace(/\d{5,}/g, '#')
    .replace(/[^\x20-\x7e]+/g, '…');
}

/** Stack frames only: the first line of a stack repeats the message. */
function frames(stack: string | undefined): string | undefined {
  const lines = (stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return lines.length > 0 ? lines.slice(0, 15).join('\n') : undefined;
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

/** The pino serializer of `err` on every logger of the app (requests, the job scheduler). */
export type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

export function safeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const e = error as ErrorLike;
  const database = isDatabaseError(e);
  const out: LoggedError = {
    type: e.constructor?.name && e.constructor.name !== 'Error' ? e.constructor.name : e.name || 'Error',
    code: text(e.code),
    statusCode: text(e.statusCode),
    constraint: text(e.constraint),
    table: text(e.table),
    column: text(e.column),
    routine: text(e.routine),
    message: database ? '[database error: message not logged]' : maskMessage(e.message),
    stack: frames(e.stack) ?? '',
  };
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}
