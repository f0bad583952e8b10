import { and, eq, isNull } from 'drizzle-orm';
import {
  anyOrderKey,
  type DuplicateProbe,
  type DuplicateRules,
  nameWords,
  scorePair,
} from '../../../common/domain/duplicates';
import type { Db } from '../../db/client';
import { beneficiaries, duplicatePairs } from '../../db/tables/index';
import { duplicateRulesOf } from './queries';

type Candidate = DuplicateProbe & { id: string };
/** A block larger than this (a very common name and family) is compared only by its stronger keys. */
const MAX_BLOCK = 200;

/**
 * Compares the registry's files (merged-away and anonymised files left out) in blocks of files that share a
 * mobile, the same name in any order, or the same first and family name; pairs that score the threshold or more
 * are added to the review queue. A pair already there (open, later, merged or "not the same person") is left as
 * it is, so a rejected pair is never proposed again. Returns how many new pairs were queued.
 */
export async function sweepDuplicates(db: Db, orgId: string, source: 'import' | 'sweep' | 'registration') {
  const found = await findPairs(db, orgId, await duplicateRulesOf(db, orgId));
  let added = 0;
  for (let i = 0; i < found.length; i += 500) {
    const chunk = found.slice(i, i + 500);
    const inserted = await db
      .insert(duplicatePairs)
      .values(chunk.map((p) => ({ orgId, aId: p.aId, bId: p.bId, score: p.score, reasons: p.reasons, source })))
      .onConflictDoNothing()
      .returning({ id: duplicatePairs.id });
    added += inserted.length;
  }
  return { found: found.length, added };
}

/** The pairs the rules would find now, without writing anything (for previewing tuned rules too). */
export async function findPairs(db: Db, orgId: string, rules: DuplicateRules) {
  const rows = await db
    .select({
      id: beneficiaries.id,
      nameNorm: beneficiaries.nameNorm,
      birthDate: beneficiaries.birthDate,
      mobile: beneficiaries.mobile,
      mobile2: beneficiaries.mobile2,
      lat: beneficiaries.lat,
      lng: beneficiaries.lng,
    })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.orgId, orgId), isNull(beneficiaries.mergedInto), isNull(beneficiaries.anonymisedAt)));
  const blocks = new Map<string, Candidate[]>();
  const add = (key: string, c: Candidate) => {
    const list = blocks.get(key);
    if (list) list.push(c);
    else blocks.set(key, [c]);
  };
  for (const r of rows) {
    const c: Candidate = { ...r, mobiles: [r.mobile, ...(r.mobile2 ? [r.mobile2] : [])] };
    for (const m of c.mobiles) add(`m:${m}`, c);
    add(`n:${anyOrderKey(r.nameNorm)}`, c);
    const words = nameWords(r.nameNorm);
    if (words.length > 1) add(`f:${words[0]} ${words.at(-1)}`, c);
  }
  const seen = new Map<string, { aId: string; bId: string; score: number; reasons: string[] }>();
  for (const list of blocks.values()) {
    if (list.length < 2 || list.length > MAX_BLOCK) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = list[i]!.id < list[j]!.id ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        const key = `${a.id}|${b.id}`;
        if (seen.has(key)) continue;
        const { score, reasons } = scorePair(a, b, rules.weights);
        if (score >= rules.threshold) seen.set(key, { aId: a.id, bId: b.id, score, reasons });
      }
    }
  }
  return [...seen.values()];
}
