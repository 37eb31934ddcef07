import { Checkbox, Input, Modal, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  grantableRoles,
  MEMBER_AFFILIATIONS,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  versionField,
  ZRole,
  type Role,
} from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import type { Member } from '../../api/types';
import { endOfDayIso, toDateInput } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useOrg } from '../shell/org-context';
import { membersKey, membersPath } from './api';
import { MEMBERS_TEXT as T } from './text';

// The server's body schema for PATCH /api/orgs/:orgId/members/:userId, with its rule that an external
// auditor's access ends on a day (the server says the same on expiresAt).
const ZMemberChange = z
  .strictObject({
    version: versionField(),
    role: ZRole,
    expiresAt: z.iso.datetime({ offset: true, error: 'Access ends on: enter a day' }).nullable(),
    affiliation: z.enum(MEMBER_AFFILIATIONS, { error: 'affiliation must be internal or external' }),
    topManagement: z.boolean(),
  })
  .refine((m) => m.role !== 'external_auditor' || m.expiresAt !== null, {
    path: ['expiresAt'],
    message: 'Access ends on: an external auditor needs the day their access ends',
  });

type MemberValues = { role: Role; expiresAt: string; affiliation: Member['affiliation']; topManagement: boolean };

export function MemberEditModal({ member, onClose }: { member: Member; onClose: () => void }) {
  const { orgId, org } = useOrg();
  const qc = useQueryClient();
  const initial: MemberValues = {
    role: member.role,
    expiresAt: toDateInput(member.expiresAt),
    affiliation: member.affiliation ?? 'internal',
    topManagement: member.topManagement ?? false,
  };
  // The form asks for a day; the access ends at the end of that day (an unreadable day stays as typed, to be refused).
  const form = useZodForm(ZMemberChange, initial, ({ expiresAt, ...v }: MemberValues) => ({
    ...v,
    version: member.version,
    expiresAt: expiresAt ? (endOfDayIso(expiresAt) ?? expiresAt) : null,
  }));
  const roles = grantableRoles(org.myRole);
  // A SegmentedControl shows no message of its own: the wrapper around it does.
  const { error: affiliationError, ...affiliation } = form.field('affiliation');
  const save = useMutation({
    mutationFn: (input: z.output<typeof ZMemberChange>) =>
      api.patch<Member>(`${membersPath(orgId)}/${encodeURIComponent(member.user.id)}`, input),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: membersKey(orgId) });
      notifySuccess(T.saved(member.user.name));
      onClose();
    },
    onError: async (e) => {
      if (isApiError(e, 'STALE_VERSION')) {
        await qc.invalidateQueries({ queryKey: membersKey(orgId) });
        form.setFormError(T.staleMember);
      } else form.showServerError(e);
    },
  });
  return (
    <Modal opened onClose={onClose} title={T.editTitle(member.user.name)} centered>
      <ValidatedForm form={form} save={save} gap="md" submitLabel={T.save} onCancel={onClose} cancelLabel={T.cancel}>
        <Select
          {...form.field('role')}
          label={T.role}
          data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          allowDeselect={false}
          description={ROLE_DESCRIPTIONS[form.values.role]}
        />
        <TextInput
          {...form.field('expiresAt')}
          type="date"
          label={T.expiresAt}
          description={T.expiresHint}
          min={toDateInput(new Date().toISOString())}
        />
        <Input.Wrapper label={T.affiliation} description={T.affiliationHint} error={affiliationError}>
          <SegmentedControl
            {...affiliation}
            mt={4}
            data={[
              { value: 'internal', label: T.internal },
              { value: 'external', label: T.external },
            ]}
            aria-label={T.affiliation}
          />
        </Input.Wrapper>
        <Checkbox {...form.checkbox('topManagement')} label={T.topManagement} description={T.topManagementHint} />
        <Text fz="xs" c="dimmed">
          {member.user.email}
        </Text>
      </ValidatedForm>
    </Modal>
  );
}
