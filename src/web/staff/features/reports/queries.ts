import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CaseListResponse } from '../cases/types';
import type { ExportDataset, Kpis, MyFigures, Period } from './types';

const reportsKey = ['reports'] as const;

function periodQuery(period: Period, extra: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  for (const [key, value] of Object.entries(extra)) if (value) query.set(key, value);
  return query.toString();
}

/** The dashboard's figures for a period (and branch); the previous figures stay while the next ones load. */
export function useKpis(period: Period & { branchId: string | null }, enabled = true) {
  const query = periodQuery(period, { branchId: period.branchId });
  return useQuery({
    queryKey: [...reportsKey, 'kpis', query],
    queryFn: ({ signal }) => api.get<Kpis>(`/api/reports/kpis?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A person's own figures; the manager may ask for someone else's (never a ranking). */
export function useMyFigures(period: Period, userId: string | null, enabled = true) {
  const query = periodQuery(period, { userId });
  return useQuery({
    queryKey: [...reportsKey, 'my-figures', query],
    queryFn: ({ signal }) => api.get<MyFigures>(`/api/reports/my-figures?${query}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type FigurePerson = { id: string; name: string };

/**
 * The people whose figures the manager may open: the staff who own cases (open, resolved or closed). The API has
 * no staff directory for the manager, so the names come from the case lists the manager already reads.
 */
export function useCaseOwners(enabled: boolean) {
  return useQuery({
    queryKey: [...reportsKey, 'case-owners'],
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        ['', '&status=resolved', '&status=closed'].map((status) =>
          api.get<CaseListResponse>(`/api/cases?pageSize=100${status}`, { signal }),
        ),
      );
      const people = new Map<string, string>();
      for (const item of lists.flatMap((list) => list.items))
        if (item.ownerUserId && item.ownerName) people.set(item.ownerUserId, item.ownerName);
      return [...people].map(([id, name]): FigurePerson => ({ id, name }));
    },
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** A file download (Excel with right-to-left sheets, or CSV) of one dataset for the period. */
/** An export of the period's list, for the branch chosen on the dashboard when there is one. */
export function exportHref(
  dataset: ExportDataset,
  format: 'xlsx' | 'csv',
  period: Period & { branchId?: string | null },
): string {
  return `/api/reports/export/${dataset}?${periodQuery(period, { format, branchId: period.branchId })}`;
}

/** The printable governance evidence report for the period. */
export function evidenceHref(period: Period & { branchId?: string | null }): string {
  return `/api/reports/evidence?${periodQuery(period, { branchId: period.branchId })}`;
}
