import { riyadhDate } from '../../../common/dates';
import { type Criterion, type ScoringFacts, scoreApplication } from '../../../common/domain/selection';
import type { Deps } from '../../http/context';
import { currentCriteria } from '../applications';
import { householdsOf, PREVIEW_LIMIT, waitingApplications } from './queries';

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4). */
function ranks(scores: number[]): number[] {
  return scores.map((s) => 1 + scores.filter((other) => other > s).length);
}

/**
 * How a proposed version of the criteria would re-rank the applications now waiting: each is scored with the
 * version in force and with the proposal, on today's facts, and ranked both ways. Nothing is written.
 */
export async function previewCriteria(deps: Deps, orgId: string, proposed: Criterion[]) {
  const today = riyadhDate(new Date());
  const [current, rows] = await Promise.all([currentCriteria(deps.db, orgId), waitingApplications(deps.db, orgId)]);
  const household = await householdsOf(deps.db, orgId, [...new Set(rows.map((r) => r.beneficiaryId))]);
  const factsOf = (r: (typeof rows)[number]): ScoringFacts => {
    const members = household.filter((m) => m.beneficiaryId === r.beneficiaryId);
    return {
      monthlyIncome: r.monthlyIncome,
      peopleAtHome: r.peopleAtHome,
      householdSize: 1 + members.length,
      confirmedPeople: r.householdConfirmedSize,
      anyDisability: r.disability || members.some((m) => m.disability),
      oldestAge: Math.max(ageOn(r.birthDate, today), ...members.map((m) => ageOn(m.birthDate, today))),
      waterSource: r.waterSource as ScoringFacts['waterSource'],
      storageLitres: r.storageLitres,
    };
  };
  const scored = rows.map((r) => {
    const facts = factsOf(r);
    return {
      row: r,
      before: scoreApplication(current.criteria, facts).score,
      after: scoreApplication(proposed, facts).score,
    };
  });
  const beforeRanks = ranks(scored.map((s) => s.before));
  const afterRanks = ranks(scored.map((s) => s.after));
  const items = scored
    .map((s, i) => ({
      applicationId: s.row.id,
      reference: s.row.reference,
      fileNumber: s.row.fileNumber,
      district: s.row.district,
      stage: s.row.stage,
      scoreBefore: s.before,
      scoreAfter: s.after,
      rankBefore: beforeRanks[i]!,
      rankAfter: afterRanks[i]!,
    }))
    .sort((a, b) => a.rankAfter - b.rankAfter || a.rankBefore - b.rankBefore);
  return {
    currentVersion: current.version,
    total: items.length,
    limited: rows.length === PREVIEW_LIMIT,
    moved: items.filter((i) => i.rankAfter !== i.rankBefore).length,
    items,
  };
}
