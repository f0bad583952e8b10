import type { Db } from '../../db/client';
import { writeAudit } from '../../http/audit';
import { notifyStaff } from '../work';
import { activeManagers, breachedNotEscalated, insertTasksOnce, markEscalated } from './queries';

/**
 * The scheduled escalation: every open case past its resolution time goes to the managers' task lists, once.
 * Returns how many cases were escalated.
 */
export async function escalateBreachedCases(db: Db, now: Date): Promise<number> {
  const breached = await breachedNotEscalated(db, now);
  let escalated = 0;
  for (const c of breached) {
    await db.transaction(async (tx) => {
      if (!(await markEscalated(tx, c.id, now))) return;
      const managers = await activeManagers(tx, c.orgId);
      if (managers.length > 0) {
        await insertTasksOnce(
          tx,
          managers.map((m) => ({
            orgId: c.orgId,
            assigneeUserId: m.id,
            kind: 'case_escalation',
            title: `تجاوزت الحالة ${c.reference} مدة المعالجة: ${c.subject}`,
            entityType: 'case',
            entityId: c.id,
            dedupeKey: `case_escalation:${c.id}`,
          })),
        );
        for (const m of managers) {
          await notifyStaff(tx, {
            orgId: c.orgId,
            userId: m.id,
            actorUserId: null,
            kind: 'case_escalated',
            entityType: 'case',
            entityId: c.id,
            reference: c.reference,
            detail: c.subject,
          });
        }
      }
      await writeAudit(
        tx,
        { id: null, orgId: c.orgId, username: null },
        { ip: null, userAgent: null },
        {
          action: 'case.escalated',
          entityType: 'case',
          entityId: c.id,
        },
      );
      escalated += 1;
    });
  }
  return escalated;
}
