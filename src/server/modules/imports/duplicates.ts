import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { DUPLICATE_THRESHOLD } from '../../../common/domain/duplicates';
import { formatSaudiMobileLocal } from '../../../common/saudi';
import type { Db } from '../../db/client';
import {
  applications,
  beneficiaries,
  beneficiaryMerges,
  cases,
  deliveries,
  documents,
  duplicatePairs,
  householdMembers,
  interactions,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { authorize } from '../../policy';
import { countPairs, sweepDuplicates } from './duplicate-sweep';
import { duplicateRulesOf } from './queries';

export const PAIR_STATUSES = ['open', 'later', 'merged', 'not_same'] as const;

const fileSide = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  nationalId: z.string(),
  fullName: z.string(),
  mobileLocal: z.string(),
  district: z.string(),
  birthDate: z.string(),
  status: z.string(),
});
export const pairSchema = z.object({
  id: z.uuid(),
  score: z.number(),
  reasons: z.array(z.string()),
  source: z.string(),
  status: z.enum(PAIR_STATUSES),
  createdAt: z.string(),
  a: fileSide,
  b: fileSide,
  mergeId: z.uuid().nullable(),
});

const a = alias(beneficiaries, 'file_a');
const b = alias(beneficiaries, 'file_b');
const sideColumns = (t: typeof a | typeof b) => ({
  id: t.id,
  fileNumber: t.fileNumber,
  nationalId: t.nationalId,
  firstName: t.firstName,
  fatherName: t.fatherName,
  grandfatherName: t.grandfatherName,
  familyName: t.familyName,
  mobile: t.mobile,
  district: t.district,
  birthDate: t.birthDate,
  status: t.status,
});
type Side = { [K in keyof ReturnType<typeof sideColumns>]: unknown } & Record<string, unknown>;
function presentSide(s: Side) {
  return {
    id: String(s.id),
    fileNumber: String(s.fileNumber),
    nationalId: String(s.nationalId),
    fullName: [s.firstName, s.fatherName, s.grandfatherName, s.familyName].join(' '),
    mobileLocal: formatSaudiMobileLocal(String(s.mobile)),
    district: String(s.district),
    birthDate: String(s.birthDate),
    status: String(s.status),
  };
}

async function selectPairs(db: Db, orgId: string, where: ReturnType<typeof and>, limit: number) {
  const rows = await db
    .select({
      id: duplicatePairs.id,
      score: duplicatePairs.score,
      reasons: duplicatePairs.reasons,
      source: duplicatePairs.source,
      status: duplicatePairs.status,
      createdAt: duplicatePairs.createdAt,
      a: sideColumns(a),
      b: sideColumns(b),
    })
    .from(duplicatePairs)
    .innerJoin(a, and(eq(a.orgId, duplicatePairs.orgId), eq(a.id, duplicatePairs.aId)))
    .innerJoin(b, and(eq(b.orgId, duplicatePairs.orgId), eq(b.id, duplicatePairs.bId)))
    .where(inOrg(duplicatePairs, orgId, where))
    .orderBy(desc(duplicatePairs.score), desc(duplicatePairs.createdAt))
    .limit(limit);
  const merges = rows.length
    ? await db
        .select({ pairId: beneficiaryMerges.pairId, id: beneficiaryMerges.id, undoneAt: beneficiaryMerges.undoneAt })
        .from(beneficiaryMerges)
        .where(
          and(
            eq(beneficiaryMerges.orgId, orgId),
            inArray(
              beneficiaryMerges.pairId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return rows.map((r) => ({
    id: r.id,
    score: r.score,
    reasons: r.reasons,
    source: r.source,
    status: r.status as (typeof PAIR_STATUSES)[number],
    createdAt: r.createdAt.toISOString(),
    a: presentSide(r.a),
    b: presentSide(r.b),
    mergeId: merges.find((m) => m.pairId === r.id && !m.undoneAt)?.id ?? null,
  }));
}

export async function listPairs(deps: Deps, user: SessionUser, status: (typeof PAIR_STATUSES)[number]) {
  authorize(user, 'duplicates.manage');
  return { items: await selectPairs(deps.db, user.orgId, eq(duplicatePairs.status, status), 200) };
}

async function counts(db: Db, id: string) {
  const n = async (
    table: typeof applications | typeof documents | typeof interactions | typeof cases | typeof deliveries,
  ) => Number((await db.select({ n: count() }).from(table).where(eq(table.beneficiaryId, id)))[0]?.n ?? 0);
  return {
    applications: await n(applications),
    documents: await n(documents),
    interactions: await n(interactions),
    cases: await n(cases),
    deliveries: await n(deliveries),
  };
}

async function fileDetail(db: Db, id: string) {
  const [row] = await db
    .select({
      id: beneficiaries.id,
      firstName: beneficiaries.firstName,
      fatherName: beneficiaries.fatherName,
      grandfatherName: beneficiaries.grandfatherName,
      familyName: beneficiaries.familyName,
      gender: beneficiaries.gender,
      birthDate: beneficiaries.birthDate,
      mobile: beneficiaries.mobile,
      mobile2: beneficiaries.mobile2,
      district: beneficiaries.district,
      housing: beneficiaries.housing,
      branchId: beneficiaries.branchId,
    })
    .from(beneficiaries)
    .where(eq(beneficiaries.id, id));
  const household = await db
    .select({ name: householdMembers.name, relation: householdMembers.relation, birthDate: householdMembers.birthDate })
    .from(householdMembers)
    .where(eq(householdMembers.beneficiaryId, id))
    .orderBy(householdMembers.position);
  const apps = await db
    .select({ id: applications.id, reference: applications.reference, stage: applications.stage })
    .from(applications)
    .where(eq(applications.beneficiaryId, id))
    .orderBy(desc(applications.createdAt))
    .limit(20);
  return { fields: row!, household, applications: apps, counts: await counts(db, id) };
}

const detailSide = z.object({
  fields: z.object({
    id: z.uuid(),
    firstName: z.string(),
    fatherName: z.string(),
    grandfatherName: z.string(),
    familyName: z.string(),
    gender: z.string(),
    birthDate: z.string(),
    mobile: z.string(),
    mobile2: z.string().nullable(),
    district: z.string(),
    housing: z.string(),
    branchId: z.uuid(),
  }),
  household: z.array(z.object({ name: z.string(), relation: z.string(), birthDate: z.string() })),
  applications: z.array(z.object({ id: z.uuid(), reference: z.string(), stage: z.string() })),
  counts: z.object({
    applications: z.number(),
    documents: z.number(),
    interactions: z.number(),
    cases: z.number(),
    deliveries: z.number(),
  }),
});
export const pairDetailSchema = z.object({ pair: pairSchema, a: detailSide, b: detailSide });

/** The side-by-side comparison: fields, household, applications and how many documents, contacts, cases, deliveries. */
export async function getPair(deps: Deps, user: SessionUser, id: string) {
  authorize(user, 'duplicates.manage');
  const [pair] = await selectPairs(deps.db, user.orgId, eq(duplicatePairs.id, id), 1);
  if (!pair) throw new AppError('duplicates.pair_not_found');
  return { pair, a: await fileDetail(deps.db, pair.a.id), b: await fileDetail(deps.db, pair.b.id) };
}

export const decisionBody = z.strictObject({ decision: z.enum(['not_same', 'later', 'open']) });

/** "Not the same person" (kept: the pair is never proposed again), "later", or back to the queue. */
export async function decidePair(
  deps: Deps,
  user: SessionUser,
  id: string,
  decision: z.infer<typeof decisionBody>['decision'],
  meta: RequestMeta,
) {
  authorize(user, 'duplicates.manage');
  await deps.db.transaction(async (tx) => {
    const [pair] = await tx
      .select({ status: duplicatePairs.status })
      .from(duplicatePairs)
      .where(inOrg(duplicatePairs, user.orgId, eq(duplicatePairs.id, id)));
    if (!pair) throw new AppError('duplicates.pair_not_found');
    if (pair.status === 'merged') throw new AppError('duplicates.pair_decided');
    await tx
      .update(duplicatePairs)
      .set({ status: decision, decidedBy: user.id, decidedAt: new Date() })
      .where(eq(duplicatePairs.id, id));
    await writeAudit(tx, user, meta, {
      action: 'duplicates.decided',
      entityType: 'duplicate_pair',
      entityId: id,
      details: { before: { status: pair.status }, after: { status: decision } },
    });
  });
}

export async function runSweep(deps: Deps, user: SessionUser, meta: RequestMeta) {
  authorize(user, 'duplicates.manage');
  const result = await sweepDuplicates(deps.db, user.orgId, 'sweep');
  await writeAudit(deps.db, user, meta, { action: 'duplicates.swept', details: result });
  return result;
}

/** How many pairs a threshold would find now (the queue is not changed). */
export async function previewThreshold(deps: Deps, user: SessionUser, threshold: number) {
  authorize(user, 'duplicates.manage');
  const rules = await duplicateRulesOf(deps.db, user.orgId);
  const pairs = await countPairs(deps.db, user.orgId, { ...rules, threshold });
  return { threshold, pairs, defaultThreshold: DUPLICATE_THRESHOLD };
}
