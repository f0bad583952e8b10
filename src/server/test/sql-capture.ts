import type { Db } from '../db/client';

type Logger = { logQuery(query: string, params: unknown[]): void };
type SessionWithLogger = { logger: Logger; options: { logger?: Logger } };

/**
 * Records every statement drizzle sends through `db` (both drivers, transactions included: a transaction's
 * session is built from the same options) until `stop()`.
 */
export function captureSql(db: Db): { statements: string[]; stop: () => void } {
  const session = (db as unknown as { session: SessionWithLogger }).session;
  const before = { logger: session.logger, optionsLogger: session.options.logger };
  const statements: string[] = [];
  const logger: Logger = { logQuery: (query) => statements.push(query) };
  session.logger = logger;
  session.options.logger = logger;
  return {
    statements,
    stop: () => {
      session.logger = before.logger;
      session.options.logger = before.optionsLogger;
    },
  };
}

const TABLE_REF = /\b(from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?(?:\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?)?/g;
const NOT_ALIAS = new Set([
  'where',
  'on',
  'set',
  'inner',
  'left',
  'right',
  'full',
  'join',
  'group',
  'order',
  'limit',
  'values',
  'select',
  'using',
  'returning',
  'for',
  'union',
  'default',
]);

/**
 * The association tables a statement touches without naming their org_id (and, unless it inserts, without
 * binding some org_id to a parameter): a qualified `"t"."org_id"` (or its
 * alias's) in a select, update or delete, or the org_id column of an insert. One statement on one table may name
 * it unqualified.
 */
export function tablesWithoutOrg(statement: string, tenantTables: ReadonlySet<string>): string[] {
  const text = statement.toLowerCase();
  const refs = [...text.matchAll(TABLE_REF)].filter((m) => tenantTables.has(m[2]!));
  const names = new Set(refs.map((m) => m[2]!));
  const missing = new Set<string>();
  // Joins may pair org_ids with each other, but one of them must be bound to the request's organisation.
  const bound = /org_id"?\s*(=|in)\s*(\$\d+|\()/.test(text);
  for (const m of refs) {
    const [, verb, table, maybeAlias] = m as unknown as [string, string, string, string | undefined];
    const alias = maybeAlias && !NOT_ALIAS.has(maybeAlias) ? maybeAlias : undefined;
    if (verb === 'into') {
      const columns = text.slice(m.index! + m[0].length).match(/^\s*\(([^)]*)\)/);
      if (!columns || !/"?org_id"?/.test(columns[1]!)) missing.add(table);
      continue;
    }
    const qualified = [table, alias].filter(Boolean).some((n) => new RegExp(`"?${n}"?\\."?org_id"?`).test(text));
    const alone = names.size === 1 && /\borg_id\b/.test(text);
    if (!bound || (!qualified && !alone)) missing.add(table);
  }
  return [...missing];
}
