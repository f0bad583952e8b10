import { normalizeArabic, toLatinDigits } from '../../../common/arabic';
import { normalizeReference } from '../../../common/domain/reference';
import { normalizeSaudiMobile } from '../../../common/saudi';
import type { Deps, SessionUser } from '../../http/context';
import { authorize, listBranchOf } from '../../policy';
import { presentSummary } from './present';
import { type SearchFilter, searchBeneficiaries } from './queries';

/**
 * Reads what the one search box was given: a national ID, a mobile in any format, a file number, an application
 * (APP-…) or case (C-…) reference, or a name.
 */
export function classifyQuery(q: string | undefined): SearchFilter {
  const raw = toLatinDigits(q ?? '').trim();
  if (!raw) return { kind: 'all' };
  // An application or case reference with its prefix (any digits, any separator): the file it belongs to.
  if (/^\s*app/i.test(raw)) {
    const reference = normalizeReference(raw, 'APP');
    if (reference) return { kind: 'application_reference', value: reference };
  }
  if (/^\s*c\b|^\s*c[-_/.\s]?\d/i.test(raw)) {
    const reference = normalizeReference(raw, 'C');
    if (reference) return { kind: 'case_reference', value: reference };
  }
  const digits = raw.replace(/[\s-]/g, '');
  if (/^[12]\d{9}$/.test(digits)) return { kind: 'national_id', value: digits };
  const mobile = normalizeSaudiMobile(raw);
  if (mobile) return { kind: 'mobile', value: mobile };
  const file = /^(\d{4})-(\d{1,6})$/.exec(raw);
  if (file) return { kind: 'file_number', value: `${file[1]}-${file[2]!.padStart(5, '0')}` };
  return { kind: 'name', value: normalizeArabic(raw) };
}

export async function findBeneficiaries(
  deps: Deps,
  user: SessionUser,
  query: { q?: string | undefined; status?: string | undefined; page: number; pageSize: number },
) {
  authorize(user, 'beneficiaries.search');
  const filter = classifyQuery(query.q);
  // A branch representative searches only their own branch.
  const branchId = listBranchOf(user);
  const { rows, hasMore } = await searchBeneficiaries(deps.db, user.orgId, filter, {
    branchId,
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map(presentSummary),
    page: query.page,
    pageSize: query.pageSize,
    hasMore,
    matchedBy: filter.kind,
  };
}
