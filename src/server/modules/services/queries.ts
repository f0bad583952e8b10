import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type RequiredDocument, services } from '../../db/tables/index';
import { inOrg } from '../../db/tenancy';

export const serviceColumns = {
  id: services.id,
  orgId: services.orgId,
  code: services.code,
  nameAr: services.nameAr,
  nameEn: services.nameEn,
  descriptionAr: services.descriptionAr,
  descriptionEn: services.descriptionEn,
  requiredDocuments: services.requiredDocuments,
  completionSteps: services.completionSteps,
  eligibilityNotesAr: services.eligibilityNotesAr,
  recurringDays: services.recurringDays,
  active: services.active,
};
export type ServiceRow = Awaited<ReturnType<typeof listServices>>[number];

export function listServices(db: Db, orgId: string, onlyActive = false) {
  return db
    .select(serviceColumns)
    .from(services)
    .where(inOrg(services, orgId, onlyActive ? eq(services.active, true) : undefined))
    .orderBy(asc(services.code));
}

export function getServicesByIds(db: Db, orgId: string, ids: string[]) {
  return db
    .select(serviceColumns)
    .from(services)
    .where(inOrg(services, orgId, inArray(services.id, ids)));
}

export async function getService(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(serviceColumns)
    .from(services)
    .where(inOrg(services, orgId, eq(services.id, id)));
  return row;
}

export async function serviceCodeExists(db: Db, orgId: string, code: string) {
  const [row] = await db
    .select({ id: services.id })
    .from(services)
    .where(inOrg(services, orgId, eq(services.code, code)));
  return Boolean(row);
}

export async function insertService(
  db: Db,
  values: {
    orgId: string;
    code: string;
    nameAr: string;
    nameEn: string;
    descriptionAr: string;
    descriptionEn: string;
    requiredDocuments: RequiredDocument[];
    completionSteps: RequiredDocument[];
    eligibilityNotesAr: string;
    recurringDays: number | null;
    active: boolean;
  },
) {
  const [row] = await db.insert(services).values(values).returning(serviceColumns);
  return row!;
}

export async function updateService(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<Omit<ServiceRow, 'id' | 'orgId' | 'code'>>,
) {
  const [row] = await db
    .update(services)
    .set({ ...values, updatedAt: new Date() })
    .where(and(inOrg(services, orgId), eq(services.id, id)))
    .returning(serviceColumns);
  return row;
}
