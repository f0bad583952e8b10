import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { printPage } from '../../print/html';
import { loadBeneficiaryFor } from '../beneficiaries';
import { getSettings } from '../settings';
import { getOrganization, listBranches } from '../users';
import { collectPersonalData } from './collect-personal-data';
import { serviceNames } from './queries';
import { readableCopy } from './readable-copy';

/**
 * The person's data for their access request, as JSON or as a printable Arabic page. The export itself is
 * audited (it is someone seeing the file).
 */
export async function exportPersonalData(
  deps: Deps,
  user: SessionUser,
  id: string,
  format: 'json' | 'html',
  meta: RequestMeta,
) {
  await loadBeneficiaryFor(deps, user, id, 'beneficiaries.read');
  const data = await collectPersonalData(deps.db, user.orgId, id);
  await writeAudit(deps.db, user, meta, {
    action: 'privacy.exported',
    entityType: 'beneficiary',
    entityId: id,
    details: { format },
  });
  if (format === 'json') return { format, data, fileName: `beneficiary-${data.file.fileNumber}.json` } as const;
  const [settings, org, branchRows, serviceRows] = await Promise.all([
    getSettings(deps.db, user.orgId),
    getOrganization(deps.db, user.orgId),
    listBranches(deps.db, user.orgId),
    serviceNames(deps.db, user.orgId),
  ]);
  const names = {
    branch: branchRows.find((b) => b.id === data.file.branchId)?.nameAr ?? null,
    services: new Map(serviceRows.map((r) => [r.id, r.nameAr])),
  };
  const html = printPage({
    title: `بيانات المستفيد ${data.file.fileNumber}`,
    orgNameAr: org?.nameAr ?? '',
    letterhead: settings.letterheadAr,
    body: readableCopy(data, names),
  });
  return { format, html } as const;
}
