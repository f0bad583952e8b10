import type { findSession } from './queries';

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

const MAX_ENTRIES = 10_000;
const entries = new Map<string, { row: SessionRow; until: number }>();

/**
 * A per-process copy of recently read session rows, kept for a second or two, so a burst of requests from one
 * screen does not read the same session row each time (docs/decisions/011). Every write in this process that
 * ends a session or changes what a session carries (role, branch, disabled, password, two-step, preferences)
 * clears it, so the change takes effect on the next request; the time limit bounds what another process's
 * change can miss.
 */
export const sessionCache = {
  get(sessionId: string, now: number): SessionRow | undefined {
    const hit = entries.get(sessionId);
    if (!hit) return undefined;
    if (hit.until <= now) {
      entries.delete(sessionId);
      return undefined;
    }
    return hit.row;
  },
  set(sessionId: string, row: SessionRow, now: number, ttlMs: number): void {
    if (ttlMs <= 0) return;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(sessionId, { row, until: now + ttlMs });
  },
  forget(sessionId: string): void {
    entries.delete(sessionId);
  },
  clear(): void {
    entries.clear();
  },
};
