import { useState } from 'react';
import { Button, Checkbox, Group, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { VV_AREA_LABELS, VV_AREAS, VV_DECISION_LABELS, VV_DECISIONS, type VvDecision } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { refreshLifecycle, systemPath, today, type Release, type VvTestRow } from './api';
import { FormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

export function RecordVerification({ orgId, r }: { orgId: string; r: Release }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [tests, setTests] = useState<VvTestRow[]>(
    r.verification?.tests ?? VV_AREAS.map((area) => ({ area, criterion: '', result: '', passed: true })),
  );
  const [decision, setDecision] = useState<VvDecision>(r.verification?.decision ?? 'deploy');
  const [decidedByName, setDecidedBy] = useState(r.verification?.decidedBy.name ?? '');
  const [decidedOn, setDecidedOn] = useState(r.verification?.decidedOn ?? today());
  const [decisionNote, setNote] = useState(r.verification?.decisionNote ?? '');
  const setTest = (i: number, patch: Partial<VvTestRow>) =>
    setTests((ts) => ts.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const save = useMutation({
    mutationFn: () =>
      api.put<Release>(`${systemPath(orgId, r.aiSystemId)}/releases/${encodeURIComponent(r.id)}/verification`, {
        version: r.version,
        // Rows left empty were not tested; the record then says which areas are missing.
        tests: tests.filter((t) => t.criterion.trim() || t.result.trim()),
        decision,
        decisionNote,
        decidedOn,
        decidedByName,
      }),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.vvRecorded);
      setOpened(false);
    },
  });
  return (
    <>
      <Button size="xs" variant={r.verification ? 'subtle' : 'light'} onClick={() => setOpened(true)}>
        {T.recordVv}
      </Button>
      <FormModal
        title={`${T.vv}: ${r.releaseVersion}`}
        opened={opened}
        onClose={() => setOpened(false)}
        onSubmit={() => save.mutate()}
        pending={save.isPending}
        error={save.error}
        size="xl"
      >
        {tests.map((t, i) => (
          <Group key={i} align="flex-end" grow={false} wrap="nowrap">
            <Text fz="sm" fw={600} w={100}>
              {VV_AREA_LABELS[t.area]}
            </Text>
            <TextInput
              label={`${VV_AREA_LABELS[t.area]}: ${T.criterion}`}
              value={t.criterion}
              onChange={(e) => setTest(i, { criterion: e.currentTarget.value })}
              style={{ flex: 2 }}
            />
            <TextInput
              label={`${VV_AREA_LABELS[t.area]}: ${T.result}`}
              value={t.result}
              onChange={(e) => setTest(i, { result: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <Checkbox
              label={T.passed}
              aria-label={`${VV_AREA_LABELS[t.area]}: ${T.passed}`}
              checked={t.passed}
              onChange={(e) => setTest(i, { passed: e.currentTarget.checked })}
              mb={8}
            />
          </Group>
        ))}
        <Group grow>
          <Select
            label={T.decision}
            data={VV_DECISIONS.map((d) => ({ value: d, label: VV_DECISION_LABELS[d] }))}
            value={decision}
            onChange={(x) => x && setDecision(x)}
            allowDeselect={false}
          />
          <TextInput label={T.decidedBy} value={decidedByName} onChange={(e) => setDecidedBy(e.currentTarget.value)} />
          <TextInput
            label={T.decidedOn}
            type="date"
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.currentTarget.value)}
          />
        </Group>
        <Textarea label={T.decisionNote} value={decisionNote} onChange={(e) => setNote(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}
