import applyStrings from 'virtual:portal-strings/apply';
import { WATER_PROBLEM_MAX } from '../../../common/input';
import type { PortalInfo, RequiredDocument } from '../data';
import { addStrings, type Key, t } from '../i18n';
import {
  clean,
  type DateValue,
  dateIso,
  dateProblem,
  dateText,
  type Errors,
  emptyDate,
  idDigits,
  localMobile,
  mobileProblem,
  nationalIdProblem,
  sameName,
  textProblem,
  wholeNumber,
} from '../validate';

addStrings({ apply: applyStrings });

/** The application wizard's steps on a phone: one question, or one small group, each. */
export const STEPS = [
  'services',
  'identity',
  'name',
  'birth',
  'mobile',
  'address',
  'family',
  'income',
  'water',
  'consent',
  'declaration',
  'send',
  'code',
] as const;
export type StepId = (typeof STEPS)[number];

export const STEP_TITLES: Record<StepId, Key> = {
  services: 'apply.services.title',
  identity: 'apply.identity.title',
  name: 'apply.name.title',
  birth: 'apply.birth.title',
  mobile: 'apply.mobile.title',
  address: 'apply.address.title',
  family: 'apply.family.title',
  income: 'apply.income.title',
  water: 'apply.water.title',
  consent: 'apply.consent.title',
  declaration: 'apply.declaration.title',
  send: 'apply.send.title',
  code: 'apply.code.title',
};

export const RELATIONS = ['spouse', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'other'] as const;
export const HOUSING = ['owned', 'rented', 'family', 'charity', 'other'] as const;
export const FAMILY_STATUSES = ['married', 'single', 'divorced', 'widowed'] as const;
export const WATER_SOURCES = ['network', 'tank', 'well', 'none'] as const;

export type Member = { id: string; name: string; relation: string; birth: DateValue; disability: boolean };

/** Everything typed so far, as typed (strings), so a restored draft shows exactly what the person wrote. */
export type ApplyData = {
  serviceIds: string[];
  nationalId: string;
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  gender: string;
  birth: DateValue;
  mobile: string;
  mobile2: string;
  district: string;
  branchId: string;
  location: { lat: number; lng: number } | null;
  familyStatus: string;
  disability: string;
  household: Member[];
  monthlyIncome: string;
  housing: string;
  waterSource: string;
  storageLitres: string;
  peopleAtHome: string;
  waterProblem: string;
  consent: boolean;
  typedName: string;
};

/** What is kept on the device between visits: the answers and where the person was — never the code. */
export type Draft = {
  step: StepId;
  data: ApplyData;
  /** The number a code was last sent to, and when, so a reload can go straight back to typing it. */
  codeSentTo?: string;
  codeSentAt?: number;
  /** After a change made from the summary (or asked for by the server), "Next" goes back there. */
  returnTo?: StepId;
};

export const emptyData = (): ApplyData => ({
  serviceIds: [],
  nationalId: '',
  firstName: '',
  fatherName: '',
  grandfatherName: '',
  familyName: '',
  gender: '',
  birth: emptyDate('hijri'),
  mobile: '',
  mobile2: '',
  district: '',
  branchId: '',
  location: null,
  familyStatus: '',
  disability: '',
  household: [],
  monthlyIncome: '',
  housing: '',
  waterSource: '',
  storageLitres: '',
  peopleAtHome: '',
  waterProblem: '',
  consent: false,
  typedName: '',
});

/** A stored draft, if it still has the shape this version of the portal writes. */
export function restoreDraft(stored: Draft | null): Draft | null {
  if (!stored || typeof stored !== 'object' || !STEPS.includes(stored.step)) return null;
  if (typeof stored.data !== 'object' || stored.data === null) return null;
  const data = { ...emptyData(), ...stored.data };
  if (!Array.isArray(data.serviceIds) || !Array.isArray(data.household)) return null;
  return { ...stored, data };
}

export function hasAnswers(data: ApplyData): boolean {
  return data.serviceIds.length > 0 || data.nationalId.trim() !== '' || data.firstName.trim() !== '';
}

export function fullName(d: ApplyData): string {
  return [d.firstName, d.fatherName, d.grandfatherName, d.familyName].map((part) => part.trim()).join(' ');
}

function message(key: Key, vars?: Record<string, string | number>): string {
  return t(key, vars);
}

/** The problems on one step, keyed by field name, in the order the fields appear. */
export function validateStep(step: StepId, d: ApplyData, info: PortalInfo, code = ''): Errors {
  const errors: Errors = {};
  const check = (field: string, problem: Key | null, vars?: Record<string, string | number>) => {
    if (problem && !errors[field]) errors[field] = message(problem, vars);
  };
  const choose = (field: string, value: string) => check(field, value ? null : 'errors.choose');
  switch (step) {
    case 'services':
      check('serviceIds', d.serviceIds.some((id) => info.services.some((s) => s.id === id)) ? null : 'errors.services');
      break;
    case 'identity':
      check('nationalId', nationalIdProblem(d.nationalId));
      break;
    case 'name':
      for (const field of ['firstName', 'fatherName', 'grandfatherName', 'familyName'] as const) {
        check(field, textProblem(d[field], 2));
      }
      break;
    case 'birth':
      choose('gender', d.gender);
      check('birth', dateProblem(d.birth));
      break;
    case 'mobile':
      check('mobile', mobileProblem(d.mobile));
      check('mobile2', mobileProblem(d.mobile2, false));
      break;
    case 'address':
      check('district', textProblem(d.district, 2));
      choose('branchId', d.branchId);
      break;
    case 'family':
      choose('familyStatus', d.familyStatus);
      choose('disability', d.disability);
      d.household.forEach((member, index) => {
        check(`household.${index}.name`, textProblem(member.name, 2));
        choose(`household.${index}.relation`, member.relation);
        check(`household.${index}.birth`, dateProblem(member.birth));
      });
      break;
    case 'income':
      check(
        'monthlyIncome',
        d.monthlyIncome.trim() === ''
          ? 'errors.required'
          : wholeNumber(d.monthlyIncome, 0, 1_000_000) === null
            ? 'errors.number'
            : null,
      );
      choose('housing', d.housing);
      break;
    case 'water':
      choose('waterSource', d.waterSource);
      check(
        'storageLitres',
        d.storageLitres.trim() === ''
          ? 'errors.required'
          : wholeNumber(d.storageLitres, 0, 1_000_000) === null
            ? 'errors.number'
            : null,
      );
      check('peopleAtHome', wholeNumber(d.peopleAtHome, 1, 60) === null ? 'errors.peopleAtHome' : null);
      check('waterProblem', d.waterProblem.trim().length > WATER_PROBLEM_MAX ? 'errors.tooLong' : null);
      break;
    case 'consent':
      check('consent', d.consent ? null : 'errors.consent');
      break;
    case 'declaration':
      if (d.typedName.trim() === '') check('typedName', 'errors.required');
      else check('typedName', sameName(d.typedName, fullName(d)) ? null : 'errors.typedName', { name: fullName(d) });
      break;
    case 'send':
      break;
    case 'code':
      check('code', /^\d{6}$/.test(clean(code)) ? null : 'errors.code');
      break;
  }
  return errors;
}

/** The first step from `from` up to (not including) `to` that still has a problem. */
export function firstInvalid(d: ApplyData, info: PortalInfo, from: number, to: number) {
  for (let i = from; i < to; i++) {
    const step = STEPS[i]!;
    const errors = validateStep(step, d, info);
    if (Object.keys(errors).length > 0) return { step, errors };
  }
  return null;
}

/** The request body of POST /api/portal/applications. */
export function toPayload(d: ApplyData, info: PortalInfo, code: string) {
  const mobile2 = d.mobile2.trim() ? localMobile(d.mobile2) : null;
  return {
    applicant: {
      nationalId: idDigits(d.nationalId),
      firstName: d.firstName.trim(),
      fatherName: d.fatherName.trim(),
      grandfatherName: d.grandfatherName.trim(),
      familyName: d.familyName.trim(),
      gender: d.gender,
      birthDate: { calendar: d.birth.calendar, date: dateText(d.birth) },
      mobile: localMobile(d.mobile) ?? clean(d.mobile),
      ...(mobile2 ? { mobile2 } : {}),
      district: d.district.trim(),
      ...(d.location ? { location: d.location } : {}),
      branchId: d.branchId,
      household: d.household.map((m) => ({
        name: m.name.trim(),
        relation: m.relation,
        birthDate: dateIso(m.birth) ?? '',
        disability: m.disability,
      })),
      monthlyIncome: wholeNumber(d.monthlyIncome, 0, 1_000_000) ?? 0,
      housing: d.housing,
      familyStatus: d.familyStatus,
      disability: d.disability === 'yes',
      water: {
        source: d.waterSource,
        storageLitres: wholeNumber(d.storageLitres, 0, 1_000_000) ?? 0,
        peopleAtHome: wholeNumber(d.peopleAtHome, 1, 60) ?? 1,
      },
    },
    serviceIds: d.serviceIds.filter((id) => info.services.some((s) => s.id === id)),
    ...(d.waterProblem.trim() ? { waterProblem: d.waterProblem.trim() } : {}),
    consent: true,
    typedName: d.typedName.trim(),
    code: clean(code),
  };
}

/** A field the server names ("applicant.water.storageLitres") as this form names it ("storageLitres"). */
export function localField(serverField: string): string {
  const f = serverField.replace(/^applicant\./, '');
  if (f.startsWith('birthDate')) return 'birth';
  if (f.startsWith('location')) return 'location';
  if (f === 'water.source') return 'waterSource';
  const member = /^household\.(\d+)\.(\w+)/.exec(f);
  if (member) return `household.${member[1]}.${member[2] === 'birthDate' ? 'birth' : member[2]}`;
  if (f.startsWith('household')) return 'household';
  if (f.startsWith('water.')) return f.slice('water.'.length);
  if (f.startsWith('serviceIds')) return 'serviceIds';
  return f;
}

/** Which step shows a field. */
export function stepOfField(field: string): StepId {
  if (field === 'serviceIds') return 'services';
  if (field === 'nationalId') return 'identity';
  if (['firstName', 'fatherName', 'grandfatherName', 'familyName'].includes(field)) return 'name';
  if (field === 'gender' || field === 'birth') return 'birth';
  if (field === 'mobile' || field === 'mobile2') return 'mobile';
  if (['district', 'branchId', 'location'].includes(field)) return 'address';
  if (field.startsWith('household') || field === 'familyStatus' || field === 'disability') return 'family';
  if (field === 'monthlyIncome' || field === 'housing') return 'income';
  if (['waterSource', 'storageLitres', 'peopleAtHome', 'waterProblem'].includes(field)) return 'water';
  if (field === 'consent') return 'consent';
  if (field === 'typedName') return 'declaration';
  return 'code';
}

/** The documents the chosen services ask for, each once. */
export function documentsFor(serviceIds: string[], info: PortalInfo): RequiredDocument[] {
  const seen = new Map<string, RequiredDocument>();
  for (const service of info.services) {
    if (!serviceIds.includes(service.id)) continue;
    for (const doc of service.requiredDocuments) if (!seen.has(doc.key)) seen.set(doc.key, doc);
  }
  return [...seen.values()];
}
