import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
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

type Candidate = DuplicateProbe & { id: string; keys: string[] };
type Pair = { aId: string; bId: string; score: number; reasons: string[] };
/** A block larger than this (a very common name and family) is compared only by its stronger keys. */
const MAX_BLOCK = 200;
/** Files read per page, and about how many files' blocks are held at once (one partition of the keys). */
const PAGE = 2_000;
const PARTITION_FILES = 20_000;
/** Pairs written per statement. */
const CHUNK = 500;
/** Comparisons between two pauses for the event loop: a sweep in the server process must not stall requests. */
const COMPARISONS_PER_TURN = 20_000;

/**
 * Compares the registry's files (merged-away and anonymised files left out) in blocks of files that share a
 * mobile, the same name in any order, or the same first and family name; pairs that score the threshold or more
 * are added to the review queue. A pair already there (open, later, merged or "not the same person") is left as
 * it is, so a rejected pair is never proposed again. Returns how many pairs were found and how many were new.
 */
export async function sweepDuplicates(db: Db, orgId: string, source: 'import' | 'sweep' | 'registration') {
  let added = 0;
  const found = await eachPairChunk(db, orgId, await duplicateRulesOf(db, orgId), async (chunk) => {
    const inserted = await db
      .insert(duplicatePairs)
      .values(chunk.map((p) => ({ orgId, aId: p.aId, bId: p.bId, score: p.score, reasons: p.reasons, source })))
      .onConflictDoNothing()
      .returning({ id: duplicatePairs.id });
    added += inserted.length;
  });
  return { found, added };
}

/** How many pairs the rules would find now, without writing anything (for previewing tuned rules too). */
export function countPairs(db: Db, orgId: string, rules: DuplicateRules): Promise<number> {
  return eachPairChunk(db, orgId, rules, async () => {});
}

/**
 * The pairs the rules would find now, all at once: for tests (which also choose a small partition, to compare the
 * partitioned passes with a single one).
 */
export async function findPairs(
  db: Db,
  orgId: string,
  rules: DuplicateRules,
  partitionFiles = PARTITION_FILES,
): Promise<Pair[]> {
  const pairs: Pair[] = [];
  await eachPairChunk(
    db,
    orgId,
    rules,
    async (chunk) => {
      pairs.push(...chunk);
    },
    partitionFiles,
  );
  return pairs;
}

/** The live files, a keyset page at a time. */
async function* livePages(db: Db, orgId: string) {
  let after: string | null = null;
  for (;;) {
    const page = await db
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
      .where(
        and(
          eq(beneficiaries.orgId, orgId),
          isNull(beneficiaries.mergedInto),
          isNull(beneficiaries.anonymisedAt),
          after ? gt(beneficiaries.id, after) : undefined,
        ),
      )
      .orderBy(asc(beneficiaries.id))
      .limit(PAGE);
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}

function keysOf(r: { nameNorm: string; mobile: string; mobile2: string | null }): string[] {
  const keys = new Set([`m:${r.mobile}`, `n:${anyOrderKey(r.nameNorm)}`]);
  if (r.mobile2) keys.add(`m:${r.mobile2}`);
  const words = nameWords(r.nameNorm);
  if (words.length > 1) keys.add(`f:${words[0]} ${words.at(-1)}`);
  return [...keys];
}

/** FNV-1a: which partition a block key falls in. */
function partitionOf(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % partitions;
}

/**
 * Finds the pairs in bounded memory and hands them over a chunk at a time. The block keys are split into
 * partitions of about PARTITION_FILES files; each partition is one streamed pass over the registry that keeps
 * only the files with a key in it, so what is held is one partition's blocks (plus the keys of the oversized
 * blocks seen so far, at most one per MAX_BLOCK files), never the registry. A pair that shares several keys is
 * counted once, in the first of its usable blocks in (partition, key) order, so no set of pairs is kept either.
 * Returns how many pairs were found.
 */
async function eachPairChunk(
  db: Db,
  orgId: string,
  rules: DuplicateRules,
  onChunk: (pairs: Pair[]) => Promise<void>,
  partitionFiles = PARTITION_FILES,
): Promise<number> {
  const [live] = await db
    .select({ n: count() })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.orgId, orgId), isNull(beneficiaries.mergedInto), isNull(beneficiaries.anonymisedAt)));
  const partitions = Math.max(1, Math.ceil(Number(live?.n ?? 0) / partitionFiles));
  const oversized = new Set<string>();
  let found = 0;
  for (let part = 0; part < partitions; part++) {
    const blocks = new Map<string, Candidate[]>();
    for await (const page of livePages(db, orgId)) {
      for (const r of page) {
        const keys = keysOf(r);
        const mine = keys.filter((k) => partitionOf(k, partitions) === part);
        if (mine.length === 0) continue;
        const c: Candidate = { ...r, mobiles: [r.mobile, ...(r.mobile2 ? [r.mobile2] : [])], keys };
        for (const k of mine) {
          const list = blocks.get(k);
          if (list) list.push(c);
          else blocks.set(k, [c]);
        }
      }
    }
    // Whether a block shared by a pair is compared: one of an earlier partition unless it was too large, one of
    // this partition if it is not too large; blocks of later partitions come after this one in the order.
    const usable = (key: string) => {
      const p = partitionOf(key, partitions);
      if (p < part) return !oversized.has(key);
      if (p > part) return false;
      return (blocks.get(key)?.length ?? 0) <= MAX_BLOCK;
    };
    const comesFirst = (a: Candidate, b: Candidate, key: string) => {
      for (const k of a.keys) {
        if (k === key || !b.keys.includes(k) || !usable(k)) continue;
        const p = partitionOf(k, partitions);
        if (p < part || (p === part && k < key)) return false;
      }
      return true;
    };
    let chunk: Pair[] = [];
    let compared = 0;
    for (const [key, list] of blocks) {
      if (list.length > MAX_BLOCK) continue;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (++compared % COMPARISONS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
          const [a, b] = list[i]!.id < list[j]!.id ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
          if (!comesFirst(a, b, key)) continue;
          const { score, reasons } = scorePair(a, b, rules.weights);
          if (score < rules.threshold) continue;
          found++;
          chunk.push({ aId: a.id, bId: b.id, score, reasons });
          if (chunk.length >= CHUNK) {
            await onChunk(chunk);
            chunk = [];
          }
        }
      }
    }
    if (chunk.length > 0) await onChunk(chunk);
    for (const [key, list] of blocks) if (list.length > MAX_BLOCK) oversized.add(key);
  }
  return found;
}
