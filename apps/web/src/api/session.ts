import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client';
import type { Me } from './types';
import { clearAllDrafts } from '../ui/draft-store';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. Also restores the CSRF token after a reload. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: () => api.get<{ setUp: boolean }>('/api/setup'),
    staleTime: Infinity,
  });
}

/** After login, setup or accepting an invitation: keep the CSRF token and reload everything. */
export function useSignedIn() {
  const qc = useQueryClient();
  return async (csrfToken: string) => {
    setCsrfToken(csrfToken);
    qc.removeQueries();
    qc.setQueryData(['setup'], { setUp: true });
    await qc.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
  };
}

/** Ends the session and reloads the app at `to`, so nothing of the previous user stays in memory. */
export function useSignOut() {
  const qc = useQueryClient();
  return async (to = '/login') => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      qc.clear();
      clearAllDrafts();
      window.location.assign(to);
    }
  };
}
