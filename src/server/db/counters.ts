import { sql } from 'drizzle-orm';
import { riyadhDate } from '../../common/dates';
import type { Db } from './client';
import { counters } from './tables/index';

/** The next number of a per-organisation, per-year sequence; atomic under concurrency (one upsert). */
export async function nextNumber(db: Db, orgId: string, name: string, year: number): Promise<number> {
  const [row] = await db
    .insert(counters)
    .values({ orgId, name, year, value: 1 })
    .onConflictDoUpdate({
      target: [counters.orgId, counters.name, counters.year],
      set: { value: sql`${counters.value} + 1` },
    })
    .returning({ value: counters.value });
  return row!.value;
}

/**
 * Reserves `count` consecutive numbers of a sequence in one upsert (a batch of imported files) and returns the
 * first; the others follow it.
 */
export async function reserveNumbers(
  db: Db,
  orgId: string,
  name: string,
  year: number,
  count: number,
): Promise<number> {
  const [row] = await db
    .insert(counters)
    .values({ orgId, name, year, value: count })
    .onConflictDoUpdate({
      target: [counters.orgId, counters.name, counters.year],
      set: { value: sql`${counters.value} + ${count}` },
    })
    .returning({ value: counters.value });
  return row!.value - count + 1;
}

/** Numbering years follow the Riyadh calendar day, so a letter written at 1 a.m. on 1 January belongs to the new year. */
export function riyadhYear(at: Date): number {
  return Number(riyadhDate(at).slice(0, 4));
}
