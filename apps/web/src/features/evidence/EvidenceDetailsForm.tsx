import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { personOf, type WithPeople } from '../../api/people';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useMembers } from '../members/api';
import { evidenceKey, evidencePath, type Evidence } from './api';

export const DETAILS_TEXT = {
  form: 'Evidence details',
  title: 'Title',
  owner: 'Owner',
  ownerHint: 'Reminded to renew it before its review date',
  effective: 'Effective date',
  expires: 'Review or expiry date',
  expiresHint: 'Flagged as expiring 30 days before; due in its owner’s tasks',
  save: 'Save details',
  saved: (ref: string) => `${ref} was saved.`,
  stale: 'Someone else changed this evidence meanwhile: the page shows their version; apply your change again.',
};
const T = DETAILS_TEXT;

type Values = { title: string; ownerId: string | null; effectiveOn: string; expiresOn: string };
const valuesOf = (e: Evidence): Values => ({
  title: e.title,
  ownerId: e.ownerId,
  effectiveOn: e.effectiveOn ?? '',
  expiresOn: e.expiresOn ?? '',
});

/** Title, owner and dates of one piece of evidence: one versioned save of what changed. */
export function EvidenceDetailsForm({ orgId, evidence }: { orgId: string; evidence: Evidence & WithPeople }) {
  const owner = personOf(evidence.people, evidence.ownerId);
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const [v, setV] = useState<Values>(() => valuesOf(evidence));
  const base = valuesOf(evidence);
  const changed = (Object.keys(v) as (keyof Values)[]).filter((k) => v[k] !== base[k]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Evidence>(evidencePath(orgId, evidence.id), {
        version: evidence.version,
        ...(changed.includes('title') ? { title: v.title.trim() } : {}),
        ...(changed.includes('ownerId') ? { ownerId: v.ownerId } : {}),
        ...(changed.includes('effectiveOn') ? { effectiveOn: v.effectiveOn || null } : {}),
        ...(changed.includes('expiresOn') ? { expiresOn: v.expiresOn || null } : {}),
      }),
    onSuccess: async (saved) => {
      setV(valuesOf(saved));
      notifySuccess(T.saved(saved.reference));
      await qc.invalidateQueries({ queryKey: evidenceKey(orgId) });
    },
    onError: async (e) => {
      if (isApiError(e, 'STALE_VERSION')) notifyError(new Error(T.stale));
      else notifyError(e);
      await qc.invalidateQueries({ queryKey: evidenceKey(orgId) });
    },
  });
  return (
    <form
      aria-label={T.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (changed.length) save.mutate();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <TextInput
          label={T.title}
          value={v.title}
          maxLength={300}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
        />
        <Select
          label={T.owner}
          description={T.ownerHint}
          clearable
          searchable
          data={[
            ...(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name })),
            ...(owner && !(members.data ?? []).some((m) => m.user.id === owner.id)
              ? [{ value: owner.id, label: owner.name }]
              : []),
          ]}
          value={v.ownerId}
          onChange={(x) => setV({ ...v, ownerId: x })}
        />
        <TextInput
          type="date"
          label={T.effective}
          value={v.effectiveOn}
          onChange={(e) => setV({ ...v, effectiveOn: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={T.expires}
          description={T.expiresHint}
          value={v.expiresOn}
          onChange={(e) => setV({ ...v, expiresOn: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" disabled={!changed.length} loading={save.isPending}>
          {T.save}
        </Button>
      </Group>
    </form>
  );
}
