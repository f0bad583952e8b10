import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { clearFieldData } from '../field/store';
import { ApiError, api, setCsrfToken } from '../lib/api';
import { rememberDigits, setLocale } from '../lib/i18n';
import type { LoginRequest, Permission, Preferences, SessionResponse, SessionUser } from './api-types';

export const sessionKey = ['session'] as const;

/** Take a login or session answer: keep the CSRF token in memory and show the user's own preferences. */
async function adopt(response: SessionResponse): Promise<SessionUser> {
  setCsrfToken(response.csrfToken);
  await applyPreferences(response.user.preferences);
  return response.user;
}

export async function applyPreferences(preferences: Preferences): Promise<void> {
  rememberDigits(preferences.digits);
  await setLocale(preferences.locale);
}

async function fetchSession(): Promise<SessionUser | null> {
  try {
    return await adopt(await api.get<SessionResponse>('/api/auth/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user, `null` when signed out. Loaded once at start; kept current by login, logout and 401s. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
  });
}

/** The signed-in user inside the app shell, where a session is guaranteed. */
export function useUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useUser() outside a signed-in page');
  return data;
}

export function hasPermission(user: SessionUser | null | undefined, permission: Permission | undefined): boolean {
  if (!permission) return true;
  return Boolean(user?.permissions.includes(permission));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginRequest) => adopt(await api.post<SessionResponse>('/api/auth/login', body)),
    onSuccess: (user) => {
      // Whatever another user had loaded on this tab is not theirs to see.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, user);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    // Signed out locally even if the server call failed (e.g. the session had already expired). A full page load
    // of the sign-in page leaves nothing of this user's data in memory.
    onSettled: async () => {
      setCsrfToken(null);
      // What the field app kept on this browser (day's work, queued records) goes with the session.
      await clearFieldData();
      window.location.replace('/login');
    },
  });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Preferences>) => api.patch<{ preferences: Preferences }>('/api/me/preferences', body),
    onSuccess: async ({ preferences }) => {
      await applyPreferences(preferences);
      queryClient.setQueryData<SessionUser | null>(sessionKey, (user) => (user ? { ...user, preferences } : user));
    },
  });
}

/** True when an error means the session is gone, so the app should return to the sign-in page. */
export function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'auth.unauthenticated';
}
