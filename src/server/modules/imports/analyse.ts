import { normalizeArabic } from '../../../common/arabic';
import {
  type CreateBeneficiaryInput,
  createBeneficiaryInput,
  householdMemberInput,
} from '../../../common/domain/beneficiary';
import { type DuplicateProbe, type DuplicateRules, scorePair } from '../../../common/domain/duplicates';
import {
  IMPORT_FIELDS,
  type ImportDefaults,
  type ImportField,
  type ImportMapping,
  type RowReport,
} from '../../../common/domain/registry-import';
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
import type { Cell, SheetReader } from './read-sheet';

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
  /** An invalid head row kept for correction: its cells as read, by import field. */
  values?: RowValues;
};
/** A row's cells as text, by the import field they were mapped to (only the mapped fields). */
export type RowValues = Partial<Record<ImportField, string>>;
/** The fields a row kept for correction holds: a member's link to its head is not part of a file. */
export const CORRECTION_FIELDS = IMPORT_FIELDS.filter((f) => f !== 'headNationalId' && f !== 'relation');
export type Analysis = {
  /** The rows that are not simply valid, in sheet order, up to `reportLimit`. */
  reports: RowReport[];
  /** Valid head rows, once per national ID: the files the import would create. */
  heads: number;
  suspected: number;
  counts: { rows: number; valid: number; invalid: number; duplicates: number };
};
type Member = { line: number; head: string; member: CreateBeneficiaryInput['household'][number]; report: RowReport };
type RowResult = { report: RowReport; input: CreateBeneficiaryInput | null; member: Member | null };

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

/**
 * The cells of a head row as text, to keep it for correction. A date cell keeps its Gregorian reading marked
 * with "م", so it is read the same way again whatever the column's calendar.
 */
function valuesOf(r: ReturnType<typeof reader>, cells: Cell[]): RowValues {
  const values: RowValues = {};
  for (const field of CORRECTION_FIELDS) {
    if (!r.has(field)) continue;
    const cell = r.cell(cells, field);
    values[field] = cell instanceof Date ? `${cellText(cell)}م` : cellText(cell);
  }
  return values;
}

/**
 * Reads corrected values of a kept row with the import's own rules (each field its own column), so a kept row
 * becomes a file only when it would have been imported as it now reads.
 */
export function readCorrection(
  values: RowValues,
  defaults: ImportDefaults,
  branchId: string,
  lang: Lang,
): { report: RowReport; input: CreateBeneficiaryInput | null } {
  const fields = (Object.keys(values) as ImportField[]).filter((f) =>
    (CORRECTION_FIELDS as readonly ImportField[]).includes(f),
  );
  const mapping = Object.fromEntries(fields.map((f) => [f, f])) as ImportMapping;
  const cells = fields.map((f) => (values[f]?.trim() ? values[f]!.trim() : null));
  const { report, input } = readRow(reader(mapping, fields), 0, cells, defaults, branchId, lang);
  if (input && !fields.includes('householdSize')) input.water.peopleAtHome = 1;
  return { report, input };
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
 * Reads one row the way the registration form would: values normalised as people type them, then checked by the
 * form's own schema and messages. A row naming another head's national ID is a household member.
 */
function readRow(
  r: ReturnType<typeof reader>,
  line: number,
  cells: Cell[],
  defaults: ImportDefaults,
  branchId: string,
  lang: Lang,
): RowResult {
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
    if (issues.length > 0 || !parsed.success) {
      report.status = 'invalid';
      return { report, input: null, member: null };
    }
    return { report, input: null, member: { line, head: headId, member: parsed.data, report } };
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
  if (issues.length > 0 || !parsed.success) {
    report.status = 'invalid';
    return { report, input: null, member: null };
  }
  return { report, input: parsed.data, member: null };
}

/** Decides, once every row has been read, whether a member's head is a valid head row of the file. */
function placeMember(
  m: Member,
  validHeads: Set<string>,
  household: Map<string, number>,
  r: ReturnType<typeof reader>,
  lang: Lang,
): boolean {
  if (!validHeads.has(m.head)) {
    m.report.status = 'invalid';
    m.report.issues.push(issue(lang, 'headNationalId', r.column('headNationalId'), 'import.head_not_in_file'));
    return false;
  }
  const size = household.get(m.head) ?? 0;
  if (size >= 30) {
    m.report.status = 'invalid';
    m.report.issues.push(issue(lang, 'headNationalId', r.column('headNationalId'), 'import.household_too_large'));
    return false;
  }
  household.set(m.head, size + 1);
  return true;
}

/**
 * The dry run over a streamed sheet: every row read as the registration form would; head rows compared with each
 * other (national ID) and, a batch at a time, with the registry (national ID: a duplicate, never created twice;
 * mobile or name: suspected, created and queued for review); member rows joined to their head. What is held
 * while reading is the national IDs seen, the member rows and the report of the rows that are not simply valid
 * (up to `reportLimit`), not the sheet.
 */
export async function analyseSheet(
  sheet: SheetReader,
  mapping: ImportMapping,
  defaults: ImportDefaults,
  branchId: string,
  lookup: RegistryLookup,
  rules: DuplicateRules,
  lang: Lang,
  reportLimit: number,
): Promise<Analysis> {
  const r = reader(mapping, sheet.headers);
  const reports: RowReport[] = [];
  const counts = { rows: 0, valid: 0, invalid: 0, duplicates: 0 };
  let suspected = 0;
  let heads = 0;
  const seen = new Map<string, number>();
  const members: Member[] = [];
  let pending: AnalysedHead[] = [];
  const settle = (report: RowReport) => {
    if (report.status === 'invalid') counts.invalid++;
    else if (report.status === 'duplicate') counts.duplicates++;
    else counts.valid++;
    if (report.status === 'suspected') suspected++;
    if (report.status !== 'valid' && reports.length < reportLimit) reports.push(report);
  };
  const flush = async () => {
    await compareWithRegistry(pending, lookup, rules);
    for (const h of pending) settle(h.report);
    pending = [];
  };

  for await (const { line, cells } of sheet.rows()) {
    counts.rows++;
    const { report, input, member } = readRow(r, line, cells, defaults, branchId, lang);
    if (member) {
      members.push(member);
      continue;
    }
    if (!input) {
      settle(report);
      continue;
    }
    const earlier = seen.get(input.nationalId);
    if (earlier !== undefined) {
      report.status = 'duplicate';
      report.duplicateOf = { row: earlier, fileNumber: null, score: null };
      settle(report);
      continue;
    }
    seen.set(input.nationalId, line);
    heads++;
    pending.push({ line, report, input });
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  const household = new Map<string, number>();
  const validHeads = new Set(seen.keys());
  for (const m of members) {
    placeMember(m, validHeads, household, r, lang);
    settle(m.report);
  }
  reports.sort((x, y) => x.row - y.row);
  return { reports, heads, suspected, counts };
}

/**
 * The files to create, in sheet order, with their household members attached: valid head rows, once per national
 * ID. Depends on the file alone (not on the registry), so a resumed import finds its place by position; those
 * whose national ID has a file by then are skipped when applied. Two streamed passes: the member rows first, then
 * the heads as they come.
 */
export async function* headsOf(
  sheet: SheetReader,
  mapping: ImportMapping,
  defaults: ImportDefaults,
  branchId: string,
  lang: Lang,
  keepInvalid = false,
): AsyncGenerator<AnalysedHead> {
  const r = reader(mapping, sheet.headers);
  const members: Member[] = [];
  const validHeads = new Set<string>();
  for await (const { line, cells } of sheet.rows()) {
    const { input, member } = readRow(r, line, cells, defaults, branchId, lang);
    if (member) members.push(member);
    else if (input) validHeads.add(input.nationalId);
  }
  const household = new Map<string, CreateBeneficiaryInput['household']>();
  const sizes = new Map<string, number>();
  for (const m of members) {
    if (!placeMember(m, validHeads, sizes, r, lang)) continue;
    const list = household.get(m.head);
    if (list) list.push(m.member);
    else household.set(m.head, [m.member]);
  }
  members.length = 0;
  const seen = new Set<string>();
  for await (const { line, cells } of sheet.rows()) {
    const { report, input } = readRow(r, line, cells, defaults, branchId, lang);
    // An invalid head row, when the user chose to keep such rows, is yielded in its place for correction.
    if (!input && keepInvalid && report.kind === 'head')
      yield { line, report, input: null, values: valuesOf(r, cells) };
    if (!input || seen.has(input.nationalId)) continue;
    seen.add(input.nationalId);
    input.household = household.get(input.nationalId) ?? [];
    household.delete(input.nationalId);
    // Without a household-size column, the people at home are the head and the members listed.
    if (!r.has('householdSize')) input.water.peopleAtHome = Math.min(60, input.household.length + 1);
    yield { line, report, input };
  }
}

function codeOf(i: { code: string; message: string }): string {
  if (i.message.startsWith('field.')) return i.message;
  return `field.${i.code}`;
}

async function compareWithRegistry(heads: AnalysedHead[], lookup: RegistryLookup, rules: DuplicateRules) {
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
        const { score } = scorePair(probe, m, rules.weights);
        if (score >= rules.threshold && (!best || score > best.score)) best = { m, score };
      }
      if (best) {
        head.report.status = 'suspected';
        head.report.duplicateOf = { row: null, fileNumber: best.m.fileNumber, score: best.score };
      }
    }
  }
}
