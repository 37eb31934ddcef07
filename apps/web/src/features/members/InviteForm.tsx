import { useState } from 'react';
import { Button, Grid, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconSend } from '@tabler/icons-react';
import type { z } from 'zod';
import { grantableRoles, ROLE_DESCRIPTIONS, ROLE_LABELS, ZInvitationInput, type Role } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Invitation } from '../../api/types';
import { endOfDayIso, toDateInput } from '../../ui/format';
import { SecretOnce } from '../../ui/SecretOnce';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useOrg } from '../shell/org-context';
import { invitationsKey, invitationsPath } from './api';
import { MEMBERS_TEXT as T } from './text';

type Values = { email: string; role: Role; expiresAt: string };
const INITIAL: Values = { email: '', role: 'contributor', expiresAt: '' };
// The date input gives a day; the API wants an ISO date-time (end of that day, local time).
const toInput = (v: Values) => ({
  email: v.email,
  role: v.role,
  expiresAt: v.expiresAt ? (endOfDayIso(v.expiresAt) ?? v.expiresAt) : null,
});

export function InviteForm() {
  const { orgId, org } = useOrg();
  const qc = useQueryClient();
  const form = useZodForm(ZInvitationInput, INITIAL, toInput);
  const [created, setCreated] = useState<{ email: string; link: string; emailed: boolean } | null>(null);
  const invite = useMutation({
    mutationFn: (body: z.output<typeof ZInvitationInput>) =>
      api.post<Invitation & { token: string; emailed?: boolean }>(invitationsPath(orgId), body),
    onSuccess: async (res) => {
      setCreated({
        email: res.email,
        link: `${window.location.origin}/invitations/${res.token}`,
        emailed: res.emailed === true,
      });
      form.reset(INITIAL);
      await qc.invalidateQueries({ queryKey: invitationsKey(orgId) });
    },
    onError: (e) => form.showServerError(e),
  });
  const roles = grantableRoles(org.myRole);

  return (
    <Stack gap="md">
      {created && (
        <SecretOnce
          title={created.emailed ? T.inviteEmailedTitle : T.inviteLinkTitle}
          note={created.emailed ? T.inviteEmailedNote(created.email) : T.inviteLinkNote(created.email)}
          value={created.link}
          label={T.inviteLinkLabel}
          onClose={() => setCreated(null)}
        />
      )}
      <ValidatedForm label={T.inviteTitle} form={form} save={invite}>
        <Grid align="flex-start">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput {...form.field('email')} label={T.email} type="email" required />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              {...form.field('role')}
              label={T.role}
              required
              data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              allowDeselect={false}
              description={ROLE_DESCRIPTIONS[form.values.role]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              {...form.field('expiresAt')}
              type="date"
              label={T.expiresAt}
              required={form.values.role === 'external_auditor'}
              description={T.expiresHint}
              // Access that ended before it began is no access: the picker starts today, as the server does.
              min={toDateInput(new Date().toISOString())}
            />
          </Grid.Col>
        </Grid>
        <Button type="submit" leftSection={<IconSend size={16} />} loading={invite.isPending} w="fit-content">
          {T.invite}
        </Button>
      </ValidatedForm>
    </Stack>
  );
}
