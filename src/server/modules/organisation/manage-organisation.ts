import type { z } from 'zod';
import { AppError } from '../../errors';
import { writeAudit } from '../../http/audit';
import type { Deps, RequestMeta, SessionUser } from '../../http/context';
import { beforeAfter, hasChanges } from '../audit';
import { getOrganizationRow, setLogo, updateOrganizationNames } from './queries';
import type { organizationUpdateBody } from './schema';

export const MAX_LOGO_BYTES = 512 * 1024;

/** The image types a logo may be, told by their first bytes (never by the file name). SVG is refused: it can run script. */
export function sniffImage(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export const logoUrl = (at: Date | null | undefined) => (at ? `/api/public/organization/logo?v=${at.getTime()}` : null);

export async function renameOrganization(
  deps: Deps,
  admin: SessionUser,
  input: z.infer<typeof organizationUpdateBody>,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const before = await getOrganizationRow(tx, admin.orgId);
    if (!before) throw new AppError('request.not_found');
    const diff = beforeAfter({ nameAr: before.nameAr, nameEn: before.nameEn }, input);
    if (hasChanges(diff)) {
      await updateOrganizationNames(tx, admin.orgId, input);
      await writeAudit(tx, admin, meta, {
        action: 'organization.updated',
        entityType: 'organization',
        entityId: admin.orgId,
        details: diff,
      });
    }
    const after = (await getOrganizationRow(tx, admin.orgId))!;
    return { id: after.id, nameAr: after.nameAr, nameEn: after.nameEn, logoUrl: logoUrl(after.logoUpdatedAt) };
  });
}

export async function replaceLogo(deps: Deps, admin: SessionUser, bytes: Buffer | null, meta: RequestMeta) {
  let logo: { bytes: Buffer; mime: string } | null = null;
  if (bytes) {
    if (bytes.length === 0) throw new AppError('document.empty');
    if (bytes.length > MAX_LOGO_BYTES) throw new AppError('organization.logo_too_large');
    const mime = sniffImage(bytes);
    if (!mime) throw new AppError('organization.logo_type');
    logo = { bytes, mime };
  }
  return deps.db.transaction(async (tx) => {
    const before = await getOrganizationRow(tx, admin.orgId);
    const row = await setLogo(tx, admin.orgId, logo);
    await writeAudit(tx, admin, meta, {
      action: logo ? 'organization.logo_uploaded' : 'organization.logo_removed',
      entityType: 'organization',
      entityId: admin.orgId,
      details: {
        before: { logo: before?.logoUpdatedAt ? before.logoUpdatedAt.toISOString() : null },
        after: { logo: logo ? { mime: logo.mime, size: logo.bytes.length } : null },
      },
    });
    return { logoUrl: logoUrl(row?.logoUpdatedAt) };
  });
}
