import { riyadhDate } from '../../../common/dates';
import { TOOL_KINDS } from '../../../common/domain/knowledge';
import type { Db } from '../../db/client';
import { loadDocument } from './get-document';
import { effectiveVersion } from './in-force';
import { acknowledgementTimes, activeStaff, listVersions, openReminders } from './queries';

/** Who among the active staff has read the version in force of one of the four tools, and who was reminded. */
export async function acknowledgementStatus(db: Db, orgId: string, documentId: string) {
  const doc = await loadDocument(db, orgId, documentId);
  const current = effectiveVersion(await listVersions(db, doc.id), riyadhDate(new Date()));
  const needsAcknowledgement = (TOOL_KINDS as readonly string[]).includes(doc.kind);
  if (!current || !needsAcknowledgement) {
    const none = { staff: [], acknowledged: 0, pending: 0, title: doc.titleAr };
    return { versionId: current?.id ?? null, version: current?.version ?? null, needsAcknowledgement, ...none };
  }
  const [staff, acks, reminders] = await Promise.all([
    activeStaff(db, orgId),
    acknowledgementTimes(db, current.id),
    openReminders(db, orgId, current.id),
  ]);
  const ackAt = new Map(acks.map((a) => [a.userId, a.at.toISOString()]));
  const remindAt = new Map(reminders.map((r) => [r.userId, r.at.toISOString()]));
  const rows = staff.map((s) => ({
    ...s,
    acknowledgedAt: ackAt.get(s.userId) ?? null,
    remindedAt: ackAt.has(s.userId) ? null : (remindAt.get(s.userId) ?? null),
  }));
  // Those who have not read it come first: they are who the screen is for.
  rows.sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null));
  const acknowledged = rows.filter((r) => r.acknowledgedAt).length;
  return {
    versionId: current.id,
    version: current.version,
    needsAcknowledgement,
    staff: rows,
    acknowledged,
    pending: rows.length - acknowledged,
    title: doc.titleAr,
  };
}
