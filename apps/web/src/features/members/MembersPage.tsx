import { useState } from 'react';
import {
  ActionIcon,
  Avatar,
  Badge,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconLockOpen, IconPencil, IconUserMinus } from '@tabler/icons-react';
import { grantableRoles, ROLE_LABELS } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { useMe } from '../../api/session';
import { confirmDanger } from '../../ui/confirm';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { SecretOnce } from '../../ui/SecretOnce';
import { useOrg } from '../shell/org-context';
import { membersKey, membersPath, useInvitations, useMembers } from './api';
import { InvitationsTable } from './InvitationsTable';
import { InviteForm } from './InviteForm';
import { MemberEditModal } from './MemberEditModal';
import { SsoSettingsPanel } from './SsoSettingsPanel';
import { MEMBERS_TEXT as T } from './text';

export function MembersPage() {
  const { orgId, org, can } = useOrg();
  const me = useMe();
  const qc = useQueryClient();
  const manage = can('member.manage');
  const members = useMembers(orgId);
  const invitations = useInvitations(orgId, manage);
  const [editing, setEditing] = useState<Member | null>(null);
  // Owners only (the permission table); the server also requires owning every organization of the member.
  const canReset = can('member.reset_password');
  const [resetLink, setResetLink] = useState<{
    member: Member;
    link: string;
    expiresAt: string;
    emailed: boolean;
  } | null>(null);
  const createReset = useMutation({
    mutationFn: (m: Member) =>
      api.post<{ token: string; expiresAt: string; emailed?: boolean }>(
        `${membersPath(orgId)}/${encodeURIComponent(m.user.id)}/password-reset`,
      ),
    onSuccess: (res, m) =>
      setResetLink({
        member: m,
        link: `${window.location.origin}/reset-password/${res.token}`,
        expiresAt: res.expiresAt,
        emailed: res.emailed === true,
      }),
    onError: (e) => notifyError(e),
  });
  const askReset = async (m: Member) => {
    if (await confirmDanger({ title: T.resetTitle, message: T.resetBody(m.user.name), confirmLabel: T.resetConfirm }))
      createReset.mutate(m);
  };
  const remove = useMutation({
    mutationFn: (m: Member) => api.delete(`${membersPath(orgId)}/${encodeURIComponent(m.user.id)}`),
    onSuccess: async (_r, m) => {
      notifySuccess(T.removed(m.user.name));
      await qc.invalidateQueries({ queryKey: membersKey(orgId) });
    },
    onError: (e) => notifyError(e),
  });
  const grantable = grantableRoles(org.myRole);
  const askRemove = async (m: Member) => {
    if (
      await confirmDanger({
        title: T.removeTitle,
        message: T.removeBody(m.user.name, org.name),
        confirmLabel: T.remove,
      })
    )
      remove.mutate(m);
  };

  return (
    <>
      <PageHeader title={T.title} description={T.description} />
      <Stack gap="xl">
        {resetLink && (
          <SecretOnce
            title={T.resetLinkTitle(resetLink.member.user.name)}
            note={(resetLink.emailed ? T.resetEmailedNote : T.resetLinkNote)(
              resetLink.member.user.email,
              formatDateTime(resetLink.expiresAt),
            )}
            value={resetLink.link}
            label={T.resetLinkLabel}
            onClose={() => setResetLink(null)}
          />
        )}
        <Paper withBorder radius="md">
          {members.isPending ? (
            <Loading />
          ) : members.isError ? (
            <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{T.member}</Table.Th>
                    <Table.Th>{T.role}</Table.Th>
                    <Table.Th>{T.access}</Table.Th>
                    <Table.Th>{T.joined}</Table.Th>
                    {manage && (
                      <Table.Th w={60}>
                        <VisuallyHidden>{T.actions}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.map((m) => {
                    const isMe = m.user.id === me.data?.user.id;
                    const editable = manage && !isMe && grantable.includes(m.role);
                    return (
                      <Table.Tr key={m.user.id}>
                        <Table.Td>
                          <Group gap="sm" wrap="nowrap">
                            <Avatar size={32} radius="xl" name={m.user.name} color="initials" />
                            <div>
                              <Text fz="sm" fw={600}>
                                {m.user.name}{' '}
                                {isMe && (
                                  <Text span c="dimmed" fz="xs">
                                    ({T.you})
                                  </Text>
                                )}
                              </Text>
                              <Text fz="xs" c="dimmed">
                                {m.user.email}
                              </Text>
                            </div>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={m.role === 'owner' ? 'indigo' : m.role === 'external_auditor' ? 'orange' : 'gray'}
                            tt="none"
                          >
                            {ROLE_LABELS[m.role]}
                          </Badge>
                          {(m.topManagement || m.affiliation === 'external') && (
                            <Group gap={4} mt={4}>
                              {m.topManagement && (
                                <Badge variant="outline" color="indigo" tt="none" size="sm">
                                  {T.topManagementBadge}
                                </Badge>
                              )}
                              {m.affiliation === 'external' && (
                                <Badge variant="outline" color="gray" tt="none" size="sm">
                                  {T.externalBadge}
                                </Badge>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {m.expired ? (
                            <Badge color="red" variant="light" tt="none">
                              {T.expired} {formatDate(m.expiresAt)}
                            </Badge>
                          ) : (
                            <Text fz="sm">{m.expiresAt ? formatDate(m.expiresAt) : T.noExpiry}</Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm">{formatDate(m.joinedAt)}</Text>
                        </Table.Td>
                        {manage && (
                          <Table.Td>
                            {editable && (
                              <Menu position="bottom-end" withinPortal>
                                <Menu.Target>
                                  <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${m.user.name}`}>
                                    <IconDots size={18} />
                                  </ActionIcon>
                                </Menu.Target>
                                <Menu.Dropdown>
                                  <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(m)}>
                                    {T.edit}
                                  </Menu.Item>
                                  {canReset && (
                                    <Menu.Item
                                      leftSection={<IconLockOpen size={16} />}
                                      onClick={() => void askReset(m)}
                                    >
                                      {T.resetLink}
                                    </Menu.Item>
                                  )}
                                  <Menu.Item
                                    leftSection={<IconUserMinus size={16} />}
                                    color="red"
                                    onClick={() => void askRemove(m)}
                                  >
                                    {T.remove}
                                  </Menu.Item>
                                </Menu.Dropdown>
                              </Menu>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>

        {manage && (
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <div>
                <Title order={2} fz="lg">
                  {T.invitations}
                </Title>
                <Text fz="sm" c="dimmed" mt={4}>
                  {T.invitationsHint}
                </Text>
              </div>
              <InviteForm />
              {invitations.isPending ? (
                <Loading />
              ) : invitations.isError ? (
                <ErrorAlert error={invitations.error} />
              ) : (
                <InvitationsTable items={invitations.data} />
              )}
            </Stack>
          </Paper>
        )}
        {can('sso.manage') && <SsoSettingsPanel orgId={orgId} />}
      </Stack>
      {editing && <MemberEditModal member={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
