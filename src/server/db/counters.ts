import { sql } from 'drizzle-orm';
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
