import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { grantableRoles, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import type { Member } from '../../api/types';
import { endOfDayIso, toDateInput } from '../../ui/format';
import { errorMessage } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { useOrg } from '../shell/org-context';
import { membersKey, membersPath } from './api';
import { MEMBERS_TEXT as T } from './text';

export function MemberEditModal({ member, onClose }: { member: Member; onClose: () => void }) {
  const { orgId, org } = useOrg();
  const qc = useQueryClient();
  const [role, setRole] = useState<Role>(member.role);
  const [date, setDate] = useState(toDateInput(member.expiresAt));
  const [affiliation, setAffiliation] = useState<Member['affiliation']>(member.affiliation ?? 'internal');
  const [topManagement, setTopManagement] = useState(member.topManagement ?? false);
  const [error, setError] = useState<string | null>(null);
  const roles = grantableRoles(org.myRole);
  const needsDate = role === 'external_auditor' && !date;
  const save = useMutation({
    mutationFn: () =>
      api.patch<Member>(`${membersPath(orgId)}/${encodeURIComponent(member.user.id)}`, {
        version: member.version,
        role,
        expiresAt: date ? endOfDayIso(date) : null,
        affiliation,
        topManagement,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: membersKey(orgId) });
      notifySuccess(T.saved(member.user.name));
      onClose();
    },
    onError: async (e) => {
      if (isApiError(e, 'STALE_VERSION')) {
        await qc.invalidateQueries({ queryKey: membersKey(orgId) });
        setError(T.staleMember);
      } else setError(errorMessage(e));
    },
  });
  return (
    <Modal opened onClose={onClose} title={T.editTitle(member.user.name)} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!needsDate) save.mutate();
        }}
      >
        <Stack>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Select
            label={T.role}
            data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            value={role}
            onChange={(v) => v && setRole(v)}
            allowDeselect={false}
            description={ROLE_DESCRIPTIONS[role]}
          />
          <TextInput
            type="date"
            label={T.expiresAt}
            description={T.expiresHint}
            min={toDateInput(new Date().toISOString())}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={needsDate ? 'Access ends on: an external auditor needs the day their access ends' : undefined}
          />
          <Input.Wrapper label={T.affiliation} description={T.affiliationHint}>
            <SegmentedControl
              mt={4}
              value={affiliation}
              onChange={(v) => setAffiliation(v)}
              data={[
                { value: 'internal', label: T.internal },
                { value: 'external', label: T.external },
              ]}
              aria-label={T.affiliation}
            />
          </Input.Wrapper>
          <Checkbox
            label={T.topManagement}
            description={T.topManagementHint}
            checked={topManagement}
            onChange={(e) => setTopManagement(e.currentTarget.checked)}
          />
          <Text fz="xs" c="dimmed">
            {member.user.email}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={needsDate}>
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
