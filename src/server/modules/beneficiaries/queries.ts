import { and, asc, count, desc, eq, inArray, isNotNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import {
  applications,
  beneficiaries,
  beneficiaryStatusEvents,
  consents,
  documents,
  householdMembers,
  users,
} from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export const beneficiaryColumns = {
  id: beneficiaries.id,
  orgId: beneficiaries.orgId,
  branchId: beneficiaries.branchId,
  fileNumber: beneficiaries.fileNumber,
  nationalId: beneficiaries.nationalId,
  firstName: beneficiaries.firstName,
  fatherName: beneficiaries.fatherName,
  grandfatherName: beneficiaries.grandfatherName,
  familyName: beneficiaries.familyName,
  gender: beneficiaries.gender,
  birthDate: beneficiaries.birthDate,
  mobile: beneficiaries.mobile,
  mobile2: beneficiaries.mobile2,
  district: beneficiaries.district,
  lat: beneficiaries.lat,
  lng: beneficiaries.lng,
  monthlyIncome: beneficiaries.monthlyIncome,
  housing: beneficiaries.housing,
  familyStatus: beneficiaries.familyStatus,
  disability: beneficiaries.disability,
  healthNotes: beneficiaries.healthNotes,
  waterSource: beneficiaries.waterSource,
  storageLitres: beneficiaries.storageLitres,
  peopleAtHome: beneficiaries.peopleAtHome,
  status: beneficiaries.status,
  reverifyDue: beneficiaries.reverifyDue,
  suspendedUntil: beneficiaries.suspendedUntil,
  statusReason: beneficiaries.statusReason,
  createdAt: beneficiaries.createdAt,
  updatedAt: beneficiaries.updatedAt,
};
export type BeneficiaryRow = Awaited<ReturnType<typeof getBeneficiary>> & {};

/** What a list or a search shows: no sensitive fields. */
const summaryColumns = {
  id: beneficiaries.id,
  orgId: beneficiaries.orgId,
  branchId: beneficiaries.branchId,
  fileNumber: beneficiaries.fileNumber,
  nationalId: beneficiaries.nationalId,
  firstName: beneficiaries.firstName,
  fatherName: beneficiaries.fatherName,
  grandfatherName: beneficiaries.grandfatherName,
  familyName: beneficiaries.familyName,
  mobile: beneficiaries.mobile,
  district: beneficiaries.district,
  status: beneficiaries.status,
  reverifyDue: beneficiaries.reverifyDue,
};
export type BeneficiarySummaryRow = Awaited<ReturnType<typeof searchBeneficiaries>>['rows'][number];

export async function getBeneficiary(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(beneficiaryColumns)
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.id, id)));
  return row;
}

export function getHousehold(db: Db, beneficiaryId: string) {
  return db
    .select({
      id: householdMembers.id,
      name: householdMembers.name,
      relation: householdMembers.relation,
      birthDate: householdMembers.birthDate,
      disability: householdMembers.disability,
      disabilityNote: householdMembers.disabilityNote,
    })
    .from(householdMembers)
    .where(eq(householdMembers.beneficiaryId, beneficiaryId))
    .orderBy(asc(householdMembers.position));
}

export async function replaceHousehold(
  db: Db,
  orgId: string,
  beneficiaryId: string,
  members: {
    name: string;
    relation: string;
    birthDate: string;
    disability: boolean;
    disabilityNote?: string | undefined;
  }[],
) {
  await db.delete(householdMembers).where(eq(householdMembers.beneficiaryId, beneficiaryId));
  if (members.length === 0) return;
  await db.insert(householdMembers).values(
    members.map((m, position) => ({
      ...m,
      disabilityNote: m.disabilityNote ?? null,
      orgId,
      beneficiaryId,
      position,
    })),
  );
}

export async function findByNationalId(db: Db, orgId: string, nationalId: string) {
  const [row] = await db
    .select({ id: beneficiaries.id, fileNumber: beneficiaries.fileNumber, branchId: beneficiaries.branchId })
    .from(beneficiaries)
    .where(inOrg(beneficiaries, orgId, eq(beneficiaries.nationalId, nationalId)));
  return row;
}

/** Likely the same person: the same mobile, or the same normalised name born the same year. */
export function findLikelyDuplicates(
  db: Db,
  orgId: string,
  probe: { mobiles: string[]; nameNorm: string; birthYear: number; excludeId?: string },
) {
  const sameName = and(
    eq(beneficiaries.nameNorm, probe.nameNorm),
    sql`extract(year from ${beneficiaries.birthDate}) = ${probe.birthYear}`,
  );
  const sameMobile = or(inArray(beneficiaries.mobile, probe.mobiles), inArray(beneficiaries.mobile2, probe.mobiles));
  return db
    .select({ ...summaryColumns, sameMobile: sql<boolean>`${sameMobile}` })
    .from(beneficiaries)
    .where(
      inOrg(
        beneficiaries,
        orgId,
        or(sameName, sameMobile),
        probe.excludeId ? sql`${beneficiaries.id} <> ${probe.excludeId}` : undefined,
      ),
    )
    .limit(20);
}

export type SearchFilter =
  | { kind: 'national_id'; value: string }
  | { kind: 'mobile'; value: string }
  | { kind: 'file_number'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'all' };

/**
 * One query per page. Exact keys use their unique or plain indexes; a name matches any part of the normalised
 * name (pg_trgm GIN index), names that start with it first.
 */
export async function searchBeneficiaries(
  db: Db,
  orgId: string,
  filter: SearchFilter,
  opts: { branchId?: string | null; status?: string; limit: number; offset: number },
) {
  let condition: SQL | undefined;
  const order: SQL[] = [desc(beneficiaries.createdAt)];
  switch (filter.kind) {
    case 'national_id':
      condition = eq(beneficiaries.nationalId, filter.value);
      break;
    case 'mobile':
      condition = or(eq(beneficiaries.mobile, filter.value), eq(beneficiaries.mobile2, filter.value));
      break;
    case 'file_number':
      condition = eq(beneficiaries.fileNumber, filter.value);
      break;
    case 'name':
      return searchByName(db, orgId, escapeLike(filter.value), opts);
    case 'all':
      condition = undefined;
  }
  const where = inOrg(
    beneficiaries,
    orgId,
    condition,
    opts.branchId ? eq(beneficiaries.branchId, opts.branchId) : undefined,
    opts.status ? eq(beneficiaries.status, opts.status) : undefined,
  );
  const rows = await db
    .select(summaryColumns)
    .from(beneficiaries)
    .where(where)
    .orderBy(...order, asc(beneficiaries.id))
    .limit(opts.limit + 1)
    .offset(opts.offset);
  return { rows: rows.slice(0, opts.limit), hasMore: rows.length > opts.limit };
}

/**
 * Names: those that start with the words come first, read in name order straight off the btree
 * (text_pattern_ops, `~<~`), so a common name never needs a sort of all its matches; names that only contain
 * the words (pg_trgm GIN) follow once the prefix matches run out.
 */
async function searchByName(
  db: Db,
  orgId: string,
  v: string,
  opts: { branchId?: string | null; status?: string; limit: number; offset: number },
) {
  const scope = (condition: SQL) =>
    inOrg(
      beneficiaries,
      orgId,
      condition,
      opts.branchId ? eq(beneficiaries.branchId, opts.branchId) : undefined,
      opts.status ? eq(beneficiaries.status, opts.status) : undefined,
    );
  const startsWith = like(beneficiaries.nameNorm, `${v}%`);
  const prefix = await db
    .select(summaryColumns)
    .from(beneficiaries)
    .where(scope(startsWith))
    // Name order alone, so the index gives the order (an id tiebreak would force a sort of every match).
    .orderBy(sql`${beneficiaries.nameNorm} using ~<~`)
    .limit(opts.limit + 1)
    .offset(opts.offset);
  if (prefix.length > opts.limit) return { rows: prefix.slice(0, opts.limit), hasMore: true };
  const prefixTotal =
    prefix.length > 0
      ? opts.offset + prefix.length
      : Number((await db.select({ n: count() }).from(beneficiaries).where(scope(startsWith)))[0]?.n ?? 0);
  const rest = await db
    .select(summaryColumns)
    .from(beneficiaries)
    .where(scope(and(like(beneficiaries.nameNorm, `%${v}%`), sql`not (${startsWith})`) as SQL))
    // Btree order too, so the planner may walk names in order and stop at a page for a common part (51 → 4 ms at
    // 100k for زهران), or collect a rare one's few matches from pg_trgm and sort them.
    .orderBy(sql`${beneficiaries.nameNorm} using ~<~`)
    .limit(opts.limit + 1 - prefix.length)
    .offset(Math.max(0, opts.offset - prefixTotal));
  const rows = [...prefix, ...rest];
  return { rows: rows.slice(0, opts.limit), hasMore: rows.length > opts.limit };
}

export function listConsents(db: Db, beneficiaryId: string) {
  return db
    .select({
      id: consents.id,
      purpose: consents.purpose,
      noticeVersion: consents.noticeVersion,
      channel: consents.channel,
      at: consents.at,
      recordedBy: consents.recordedBy,
      recordedByName: users.displayName,
    })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.recordedBy))
    .where(eq(consents.beneficiaryId, beneficiaryId))
    .orderBy(desc(consents.at));
}

export function listStatusEvents(db: Db, beneficiaryId: string) {
  return db
    .select({
      kind: beneficiaryStatusEvents.kind,
      fromStatus: beneficiaryStatusEvents.fromStatus,
      toStatus: beneficiaryStatusEvents.toStatus,
      reason: beneficiaryStatusEvents.reason,
      until: beneficiaryStatusEvents.until,
      at: beneficiaryStatusEvents.at,
      byName: users.displayName,
    })
    .from(beneficiaryStatusEvents)
    .leftJoin(users, eq(users.id, beneficiaryStatusEvents.byUser))
    .where(eq(beneficiaryStatusEvents.beneficiaryId, beneficiaryId))
    .orderBy(desc(beneficiaryStatusEvents.at));
}

export function listDocuments(db: Db, beneficiaryId: string) {
  return db
    .select({
      id: documents.id,
      kind: documents.kind,
      originalName: documents.originalName,
      mime: documents.mime,
      size: documents.size,
      applicationId: documents.applicationId,
      at: documents.at,
    })
    .from(documents)
    .where(eq(documents.beneficiaryId, beneficiaryId))
    .orderBy(desc(documents.at));
}

/** Committee members may read a file only while an application of it is before the committee (or decided by it). */
export async function hasApplicationBeforeCommittee(db: Db, beneficiaryId: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.beneficiaryId, beneficiaryId),
        inArray(applications.stage, ['in_committee', 'accepted', 'rejected', 'deferred', 'completing', 'enrolled']),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Active files whose re-verification date has passed (or falls within `withinDays`). */
export function listReverificationDue(
  db: Db,
  orgId: string,
  onOrBefore: string,
  branchId: string | null,
  limit: number,
) {
  return db
    .select(summaryColumns)
    .from(beneficiaries)
    .where(
      inOrg(
        beneficiaries,
        orgId,
        eq(beneficiaries.status, 'active'),
        isNotNull(beneficiaries.reverifyDue),
        lte(beneficiaries.reverifyDue, onOrBefore),
        branchId ? eq(beneficiaries.branchId, branchId) : undefined,
      ),
    )
    .orderBy(asc(beneficiaries.reverifyDue))
    .limit(limit);
}
