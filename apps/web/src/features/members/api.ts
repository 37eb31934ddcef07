import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Invitation, Member, Page } from '../../api/types';

export const membersKey = (orgId: string) => ['members', orgId] as const;
export const invitationsKey = (orgId: string) => ['invitations', orgId] as const;

export const membersPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/members`;
export const invitationsPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/invitations`;

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: membersKey(orgId),
    queryFn: async () => (await api.get<Page<Member>>(membersPath(orgId))).items,
  });
}

export function useInvitations(orgId: string, enabled = true) {
  return useQuery({
    queryKey: invitationsKey(orgId),
    queryFn: async () => (await api.get<Page<Invitation>>(invitationsPath(orgId))).items,
    enabled,
  });
}

/** Resolves a user id to a member's name for history and owner displays. */
export function useMemberName(orgId: string) {
  const members = useMembers(orgId);
  return (id: string) => members.data?.find((m) => m.user.id === id)?.user.name ?? 'Former member';
}
