import { z } from 'zod';
import { withoutArticle } from '../arabic';

/** What the duplicate engine compares of a file. `nameNorm` is the normalised four-part name. */
export type DuplicateProbe = {
  nameNorm: string;
  birthDate: string;
  mobiles: string[];
  lat?: number | null;
  lng?: number | null;
};

export const DUPLICATE_RULES = [
  'same_mobile',
  'same_name_any_order',
  'same_first_and_family_name',
  'same_family_name',
  'same_birth_year',
  'birth_year_within_one',
  'near_location',
] as const;
export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

/** The weight of each rule; a pair whose rules add up to the threshold or more is suspected. */
export const DUPLICATE_WEIGHTS: Record<DuplicateRule, number> = {
  same_mobile: 40,
  same_name_any_order: 45,
  same_first_and_family_name: 25,
  same_family_name: 10,
  same_birth_year: 15,
  birth_year_within_one: 8,
  near_location: 10,
};
export const DUPLICATE_THRESHOLD = 50;
/** Two pins closer than this are the same home. */
const NEAR_METRES = 150;

/** The name's words without the definite article, for comparing in any order. */
export function nameWords(nameNorm: string): string[] {
  return nameNorm.split(' ').filter(Boolean).map(withoutArticle);
}

/** One key for a name however its words are ordered or written with "ال". */
export function anyOrderKey(nameNorm: string): string {
  return [...nameWords(nameNorm)].sort().join(' ');
}

function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Scores two files by the weighted rules; the name rules count once, the strongest that applies. */
export function scorePair(
  a: DuplicateProbe,
  b: DuplicateProbe,
  weights: Record<DuplicateRule, number> = DUPLICATE_WEIGHTS,
): { score: number; reasons: DuplicateRule[] } {
  const reasons: DuplicateRule[] = [];
  if (a.mobiles.some((m) => m && b.mobiles.includes(m))) reasons.push('same_mobile');
  const wa = nameWords(a.nameNorm);
  const wb = nameWords(b.nameNorm);
  if (wa.length > 0 && anyOrderKey(a.nameNorm) === anyOrderKey(b.nameNorm)) reasons.push('same_name_any_order');
  else if (wa.length > 1 && wa[0] === wb[0] && wa.at(-1) === wb.at(-1)) reasons.push('same_first_and_family_name');
  else if (wa.length > 1 && wa.at(-1) === wb.at(-1)) reasons.push('same_family_name');
  const years = Math.abs(Number(a.birthDate.slice(0, 4)) - Number(b.birthDate.slice(0, 4)));
  if (years === 0) reasons.push('same_birth_year');
  else if (years === 1) reasons.push('birth_year_within_one');
  if (
    a.lat != null &&
    a.lng != null &&
    b.lat != null &&
    b.lng != null &&
    metresBetween({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng }) < NEAR_METRES
  ) {
    reasons.push('near_location');
  }
  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + weights[r], 0),
  );
  return { score, reasons };
}

/** The tuned rules: each weight 0–100 (0 switches a rule off), the threshold 10–100. */
export const duplicateRulesSchema = z.strictObject({
  weights: z.strictObject(
    Object.fromEntries(DUPLICATE_RULES.map((r) => [r, z.number().int().min(0).max(100)])) as Record<
      DuplicateRule,
      z.ZodNumber
    >,
  ),
  threshold: z.number().int().min(10).max(100),
});
export type DuplicateRules = z.infer<typeof duplicateRulesSchema>;
export const DEFAULT_DUPLICATE_RULES: DuplicateRules = { weights: DUPLICATE_WEIGHTS, threshold: DUPLICATE_THRESHOLD };
