import { normalizeArabic } from '../src/common/arabic';
import { makeNationalId } from '../src/common/saudi';
import type { Db } from '../src/server/db/client';
import { applicationServices, applications, beneficiaries, householdMembers } from '../src/server/db/tables/index';

/** Deterministic PRNG (mulberry32): the same seed gives the same data on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

// Varied spellings on purpose (hamza forms, taa marbuta, spaced and joined عبد), as people really type them.
const FIRST = [
  'محمد',
  'أحمد',
  'احمد',
  'عبدالله',
  'عبد الله',
  'خالد',
  'فهد',
  'سعد',
  'إبراهيم',
  'ابراهيم',
  'فاطمة',
  'فاطمه',
  'نورة',
  'نوره',
  'سارة',
  'منيرة',
  'هيا',
  'عائشة',
  'مريم',
  'سلطان',
  'ناصر',
  'تركي',
  'عبدالرحمن',
  'عبد الرحمن',
  'يوسف',
  'علي',
  'عمر',
  'ليلى',
  'أسماء',
  'اسماء',
];
const FAMILY = [
  'العتيبي',
  'الحربي',
  'المطيري',
  'القحطاني',
  'الدوسري',
  'الشمري',
  'الرشيدي',
  'السبيعي',
  'الزهراني',
  'الغامدي',
  'العنزي',
  'الشهري',
  'البقمي',
  'السهلي',
  'الخالدي',
  'الجهني',
  'المالكي',
  'الحارثي',
  'الشهراني',
  'الظفيري',
];
const DISTRICTS = [
  'حي الروضة',
  'حي النخيل',
  'حي الصفا',
  'قرية الشقة',
  'قرية الخبيب',
  'حي الملك فهد',
  'حي الريان',
  'قرية البدائع',
  'حي الفيصلية',
  'قرية المريدسية',
];
const SOURCES = ['network', 'tank', 'well', 'none'] as const;
const STAGES = [
  'draft',
  'submitted',
  'verifying',
  'referred',
  'returned',
  'declared',
  'in_committee',
  'withdrawn',
] as const;

export type BenchData = { nationalIds: string[]; mobiles: string[]; beneficiaryIds: string[] };

/**
 * Bulk-loads `count` beneficiaries (with households) and 1.5 applications per beneficiary across stages.
 * Rows go in batches of 500 through the same Drizzle schema the app uses, on either database.
 */
export async function loadBenchData(
  db: Db,
  orgId: string,
  branchIds: string[],
  serviceIds: string[],
  count: number,
  seed = 42,
): Promise<BenchData> {
  const r = prng(seed);
  const out: BenchData = { nationalIds: [], mobiles: [], beneficiaryIds: [] };
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows: (typeof beneficiaries.$inferInsert)[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const nationalId = makeNationalId(`${i % 7 === 0 ? 2 : 1}${String(10_000_000 + i).slice(-8)}`);
      const mobile = `+96650${String(1_000_000 + i * 7)
        .padStart(7, '0')
        .slice(-7)}`;
      const [first, father, grand, family] = [r.pick(FIRST), r.pick(FIRST), r.pick(FIRST), r.pick(FAMILY)];
      const district = r.pick(DISTRICTS);
      rows.push({
        orgId,
        branchId: branchIds[i % branchIds.length]!,
        fileNumber: `2026-${String(i + 1).padStart(6, '0')}`,
        nationalId,
        firstName: first,
        fatherName: father,
        grandfatherName: grand,
        familyName: family,
        nameNorm: normalizeArabic(`${first} ${father} ${grand} ${family}`),
        gender: r.next() < 0.7 ? 'male' : 'female',
        birthDate: `${r.int(1945, 2000)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
        mobile,
        district,
        districtNorm: normalizeArabic(district),
        lat: 26 + r.next(),
        lng: 43 + r.next(),
        monthlyIncome: r.int(0, 12_000),
        housing: r.pick(['owned', 'rented', 'family', 'charity']),
        familyStatus: r.pick(['married', 'single', 'divorced', 'widowed']),
        disability: r.next() < 0.08,
        waterSource: r.pick(SOURCES),
        storageLitres: r.int(0, 5000),
        peopleAtHome: r.int(1, 12),
        status: r.next() < 0.6 ? 'active' : 'applicant',
        reverifyDue: `2027-${String(r.int(1, 12)).padStart(2, '0')}-15`,
      });
      out.nationalIds.push(nationalId);
      out.mobiles.push(mobile);
    }
    const inserted = await db
      .insert(beneficiaries)
      .values(rows)
      .returning({ id: beneficiaries.id, branchId: beneficiaries.branchId });
    out.beneficiaryIds.push(...inserted.map((b) => b.id));
    const members = inserted.flatMap((b) =>
      Array.from({ length: r.int(0, 4) }, (_, position) => ({
        orgId,
        beneficiaryId: b.id,
        name: r.pick(FIRST),
        relation: r.pick(['spouse', 'son', 'daughter', 'mother']),
        birthDate: `${r.int(1950, 2022)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        disability: r.next() < 0.05,
        position,
      })),
    );
    if (members.length) await db.insert(householdMembers).values(members);
    const apps = inserted.flatMap((b, k) =>
      Array.from({ length: (start + k) % 2 === 0 ? 2 : 1 }, (_, j) => ({
        orgId,
        beneficiaryId: b.id,
        branchId: b.branchId,
        reference: `APP-2026-${String(start + k).padStart(6, '0')}-${j}`,
        channel: r.pick(['meeting', 'phone', 'website', 'branch_rep']),
        stage: r.pick(STAGES),
        stageChangedAt: new Date(Date.UTC(2026, r.int(0, 10), r.int(1, 28))),
      })),
    );
    const insertedApps = await db.insert(applications).values(apps).returning({ id: applications.id });
    await db
      .insert(applicationServices)
      .values(insertedApps.map((a) => ({ applicationId: a.id, serviceId: r.pick(serviceIds) })));
  }
  return out;
}
