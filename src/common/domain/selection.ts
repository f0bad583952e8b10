import { z } from 'zod';
import { WATER_SOURCES } from './beneficiary';

/** One criterion of the selection mechanism (آلية اختيار المستفيدين); each yields a value in [0, 1]. */
export const criterionSchema = z.discriminatedUnion('key', [
  /** Lower monthly income per person scores higher; at or above `threshold` SAR it scores 0. */
  z.strictObject({
    key: z.literal('income_per_person'),
    weight: z.number().min(0).max(100),
    threshold: z.number().int().min(1),
  }),
  /** Larger households score higher, up to `max` people. */
  z.strictObject({
    key: z.literal('household_size'),
    weight: z.number().min(0).max(100),
    max: z.number().int().min(1).max(60),
  }),
  /** Anyone in the household (or the head) with a disability. */
  z.strictObject({ key: z.literal('disability'), weight: z.number().min(0).max(100) }),
  /** Anyone in the household (or the head) aged `age` or over. */
  z.strictObject({
    key: z.literal('elderly'),
    weight: z.number().min(0).max(100),
    age: z.number().int().min(40).max(100),
  }),
  /** How badly the home's water source serves it. */
  z.strictObject({
    key: z.literal('water_source'),
    weight: z.number().min(0).max(100),
    values: z.strictObject(
      Object.fromEntries(WATER_SOURCES.map((s) => [s, z.number().min(0).max(1)])) as Record<
        (typeof WATER_SOURCES)[number],
        z.ZodNumber
      >,
    ),
  }),
  /** Less storage per person scores higher; at or above `threshold` litres per person it scores 0. */
  z.strictObject({
    key: z.literal('storage_per_person'),
    weight: z.number().min(0).max(100),
    threshold: z.number().int().min(1),
  }),
]);
export type Criterion = z.infer<typeof criterionSchema>;

export const criteriaSchema = z
  .array(criterionSchema)
  .min(1)
  .max(12)
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, { message: 'field.criteria_duplicate' })
  .refine((list) => Math.abs(list.reduce((sum, c) => sum + c.weight, 0) - 100) < 1e-9, {
    message: 'field.criteria_weights',
  });

export const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'income_per_person', weight: 30, threshold: 1500 },
  { key: 'household_size', weight: 15, max: 10 },
  { key: 'disability', weight: 15 },
  { key: 'elderly', weight: 10, age: 60 },
  { key: 'water_source', weight: 20, values: { none: 1, tank: 0.8, well: 0.5, network: 0.1 } },
  { key: 'storage_per_person', weight: 10, threshold: 200 },
];

export type ScoringFacts = {
  monthlyIncome: number;
  peopleAtHome: number;
  householdSize: number;
  /** "People at home" as staff confirmed it against a different household list; it then decides the count. */
  confirmedPeople?: number | null;
  anyDisability: boolean;
  oldestAge: number;
  waterSource: (typeof WATER_SOURCES)[number];
  storageLitres: number;
};

export type ScoreLine = { key: Criterion['key']; weight: number; value: number; points: number; detail: string };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

/** The priority score (0–100) and the line-by-line explanation the committee sees. Pure: no I/O. */
export function scoreApplication(criteria: Criterion[], facts: ScoringFacts): { score: number; lines: ScoreLine[] } {
  const people = Math.max(1, facts.confirmedPeople ?? Math.max(facts.peopleAtHome, facts.householdSize));
  const lines = criteria.map((c): ScoreLine => {
    let value: number;
    let detail: string;
    switch (c.key) {
      case 'income_per_person': {
        const perPerson = facts.monthlyIncome / people;
        value = clamp01(1 - perPerson / c.threshold);
        detail = `${round(perPerson)}/${c.threshold}`;
        break;
      }
      case 'household_size':
        value = clamp01(people / c.max);
        detail = `${people}/${c.max}`;
        break;
      case 'disability':
        value = facts.anyDisability ? 1 : 0;
        detail = facts.anyDisability ? 'yes' : 'no';
        break;
      case 'elderly':
        value = facts.oldestAge >= c.age ? 1 : 0;
        detail = `${facts.oldestAge}/${c.age}`;
        break;
      case 'water_source':
        value = c.values[facts.waterSource];
        detail = facts.waterSource;
        break;
      case 'storage_per_person': {
        const perPerson = facts.storageLitres / people;
        value = clamp01(1 - perPerson / c.threshold);
        detail = `${round(perPerson)}/${c.threshold}`;
        break;
      }
    }
    return { key: c.key, weight: c.weight, value: round(value, 4), points: round(c.weight * value), detail };
  });
  return { score: round(lines.reduce((sum, l) => sum + l.points, 0)), lines };
}
