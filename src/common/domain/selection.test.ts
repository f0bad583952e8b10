import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaSchema, DEFAULT_CRITERIA, type ScoringFacts, scoreApplication } from './selection';

const facts: ScoringFacts = {
  monthlyIncome: 3000,
  peopleAtHome: 6,
  householdSize: 6,
  anyDisability: true,
  oldestAge: 67,
  waterSource: 'tank',
  storageLitres: 600,
};

describe('selection score', () => {
  it('computes each line from the facts, with known answers', () => {
    const { score, lines } = scoreApplication(DEFAULT_CRITERIA, facts);
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l.points]));
    // income per person 500 of 1500 → 2/3 of 30 = 20
    expect(byKey.income_per_person).toBe(20);
    // 6 of 10 people → 0.6 of 15 = 9
    expect(byKey.household_size).toBe(9);
    expect(byKey.disability).toBe(15);
    expect(byKey.elderly).toBe(10);
    // tank deliveries 0.8 of 20 = 16
    expect(byKey.water_source).toBe(16);
    // 100 litres per person of 200 → 0.5 of 10 = 5
    expect(byKey.storage_per_person).toBe(5);
    expect(score).toBe(75);
  });

  it('stays within 0–100 and rises when income falls', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 20_000 }),
        (income, people, storage) => {
          const f = {
            ...facts,
            monthlyIncome: income,
            peopleAtHome: people,
            householdSize: people,
            storageLitres: storage,
          };
          const a = scoreApplication(DEFAULT_CRITERIA, f).score;
          const b = scoreApplication(DEFAULT_CRITERIA, { ...f, monthlyIncome: Math.max(0, income - 500) }).score;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(100);
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });

  it('accepts only criteria whose weights add up to 100, each key once', () => {
    expect(criteriaSchema.safeParse(DEFAULT_CRITERIA).success).toBe(true);
    expect(criteriaSchema.safeParse(DEFAULT_CRITERIA.slice(1)).success).toBe(false);
    expect(criteriaSchema.safeParse([...DEFAULT_CRITERIA, { key: 'disability', weight: 0 }]).success).toBe(false);
  });
});
