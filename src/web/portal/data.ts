import { useCallback, useEffect, useState } from 'react';
import { api, type PortalError } from './api';
import { KEYS, readStored, writeStored } from './storage';

export type RequiredDocument = { key: string; labelAr: string };
export type PortalService = {
  id: string;
  nameAr: string;
  descriptionAr: string;
  requiredDocuments: RequiredDocument[];
};
export type Published = {
  id: string;
  kind: string;
  titleAr: string;
  bodyAr: string;
  approvalRef: string | null;
  effectiveFrom: string | null;
};
export type PortalInfo = {
  privacyNoticeAr: string;
  consentPurposeAr: string;
  declarationTextAr: string;
  committeeTargetDays: number;
  services: PortalService[];
  branches: { id: string; nameAr: string }[];
  published: Published[];
};
export type Organization = { nameAr: string; nameEn: string };

const cache = new Map<string, unknown>();

type Loaded<T> = { data: T | null; error: PortalError | null; loading: boolean; retry: () => void };

/**
 * Public data the pages need, fetched once per visit. The last copy is kept on the device, so a page still opens
 * on a flaky connection and the fresh copy replaces it when it arrives.
 */
function usePublic<T>(path: string, storageKey: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: PortalError | null; loading: boolean }>(() => ({
    data: cache.get(path) as T | null,
    error: null,
    loading: !cache.has(path),
  }));
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry
  useEffect(() => {
    if (cache.has(path)) return;
    let live = true;
    const stored = readStored<T>(storageKey);
    if (stored) setState({ data: stored, error: null, loading: true });
    api<T>('GET', path)
      .then((data) => {
        cache.set(path, data);
        writeStored(storageKey, data);
        if (live) setState({ data, error: null, loading: false });
      })
      .catch((error: PortalError) => {
        if (live) setState({ data: stored, error, loading: false });
      });
    return () => {
      live = false;
    };
  }, [path, storageKey, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}

export const useInfo = () => usePublic<PortalInfo>('/api/portal/info', KEYS.info);
export const useOrganization = () => usePublic<Organization>('/api/public/organization', KEYS.org);
