import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterKey, SavedViewState } from '@fortytwo/domain';
import { api } from '../../api/client';

export type SavedView = {
  id: string;
  register: RegisterKey;
  name: string;
  state: SavedViewState;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const path = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/saved-views`;
const key = (orgId: string, register: RegisterKey) => ['saved-views', orgId, register] as const;

/** The signed-in person's views of one register (nobody else's: the server keeps them per user). */
export function useSavedViews(orgId: string, register: RegisterKey) {
  return useQuery({
    queryKey: key(orgId, register),
    queryFn: async () => (await api.get<{ items: SavedView[] }>(`${path(orgId)}?register=${register}`)).items,
  });
}

export function useSavedViewWrites(orgId: string, register: RegisterKey) {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: key(orgId, register) });
  const create = useMutation({
    mutationFn: (input: { name: string; state: SavedViewState }) =>
      api.post<SavedView>(path(orgId), { register, ...input }),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: (v: { id: string; version: number; state: SavedViewState }) =>
      api.patch<SavedView>(`${path(orgId)}/${encodeURIComponent(v.id)}`, { version: v.version, state: v.state }),
    onSettled: invalidate,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${path(orgId)}/${encodeURIComponent(id)}`),
    onSettled: invalidate,
  });
  return { create, update, remove };
}
