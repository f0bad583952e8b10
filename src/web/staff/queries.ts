import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import type { Branch, ListResponse, Organization } from './api-types';

/** The association's name and logo; also read on the sign-in page, so a failure falls back to the app name. */
export function useOrganization() {
  return useQuery({
    queryKey: ['organization'],
    queryFn: () => api.get<Organization>('/api/settings/organization'),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export function useOrganizationName(): string {
  const { t, i18n } = useTranslation();
  const { data } = useOrganization();
  if (!data) return t('app.name');
  return (i18n.language === 'en' ? data.nameEn : data.nameAr) || data.nameAr || t('app.name');
}

export function useBranches(enabled = true) {
  return useQuery({
    queryKey: ['branches'],
    queryFn: () => api.get<ListResponse<Branch>>('/api/branches'),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** A branch's name in the interface language. */
export function useBranchName(): (branchId: string | null | undefined) => string | null {
  const { i18n } = useTranslation();
  const { data } = useBranches();
  return (branchId) => {
    if (!branchId) return null;
    const branch = data?.find((b) => b.id === branchId);
    if (!branch) return null;
    return (i18n.language === 'en' ? branch.nameEn : branch.nameAr) || branch.nameAr;
  };
}
