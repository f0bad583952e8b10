import { useCallback, useEffect, useState } from 'react';
import { api, type PortalError } from './api';
import type { ReplyTime } from './code';
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
  appealWindowDays: number;
  replyTimes: Record<
    'inquiry' | 'complaint' | 'suggestion' | 'service_request',
    { first: ReplyTime; resolve: ReplyTime }
  >;
  contact: PortalContact;
  services: PortalService[];
  branches: { id: string; nameAr: string }[];
  published: Published[];
};
export type PortalContact = {
  phone: string;
  whatsapp: string;
  addressAr: string;
  addressEn: string;
  mapUrl: string;
  workDays: number[];
  workStartMinute: number;
  workEndMinute: number;
  hoursNoteAr: string;
  branches: { id: string; nameAr: string; addressAr: string | null; phone: string | null; mapUrl: string | null }[];
};
export type Organization = { nameAr: string; nameEn: string; logoUrl?: string | null };

const INFO = '/api/portal/info';
const ORGANIZATION = '/api/public/organization';

const cache = new Map<string, unknown>();
/** Requests on their way: a page asking for data that main.tsx already asked for waits for that same answer. */
const pending = new Map<string, Promise<unknown>>();

function load<T>(path: string): Promise<T> {
  let request = pending.get(path);
  if (!request) {
    request = api<T>('GET', path)
      .then((data) => {
        cache.set(path, data);
        return data;
      })
      .finally(() => pending.delete(path));
    pending.set(path, request);
  }
  return request as Promise<T>;
}

/** Resolves once no request for public data is on its way (fonts.ts waits for the page's data first). */
export async function publicDataSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending.values()]);
}

/**
 * Starts the requests a page will make before the first render (main.tsx), so that the answer is on its way while
 * the page is being drawn instead of after: every page shows the organisation's name; apply and info need `info`.
 */
export function prefetchFor(pathname: string): void {
  const paths = [ORGANIZATION];
  if (/^\/portal\/(apply|info|contact|contact-us|rights)\/?$/.test(pathname)) paths.push(INFO);
  for (const path of paths) load(path).catch(() => {});
  // Tracking first asks whether this phone is remembered; asked here, the answer travels with the page's chunk.
  if (/^\/portal\/track\/?$/.test(pathname)) {
    const early = api<unknown>('GET', REMEMBERED);
    early.catch(() => {});
    once.set(REMEMBERED, early);
  }
}

const REMEMBERED = '/api/portal/track/remembered';
/** Per-visitor answers asked for at start-up, used once: a later visit to the page asks again (never cached). */
const once = new Map<string, Promise<unknown>>();

/** Whether this phone is remembered for tracking: the start-up request the first time, a new one afterwards. */
export function rememberedDevice<T>(): Promise<T> {
  const early = once.get(REMEMBERED);
  once.delete(REMEMBERED);
  return (early ?? api<T>('GET', REMEMBERED)) as Promise<T>;
}

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
    if (cache.has(path)) {
      // The answer may have arrived (prefetchFor) between the first render and this effect.
      const data = cache.get(path) as T;
      setState((current) => (current.data === data ? current : { data, error: null, loading: false }));
      return;
    }
    let live = true;
    const stored = readStored<T>(storageKey);
    if (stored) setState({ data: stored, error: null, loading: true });
    load<T>(path)
      .then((data) => {
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

export const useInfo = () => usePublic<PortalInfo>(INFO, KEYS.info);
export const useOrganization = () => usePublic<Organization>(ORGANIZATION, KEYS.org);
