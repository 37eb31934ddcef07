import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Invitation } from '../../api/types';
import { confirmDanger } from '../../ui/confirm';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useOrg } from '../shell/org-context';
import { invitationsKey, invitationsPath } from './api';
import { INVITATION_STATUS_COLORS, MEMBERS_TEXT as T } from './text';

export function InvitationsTable({ items }: { items: Invitation[] }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`${invitationsPath(orgId)}/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      notifySuccess(T.revoked);
      await qc.invalidateQueries({ queryKey: invitationsKey(orgId) });
    },
    onError: (e) => notifyError(e),
  });
  if (items.length === 0)
    return (
      <Text c="dimmed" fz="sm">
        {T.noInvitations}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{T.invitee}</Table.Th>
            <Table.Th>{T.role}</Table.Th>
            <Table.Th>{T.access}</Table.Th>
            <Table.Th>{T.status}</Table.Th>
            <Table.Th>{T.linkValidUntil}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{T.actions}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.email}</Table.Td>
              <Table.Td>{ROLE_LABELS[i.role]}</Table.Td>
              <Table.Td>{i.accessExpiresAt ? formatDate(i.accessExpiresAt) : T.noExpiry}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={INVITATION_STATUS_COLORS[i.status]} tt="capitalize">
                  {i.status}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDate(i.expiresAt)}</Table.Td>
              <Table.Td ta="right">
                {i.status === 'pending' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${T.revoke} invitation for ${i.email}`}
                    onClick={() =>
                      void confirmDanger({
                        title: T.revokeTitle,
                        message: T.revokeBody(i.email),
                        confirmLabel: T.revoke,
                      }).then((ok) => ok && revoke.mutate(i.id))
                    }
                  >
                    {T.revoke}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
