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
  messageContacts,
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
  householdConfirmedSize: beneficiaries.householdConfirmedSize,
  status: beneficiaries.status,
  reverifyDue: beneficiaries.reverifyDue,
  suspendedUntil: beneficiaries.suspendedUntil,
  statusReason: beneficiaries.statusReason,
  createdAt: beneficiaries.createdAt,
  updatedAt: beneficiaries.updatedAt,
  mergedInto: beneficiaries.mergedInto,
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

export function getHousehold(db: Db, orgId: string, beneficiaryId: string) {
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
    .where(inOrg(householdMembers, orgId, eq(householdMembers.beneficiaryId, beneficiaryId)))
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
  await db
    .delete(householdMembers)
    .where(inOrg(householdMembers, orgId, eq(householdMembers.beneficiaryId, beneficiaryId)));
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
  | { kind: 'application_reference'; value: string }
  | { kind: 'case_reference'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'all' };

/**
 * One query per page. Exact keys use their unique or plain indexes; a name matches any part of the normalised
 * name (pg_trgm GIN index), names that start with it first.
 */
export async function searchBeneficiaries(db: Db, orgId: string, filter: SearchFilter, opts: SearchOpts) {
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
    case 'application_reference':
      condition = sql`${beneficiaries.id} in (select a.beneficiary_id from applications a where a.org_id = ${orgId} and a.reference = ${filter.value})`;
      break;
    case 'case_reference':
      condition = sql`${beneficiaries.id} in (select c.beneficiary_id from cases c where c.org_id = ${orgId} and c.reference = ${filter.value})`;
      break;
    case 'name':
      return searchByName(db, orgId, filter.value, opts);
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

function namePage(db: Db, where: SQL | undefined, limit: number, offset: number) {
  return (
    db
      .select(summaryColumns)
      .from(beneficiaries)
      .where(where)
      // Name order alone, so the index gives the order (an id tiebreak would force a sort of every match).
      .orderBy(sql`${beneficiaries.nameNorm} using ~<~`)
      .limit(limit)
      .offset(offset)
  );
}

type SearchOpts = { branchId?: string | null; status?: string; limit: number; offset: number };

/**
 * Names, ranked in tiers, each read in name order straight off the btree (text_pattern_ops, `~<~`) so a common
 * name never needs a sort of all its matches:
 * 1. names that start with the words as typed (the btree prefix);
 * 2. (several words) names holding every word at the start of one of its words, in any order — first name and
 *    family name, or the family name first (pg_trgm GIN, one condition per word, ANDed);
 * 3. names that hold every word anywhere (pg_trgm GIN).
 * A page may span tiers; a tier is counted only when the page starts after it.
 */
async function searchByName(db: Db, orgId: string, phrase: string, opts: SearchOpts) {
  const scope = (condition: SQL | undefined) =>
    inOrg(
      beneficiaries,
      orgId,
      condition,
      opts.branchId ? eq(beneficiaries.branchId, opts.branchId) : undefined,
      opts.status ? eq(beneficiaries.status, opts.status) : undefined,
    );
  const words = phrase.split(' ').filter(Boolean).slice(0, 6).map(escapeLike);
  const startsWith = like(beneficiaries.nameNorm, `${escapeLike(phrase)}%`);
  const containsAll = and(...words.map((w) => like(beneficiaries.nameNorm, `%${w}%`))) as SQL;
  const tiers: SQL[] = [startsWith];
  if (words.length > 1) {
    // A word starts the name or follows a space. The contains-condition stays for the trigram index.
    const atWordStarts = and(
      ...words.map(
        (w) => sql`(${beneficiaries.nameNorm} like ${`${w}%`} or ${beneficiaries.nameNorm} like ${`% ${w}%`})` as SQL,
      ),
    ) as SQL;
    tiers.push(and(containsAll, atWordStarts, sql`not (${startsWith})`) as SQL);
    tiers.push(and(containsAll, sql`not (${atWordStarts})`, sql`not (${startsWith})`) as SQL);
  } else {
    tiers.push(and(containsAll, sql`not (${startsWith})`) as SQL);
  }

  const rows: Awaited<ReturnType<typeof namePage>> = [];
  let skip = opts.offset;
  for (const condition of tiers) {
    const need = opts.limit + 1 - rows.length;
    if (need <= 0) break;
    const got = await namePage(db, scope(condition), need, skip);
    rows.push(...got);
    if (got.length > 0) skip = 0;
    else if (skip > 0) {
      const [n] = await db.select({ n: count() }).from(beneficiaries).where(scope(condition));
      skip = Math.max(0, skip - Number(n?.n ?? 0));
    }
  }
  return { rows: rows.slice(0, opts.limit), hasMore: rows.length > opts.limit };
}

export function listConsents(db: Db, orgId: string, beneficiaryId: string) {
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
    .leftJoin(users, and(eq(users.orgId, consents.orgId), eq(users.id, consents.recordedBy)))
    .where(inOrg(consents, orgId, eq(consents.beneficiaryId, beneficiaryId)))
    .orderBy(desc(consents.at));
}

export function listStatusEvents(db: Db, orgId: string, beneficiaryId: string) {
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
    .leftJoin(users, and(eq(users.orgId, beneficiaryStatusEvents.orgId), eq(users.id, beneficiaryStatusEvents.byUser)))
    .where(inOrg(beneficiaryStatusEvents, orgId, eq(beneficiaryStatusEvents.beneficiaryId, beneficiaryId)))
    .orderBy(desc(beneficiaryStatusEvents.at));
}

export function listDocuments(db: Db, orgId: string, beneficiaryId: string) {
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
    .where(inOrg(documents, orgId, eq(documents.beneficiaryId, beneficiaryId)))
    .orderBy(desc(documents.at));
}

/** Committee members may read a file only while an application of it is before the committee (or decided by it). */
export async function hasApplicationBeforeCommittee(db: Db, orgId: string, beneficiaryId: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      inOrg(
        applications,
        orgId,
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

/** The file an application belongs to (a document filed under it must be the same file's). */
export async function applicationOwner(db: Db, orgId: string, applicationId: string) {
  const [row] = await db
    .select({ beneficiaryId: applications.beneficiaryId })
    .from(applications)
    .where(inOrg(applications, orgId, eq(applications.id, applicationId)));
  return row ?? null;
}

/** The channel the person asked to be messaged on (set at the desk or by replying), if any. */
export async function preferredChannelOf(db: Db, orgId: string, mobile: string): Promise<'sms' | 'whatsapp' | null> {
  const [row] = await db
    .select({ channel: messageContacts.preferredChannel })
    .from(messageContacts)
    .where(and(eq(messageContacts.orgId, orgId), eq(messageContacts.address, mobile)));
  return row?.channel === 'sms' || row?.channel === 'whatsapp' ? row.channel : null;
}
