import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { ROLE_LABELS, type SsoRole } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';

type Policy = {
  allowedDomains: string[];
  defaultRole: SsoRole;
  groupRoles: { group: string; role: SsoRole }[];
  localSignIn: boolean;
  version: number;
  updatedAt: string | null;
  ssoAvailable: boolean;
  roles: SsoRole[];
};

const T = {
  title: 'Single sign-on',
  intro:
    'Who may join through your identity provider, with which role, and whether members may still use a password. Owners always keep their password, for when the provider is down.',
  notConfigured:
    'This server has no identity provider configured (OIDC_ISSUER, see docs/OPERATIONS.md). You can prepare the policy; password sign-in stays on until single sign-on is available.',
  domains: 'Email domains that may join',
  domainsHint:
    'People whose verified email is at one of these domains get an account on first sign-in. Leave empty to admit invited people only.',
  defaultRole: 'Role for people who join by domain',
  groups: 'Provider groups → roles',
  groupsHint:
    'On each sign-in, a member in a mapped group gets that role here (the highest if several). Owners and external auditors are never changed.',
  group: 'Group name',
  role: 'Role',
  addGroup: 'Add a group mapping',
  removeGroup: 'Remove this mapping',
  localSignIn: 'Members may sign in with a password',
  localSignInOff: 'Off: members sign in through single sign-on only (owners keep their password).',
  save: 'Save single sign-on policy',
  saved: 'Single sign-on policy saved',
};

export function SsoSettingsPanel({ orgId }: { orgId: string }) {
  const path = `/api/orgs/${encodeURIComponent(orgId)}/sso-settings`;
  const qc = useQueryClient();
  const policy = useQuery({ queryKey: ['sso-settings', orgId], queryFn: () => api.get<Policy>(path) });
  const [draft, setDraft] = useState<Policy | null>(null);
  useEffect(() => {
    if (policy.data) setDraft(policy.data);
  }, [policy.data]);
  const save = useMutation({
    mutationFn: (p: Policy) =>
      api.put<Policy>(path, {
        allowedDomains: p.allowedDomains,
        defaultRole: p.defaultRole,
        groupRoles: p.groupRoles,
        localSignIn: p.localSignIn,
        version: p.version,
      }),
    onSuccess: async () => {
      notifySuccess(T.saved);
      await qc.invalidateQueries({ queryKey: ['sso-settings', orgId] });
    },
    onError: (e) => notifyError(e),
  });

  if (policy.isPending || !draft)
    return policy.isError ? <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} /> : <Loading />;
  const roleOptions = draft.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const set = (patch: Partial<Policy>) => setDraft({ ...draft, ...patch });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="sso-title">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id="sso-title">
            {T.title}
          </Title>
          <Text fz="sm" c="dimmed">
            {T.intro}
          </Text>
        </div>
        {!draft.ssoAvailable && (
          <Alert color="yellow" variant="light">
            {T.notConfigured}
          </Alert>
        )}
        <TagsInput
          label={T.domains}
          description={T.domainsHint}
          placeholder="example.com"
          value={draft.allowedDomains}
          onChange={(v) => set({ allowedDomains: v })}
          maxTags={20}
        />
        <Select
          label={T.defaultRole}
          data={roleOptions}
          value={draft.defaultRole}
          onChange={(v) => v && set({ defaultRole: v })}
          allowDeselect={false}
          maw={360}
        />
        <div>
          <Text fz="sm" fw={500}>
            {T.groups}
          </Text>
          <Text fz="xs" c="dimmed" mb="xs">
            {T.groupsHint}
          </Text>
          <Stack gap="xs">
            {draft.groupRoles.map((g, i) => (
              <Group key={i} gap="xs" wrap="wrap" align="flex-end">
                <TextInput
                  label={T.group}
                  value={g.group}
                  onChange={(e) =>
                    set({
                      groupRoles: draft.groupRoles.map((x, j) =>
                        j === i ? { ...x, group: e.currentTarget.value } : x,
                      ),
                    })
                  }
                  style={{ flex: '1 1 12rem' }}
                />
                <Select
                  label={T.role}
                  data={roleOptions}
                  value={g.role}
                  allowDeselect={false}
                  onChange={(v) =>
                    v && set({ groupRoles: draft.groupRoles.map((x, j) => (j === i ? { ...x, role: v } : x)) })
                  }
                  style={{ flex: '1 1 12rem' }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={T.removeGroup}
                  onClick={() => set({ groupRoles: draft.groupRoles.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => set({ groupRoles: [...draft.groupRoles, { group: '', role: 'viewer' }] })}
              w="fit-content"
            >
              {T.addGroup}
            </Button>
          </Stack>
        </div>
        <Switch
          label={T.localSignIn}
          description={draft.localSignIn ? undefined : T.localSignInOff}
          checked={draft.localSignIn}
          disabled={!draft.ssoAvailable && draft.localSignIn}
          onChange={(e) => set({ localSignIn: e.currentTarget.checked })}
        />
        <Group>
          <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
            {T.save}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
