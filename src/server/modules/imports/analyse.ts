import { normalizeArabic } from '../../../common/arabic';
import {
  type CreateBeneficiaryInput,
  createBeneficiaryInput,
  householdMemberInput,
} from '../../../common/domain/beneficiary';
import { DUPLICATE_THRESHOLD, type DuplicateProbe, scorePair } from '../../../common/domain/duplicates';
import type { ImportDefaults, ImportField, ImportMapping, RowReport } from '../../../common/domain/registry-import';
import { type Lang, translate } from '../../http/i18n';
import {
  cellText,
  digitsOf,
  parseCount,
  parseDate,
  parseFamilyStatus,
  parseGender,
  parseHousing,
  parseMobile,
  parseRelation,
  splitFullName,
} from './normalize';
import type { Cell, Sheet } from './read-sheet';

/** A registry file the rows are compared with. */
export type RegistryMatch = DuplicateProbe & { nationalId: string; fileNumber: string };
/** Looks up, for a batch of rows, the registry files with one of these national IDs, mobiles or names. */
export type RegistryLookup = (probe: {
  nationalIds: string[];
  mobiles: string[];
  nameNorms: string[];
}) => Promise<RegistryMatch[]>;

export type AnalysedHead = {
  line: number;
  report: RowReport;
  input: CreateBeneficiaryInput | null;
};
export type Analysis = {
  reports: RowReport[];
  /**
   * Valid head rows, once per national ID, in sheet order, with their household members attached. Depends on the
   * file alone (not on the registry), so a resumed import finds its place by position; those whose national ID
   * has a file by then are skipped when applied.
   */
  heads: AnalysedHead[];
  counts: { rows: number; valid: number; invalid: number; duplicates: number };
};

const BATCH = 500;
type Issue = RowReport['issues'][number];

function reader(mapping: ImportMapping, headers: string[]) {
  const index = new Map<ImportField, number>();
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    const i = headers.indexOf(header);
    if (i >= 0) index.set(field, i);
  }
  return {
    has: (field: ImportField) => index.has(field),
    cell: (cells: Cell[], field: ImportField): Cell => {
      const i = index.get(field);
      return i === undefined ? null : (cells[i] ?? null);
    },
    column: (field: ImportField) => mapping[field] ?? null,
  };
}

/** The field of the registration form an issue belongs to, and the sheet column that holds it. */
function columnOf(path: PropertyKey[], r: ReturnType<typeof reader>): { field: string; column: string | null } {
  const top = String(path[0] ?? '');
  const names = ['firstName', 'fatherName', 'grandfatherName', 'familyName'];
  if (names.includes(top) && !r.has(top as ImportField)) return { field: top, column: r.column('fullName') };
  if (top === 'birthDate') {
    const col = r.column('birthDate') ?? r.column('birthDateHijri') ?? r.column('birthDateGregorian');
    return { field: top, column: col };
  }
  if (top === 'location') return { field: top, column: r.column('lat') };
  if (top === 'water') return { field: 'householdSize', column: r.column('householdSize') };
  return { field: top, column: r.column(top as ImportField) };
}

function issue(lang: Lang, field: string, column: string | null, code: string, vars: Record<string, unknown> = {}) {
  return { field, column, code, message: translate(lang, code, vars) };
}

/**
 * Reads every row the way the registration form would: values normalised as people type them, then checked by
 * the form's own schema and messages. Head rows are compared with each other (national ID) and with the registry
 * (national ID: a duplicate, never created twice; mobile or name: suspected, created and queued for review).
 * Member rows (naming their head's national ID) join their head's household.
 */
export async function analyseSheet(
  sheet: Sheet,
  mapping: ImportMapping,
  defaults: ImportDefaults,
  branchId: string,
  lookup: RegistryLookup,
  lang: Lang,
): Promise<Analysis> {
  const r = reader(mapping, sheet.headers);
  const reports: RowReport[] = [];
  const heads: AnalysedHead[] = [];
  const headByNationalId = new Map<string, AnalysedHead>();
  const members: {
    line: number;
    head: string;
    member: CreateBeneficiaryInput['household'][number];
    report: RowReport;
  }[] = [];

  for (const { line, cells } of sheet.rows) {
    const nationalId = digitsOf(r.cell(cells, 'nationalId'));
    const headId = digitsOf(r.cell(cells, 'headNationalId'));
    const fullName = cellText(r.cell(cells, 'fullName'));
    const parts = r.has('firstName')
      ? ([
          cellText(r.cell(cells, 'firstName')),
          cellText(r.cell(cells, 'fatherName')),
          cellText(r.cell(cells, 'grandfatherName')),
          cellText(r.cell(cells, 'familyName')),
        ] as const)
      : null;
    const displayName = parts ? parts.filter(Boolean).join(' ') : fullName;
    const issues: Issue[] = [];
    const report: RowReport = {
      row: line,
      kind: headId && headId !== nationalId ? 'member' : 'head',
      status: 'valid',
      nationalId: nationalId || null,
      name: displayName || null,
      issues,
      duplicateOf: null,
    };
    reports.push(report);

    const birthCell = r.has('birthDateHijri')
      ? ([r.cell(cells, 'birthDateHijri'), 'hijri'] as const)
      : r.has('birthDateGregorian')
        ? ([r.cell(cells, 'birthDateGregorian'), 'gregorian'] as const)
        : ([r.cell(cells, 'birthDate'), null] as const);
    const birthDate = parseDate(birthCell[0], birthCell[1]);
    const birthColumn = columnOf(['birthDate'], r).column;

    if (report.kind === 'member') {
      const parsed = householdMemberInput.safeParse({
        name: displayName,
        relation: parseRelation(r.cell(cells, 'relation')) ?? 'other',
        birthDate: birthDate ?? '',
        disability: false,
      });
      if (!birthDate) {
        issues.push(issue(lang, 'birthDate', birthColumn, cellText(birthCell[0]) ? 'field.date' : 'field.required'));
      }
      if (!parsed.success) {
        for (const i of parsed.error.issues) {
          const field = String(i.path[0] ?? '');
          if (field === 'birthDate') continue;
          issues.push(issue(lang, field, field === 'name' ? r.column('fullName') : r.column('relation'), codeOf(i)));
        }
      }
      if (issues.length > 0) report.status = 'invalid';
      else if (parsed.success) members.push({ line, head: headId, member: parsed.data, report });
      continue;
    }

    const split = parts ?? splitFullName(fullName);
    if (!parts && !split) issues.push(issue(lang, 'fullName', r.column('fullName'), 'import.name_parts'));
    const gender = parseGender(r.cell(cells, 'gender')) ?? defaults.gender;
    if (!birthDate) {
      issues.push(issue(lang, 'birthDate', birthColumn, cellText(birthCell[0]) ? 'field.date' : 'field.required'));
    }
    const mobileCell = r.cell(cells, 'mobile');
    const mobile2Cell = r.cell(cells, 'mobile2');
    const lat = parseCount(r.cell(cells, 'lat'));
    const lng = parseCount(r.cell(cells, 'lng'));
    const income = parseCount(r.cell(cells, 'monthlyIncome'));
    const size = parseCount(r.cell(cells, 'householdSize'));
    const candidate = {
      nationalId,
      firstName: split?.[0] ?? '',
      fatherName: split?.[1] ?? '',
      grandfatherName: split?.[2] ?? '',
      familyName: split?.[3] ?? '',
      gender: gender ?? '',
      birthDate: { calendar: 'gregorian', date: birthDate ?? '0000-00-00' },
      mobile: parseMobile(mobileCell) ?? digitsOf(mobileCell),
      mobile2: cellText(mobile2Cell) ? (parseMobile(mobile2Cell) ?? digitsOf(mobile2Cell)) : null,
      district: cellText(r.cell(cells, 'district')),
      location: lat !== null && lng !== null ? { lat, lng } : null,
      branchId,
      household: [],
      monthlyIncome: income ?? defaults.monthlyIncome,
      housing: parseHousing(r.cell(cells, 'housing')) ?? defaults.housing,
      familyStatus: parseFamilyStatus(r.cell(cells, 'familyStatus')) ?? defaults.familyStatus,
      disability: false,
      water: { source: defaults.waterSource, storageLitres: 0, peopleAtHome: size ?? 1 },
      consent: { accepted: true, channel: 'meeting' },
    };
    const parsed = createBeneficiaryInput.safeParse(candidate);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const { field, column } = columnOf(i.path, r);
        if (field === 'birthDate' && !birthDate) continue;
        if (!parts && !split && ['firstName', 'fatherName', 'grandfatherName', 'familyName'].includes(field)) continue;
        issues.push(issue(lang, field, column, codeOf(i)));
      }
    }
    const head: AnalysedHead = { line, report, input: parsed.success ? parsed.data : null };
    if (issues.length > 0) {
      report.status = 'invalid';
      continue;
    }
    const earlier = headByNationalId.get(parsed.data!.nationalId);
    if (earlier) {
      report.status = 'duplicate';
      report.duplicateOf = { row: earlier.line, fileNumber: null, score: null };
      continue;
    }
    headByNationalId.set(parsed.data!.nationalId, head);
    heads.push(head);
  }

  // Members join their head (a valid head row of this file); otherwise the row is invalid.
  for (const m of members) {
    const head = headByNationalId.get(m.head);
    if (!head?.input) {
      m.report.status = 'invalid';
      m.report.issues.push(issue(lang, 'headNationalId', r.column('headNationalId'), 'import.head_not_in_file'));
      continue;
    }
    if (head.input.household.length >= 30) {
      m.report.status = 'invalid';
      m.report.issues.push(issue(lang, 'headNationalId', r.column('headNationalId'), 'import.household_too_large'));
      continue;
    }
    head.input.household.push(m.member);
  }
  for (const head of heads) {
    const input = head.input!;
    // Without a household-size column, the people at home are the head and the members listed.
    if (!r.has('householdSize')) input.water.peopleAtHome = Math.min(60, input.household.length + 1);
  }

  await compareWithRegistry(heads, lookup);
  const count = (s: RowReport['status']) => reports.filter((x) => x.status === s).length;
  return {
    reports,
    heads,
    counts: {
      rows: reports.length,
      valid: count('valid') + count('suspected'),
      invalid: count('invalid'),
      duplicates: count('duplicate'),
    },
  };
}

function codeOf(i: { code: string; message: string }): string {
  if (i.message.startsWith('field.')) return i.message;
  return `field.${i.code}`;
}

async function compareWithRegistry(heads: AnalysedHead[], lookup: RegistryLookup): Promise<void> {
  for (let start = 0; start < heads.length; start += BATCH) {
    const batch = heads.slice(start, start + BATCH);
    const probes = batch.map((h) => {
      const input = h.input!;
      const nameNorm = normalizeArabic(
        [input.firstName, input.fatherName, input.grandfatherName, input.familyName].join(' '),
      );
      return {
        head: h,
        probe: {
          nameNorm,
          birthDate: input.birthDate.date,
          mobiles: [input.mobile, ...(input.mobile2 ? [input.mobile2] : [])],
          lat: input.location?.lat ?? null,
          lng: input.location?.lng ?? null,
        } satisfies DuplicateProbe,
      };
    });
    const matches = await lookup({
      nationalIds: batch.map((h) => h.input!.nationalId),
      mobiles: probes.flatMap((p) => p.probe.mobiles),
      nameNorms: probes.map((p) => p.probe.nameNorm),
    });
    const byId = new Map(matches.map((m) => [m.nationalId, m]));
    for (const { head, probe } of probes) {
      const same = byId.get(head.input!.nationalId);
      if (same) {
        head.report.status = 'duplicate';
        head.report.duplicateOf = { row: null, fileNumber: same.fileNumber, score: 100 };
        continue;
      }
      let best: { m: RegistryMatch; score: number } | null = null;
      for (const m of matches) {
        const { score } = scorePair(probe, m);
        if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { m, score };
      }
      if (best) {
        head.report.status = 'suspected';
        head.report.duplicateOf = { row: null, fileNumber: best.m.fileNumber, score: best.score };
      }
    }
  }
}
