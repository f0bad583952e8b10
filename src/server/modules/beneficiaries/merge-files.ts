import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { normalizeArabic } from '../../../common/arabic';
import type { Db } from '../../db/client';
import {
  applications,
  appointments,
  beneficiaries,
  beneficiaryMerges,
  beneficiaryRevisions,
  beneficiaryStatusEvents,
  cases,
  consents,
  deliveries,
  documents,
  duplicatePairs,
  householdMembers,
  interactions,
  surveyInvitations,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { fullName } from './fields';
import { getBeneficiary } from './queries';

/** The fields whose value a reviewer chooses from either file; each names the columns it carries. */
export const MERGE_FIELDS = {
  firstName: ['firstName'],
  fatherName: ['fatherName'],
  grandfatherName: ['grandfatherName'],
  familyName: ['familyName'],
  gender: ['gender'],
  birthDate: ['birthDate'],
  mobile: ['mobile'],
  mobile2: ['mobile2'],
  district: ['district', 'districtNorm'],
  location: ['lat', 'lng'],
  monthlyIncome: ['monthlyIncome'],
  housing: ['housing'],
  familyStatus: ['familyStatus'],
  disability: ['disability'],
  healthNotes: ['healthNotes'],
  water: ['waterSource', 'storageLitres', 'peopleAtHome'],
} as const satisfies Record<string, readonly (keyof typeof beneficiaries.$inferSelect)[]>;
export type MergeField = keyof typeof MERGE_FIELDS;

export const mergeChoiceSchema = z.partialRecord(
  z.enum(Object.keys(MERGE_FIELDS) as [MergeField, ...MergeField[]]),
  z.enum(['kept', 'merged']),
);

/** Stages after which an application is over. */
const CLOSED_STAGES = ['rejected', 'enrolled', 'withdrawn'];

/** Tables whose rows belong to a file and move to the kept file. */
const MOVED = {
  applications,
  documents,
  interactions,
  cases,
  deliveries,
  appointments,
  consents,
  beneficiary_status_events: beneficiaryStatusEvents,
  beneficiary_revisions: beneficiaryRevisions,
  survey_invitations: surveyInvitations,
  household_members: householdMembers,
} as const;
type MovedTable = keyof typeof MOVED;

async function snapshot(tx: Db, ids: string[]) {
  const files = await tx.execute(sql`select to_jsonb(b.*) as row from beneficiaries b where b.id in ${ids}`);
  const members = await tx.execute(
    sql`select to_jsonb(h.*) as row from household_members h where h.beneficiary_id in ${ids} order by h.id`,
  );
  const rowsOf = (r: unknown) => (r as { rows: { row: Record<string, unknown> }[] }).rows.map((x) => x.row);
  return { files: rowsOf(files), household: rowsOf(members) };
}

/**
 * Merges `mergedId` into `keptId`: the chosen fields take the merged file's values, and the merged file's
 * applications, documents, contacts, cases, deliveries, appointments, consents, history and household move to the
 * kept file. The merged file is closed and points to the kept one. Both files as they were and every moved row are
 * recorded, so the merge can be undone exactly. Refused for the same file, a file already merged or anonymised,
 * and when both files have an open application (two live applications cannot become one file's).
 */
export async function mergeFiles(
  deps: Deps,
  user: SessionUser,
  input: { keptId: string; mergedId: string; pairId?: string | null; fields: z.infer<typeof mergeChoiceSchema> },
  meta: RequestMeta,
) {
  authorize(user, 'duplicates.manage');
  if (input.keptId === input.mergedId) throw new AppError('merge.same_file');
  return deps.db.transaction(async (tx) => {
    const kept = await getBeneficiary(tx, user.orgId, input.keptId);
    const merged = await getBeneficiary(tx, user.orgId, input.mergedId);
    if (!kept || !merged) throw new AppError('beneficiary.not_found');
    authorize(user, 'beneficiaries.read', { orgId: kept.orgId, branchId: kept.branchId });
    authorize(user, 'beneficiaries.read', { orgId: merged.orgId, branchId: merged.branchId });
    if (kept.mergedInto || merged.mergedInto) throw new AppError('merge.already_merged');
    const flags = await tx
      .select({ id: beneficiaries.id, anonymisedAt: beneficiaries.anonymisedAt })
      .from(beneficiaries)
      .where(inArray(beneficiaries.id, [kept.id, merged.id]));
    if (flags.some((f) => f.anonymisedAt)) throw new AppError('merge.anonymised');
    const open = await tx
      .selectDistinct({ beneficiaryId: applications.beneficiaryId })
      .from(applications)
      .where(
        and(inArray(applications.beneficiaryId, [kept.id, merged.id]), notInArray(applications.stage, CLOSED_STAGES)),
      );
    if (open.length === 2) throw new AppError('merge.both_open_applications');

    const before = await snapshot(tx, [kept.id, merged.id]);
    const [pair] = input.pairId
      ? await tx
          .select({
            status: duplicatePairs.status,
            decidedBy: duplicatePairs.decidedBy,
            decidedAt: duplicatePairs.decidedAt,
          })
          .from(duplicatePairs)
          .where(inOrg(duplicatePairs, user.orgId, eq(duplicatePairs.id, input.pairId)))
      : [];

    // The kept file takes the chosen values.
    const mergedFull = (before.files.find((f) => f.id === merged.id) ?? {}) as Record<string, unknown>;
    const set: Record<string, unknown> = {};
    const changed: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
    for (const [field, side] of Object.entries(input.fields) as [MergeField, 'kept' | 'merged'][]) {
      if (side !== 'merged') continue;
      for (const column of MERGE_FIELDS[field]) {
        const value = (merged as Record<string, unknown>)[column] ?? mergedFull[snake(column)] ?? null;
        set[column] = value;
        changed.before[column] = (kept as Record<string, unknown>)[column] ?? null;
        changed.after[column] = value;
      }
    }
    const names = { ...kept, ...set } as Parameters<typeof fullName>[0];
    const now = new Date();
    await tx
      .update(beneficiaries)
      .set({
        ...(set as Partial<typeof beneficiaries.$inferInsert>),
        nameNorm: normalizeArabic(fullName(names)),
        districtNorm: normalizeArabic(String(set.district ?? kept.district)),
        updatedAt: now,
      })
      .where(eq(beneficiaries.id, kept.id));

    const moved: Record<string, string[]> = {};
    for (const [name, table] of Object.entries(MOVED) as [MovedTable, (typeof MOVED)[MovedTable]][]) {
      const rows = await tx
        .update(table)
        .set({ beneficiaryId: kept.id } as never)
        .where(eq(table.beneficiaryId, merged.id))
        .returning({ id: table.id });
      moved[name] = rows.map((r) => r.id);
    }
    // The merged household follows the kept one's members.
    if (moved.household_members!.length > 0) {
      await tx.execute(
        sql`update household_members set position = position + 1000 where id in ${moved.household_members}`,
      );
    }
    await tx
      .update(beneficiaries)
      .set({
        status: 'closed',
        statusReason: `merged:${kept.fileNumber}`,
        closedAt: now,
        mergedInto: kept.id,
        updatedAt: now,
      })
      .where(eq(beneficiaries.id, merged.id));
    if (input.pairId) {
      await tx
        .update(duplicatePairs)
        .set({ status: 'merged', decidedBy: user.id, decidedAt: now })
        .where(inOrg(duplicatePairs, user.orgId, eq(duplicatePairs.id, input.pairId)));
    }
    const [record] = await tx
      .insert(beneficiaryMerges)
      .values({
        orgId: user.orgId,
        keptId: kept.id,
        mergedId: merged.id,
        pairId: input.pairId ?? null,
        before: { ...before, pair: pair ?? null, at: now.toISOString() },
        moved,
        byUser: user.id,
        at: now,
      })
      .returning({ id: beneficiaryMerges.id });
    await writeAudit(tx, user, meta, {
      action: 'beneficiary.merged',
      entityType: 'beneficiary',
      entityId: kept.id,
      details: {
        mergeId: record!.id,
        mergedId: merged.id,
        mergedFileNumber: merged.fileNumber,
        keptFileNumber: kept.fileNumber,
        moved: Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length])),
        ...changed,
      },
    });
    return { mergeId: record!.id, keptId: kept.id, mergedId: merged.id, moved: countMoved(moved) };
  });
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const countMoved = (moved: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length]));

/**
 * Undoes a merge: every moved row goes back, both files and their households are restored exactly as they were,
 * and the pair returns to the queue. Refused once undone, and when the kept file was changed after the merge
 * (restoring it would silently lose that change).
 */
export async function undoMerge(deps: Deps, user: SessionUser, mergeId: string, meta: RequestMeta) {
  authorize(user, 'duplicates.manage');
  return deps.db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(beneficiaryMerges)
      .where(inOrg(beneficiaryMerges, user.orgId, eq(beneficiaryMerges.id, mergeId)))
      .for('update');
    if (!merge) throw new AppError('merge.not_found');
    if (merge.undoneAt) throw new AppError('merge.already_undone');
    const [kept] = await tx
      .select({ updatedAt: beneficiaries.updatedAt })
      .from(beneficiaries)
      .where(eq(beneficiaries.id, merge.keptId));
    if (!kept || kept.updatedAt.getTime() > merge.at.getTime()) throw new AppError('merge.changed_since');
    const before = merge.before as {
      files: Record<string, unknown>[];
      household: Record<string, unknown>[];
      pair: { status: string; decidedBy: string | null; decidedAt: string | null } | null;
    };
    for (const [name, ids] of Object.entries(merge.moved)) {
      const table = MOVED[name as MovedTable];
      if (!table || ids.length === 0 || name === 'household_members') continue;
      await tx
        .update(table)
        .set({ beneficiaryId: merge.mergedId } as never)
        .where(inArray(table.id, ids));
    }
    // Both households exactly as they were.
    await tx.delete(householdMembers).where(inArray(householdMembers.beneficiaryId, [merge.keptId, merge.mergedId]));
    if (before.household.length > 0) {
      await tx.execute(
        sql`insert into household_members select * from jsonb_populate_recordset(null::household_members, ${JSON.stringify(before.household)}::jsonb)`,
      );
    }
    for (const file of before.files) {
      const columns = Object.keys(file).filter((c) => c !== 'id' && c !== 'org_id');
      const assignments = sql.join(
        columns.map((c) => sql`${sql.identifier(c)} = r.${sql.identifier(c)}`),
        sql`, `,
      );
      await tx.execute(
        sql`update beneficiaries b set ${assignments} from jsonb_populate_record(null::beneficiaries, ${JSON.stringify(file)}::jsonb) r where b.id = r.id and b.org_id = ${user.orgId}` as SQL,
      );
    }
    if (merge.pairId && before.pair) {
      await tx
        .update(duplicatePairs)
        .set({
          status: before.pair.status,
          decidedBy: before.pair.decidedBy,
          decidedAt: before.pair.decidedAt ? new Date(before.pair.decidedAt) : null,
        })
        .where(eq(duplicatePairs.id, merge.pairId));
    }
    await tx
      .update(beneficiaryMerges)
      .set({ undoneAt: new Date(), undoneBy: user.id })
      .where(eq(beneficiaryMerges.id, merge.id));
    await writeAudit(tx, user, meta, {
      action: 'beneficiary.merge_undone',
      entityType: 'beneficiary',
      entityId: merge.keptId,
      details: { mergeId: merge.id, mergedId: merge.mergedId },
    });
    return { keptId: merge.keptId, mergedId: merge.mergedId };
  });
}
