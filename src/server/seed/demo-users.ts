import { inArray } from 'drizzle-orm';
import type { Role } from '../../common/domain/roles';
import type { Db } from '../db/client';
import { users } from '../db/tables/index';
import { hashPassword } from '../modules/auth/passwords';

export const DEMO_PASSWORD = 'wasl-demo-2026';

export const DEMO_USERS: { username: string; role: Role; displayName: string; branch: string }[] = [
  { username: 'admin', role: 'admin', displayName: 'سارة العتيبي', branch: 'HQ' },
  { username: 'manager', role: 'manager', displayName: 'خالد الحربي', branch: 'HQ' },
  { username: 'officer', role: 'officer', displayName: 'نورة السبيعي', branch: 'HQ' },
  { username: 'execution', role: 'execution_officer', displayName: 'فهد الرشيدي', branch: 'HQ' },
  // A realistic committee: three members, a quorum of two (seedDemoCommittee), so a decision waits for two.
  { username: 'committee', role: 'committee', displayName: 'عبدالرحمن المطيري', branch: 'HQ' },
  { username: 'committee2', role: 'committee', displayName: 'هيفاء القحطاني', branch: 'HQ' },
  { username: 'committee3', role: 'committee', displayName: 'سليمان الدوسري', branch: 'HQ' },
  { username: 'branchrep', role: 'branch_rep', displayName: 'ماجد الشمري', branch: 'KHB' },
];

/** One demo user per role; existing usernames are left as they are. Refused in production by the caller. */
export async function seedDemoUsers(db: Db, orgId: string, branchIds: Record<string, string>): Promise<string[]> {
  const existing = await db
    .select({ username: users.username })
    .from(users)
    .where(
      inArray(
        users.username,
        DEMO_USERS.map((u) => u.username),
      ),
    );
  const have = new Set(existing.map((r) => r.username));
  const missing = DEMO_USERS.filter((u) => !have.has(u.username));
  if (missing.length === 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.insert(users).values(
    missing.map((u) => ({
      orgId,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      branchId: branchIds[u.branch] ?? null,
      passwordHash,
    })),
  );
  return missing.map((u) => u.username);
}
