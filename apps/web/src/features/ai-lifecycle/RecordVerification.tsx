import { useRef, useState } from 'react';
import { Button, Checkbox, Group, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  VV_AREA_LABELS,
  VV_AREAS,
  VV_DECISION_LABELS,
  VV_DECISIONS,
  ZPutVerification,
  type VvDecision,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { refreshLifecycle, systemPath, today, type Release, type VvTestRow } from './api';
import { ZodFormModal } from './FormModals';
import { LIFECYCLE_TEXT as T } from './text';

type VvValues = {
  tests: VvTestRow[];
  decision: VvDecision;
  decidedByName: string;
  decidedOn: string;
  decisionNote: string;
};

const valuesOf = (r: Release): VvValues => ({
  tests: r.verification?.tests ?? VV_AREAS.map((area) => ({ area, criterion: '', result: '', passed: true })),
  decision: r.verification?.decision ?? 'deploy',
  decidedByName: r.verification?.decidedBy.name ?? '',
  decidedOn: r.verification?.decidedOn ?? today(),
  decisionNote: r.verification?.decisionNote ?? '',
});

// A test row's message is kept as `tests.<row>.<criterion|result>`, the row counted on the form.
type RowField = `tests.${number}.${'criterion' | 'result'}`;

export function RecordVerification({ orgId, r }: { orgId: string; r: Release }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  // Rows left empty were not tested and are not sent; the schema's issues count the sent rows only,
  // so the rows sent (by their place on the form) are kept to put each issue on its row.
  const sentRows = useRef<number[]>([]);
  const form = useZodForm(
    ZPutVerification,
    valuesOf(r),
    ({ tests, ...v }) => {
      const sent = tests.flatMap((t, i) => (t.criterion.trim() || t.result.trim() ? [i] : []));
      sentRows.current = sent;
      return { ...v, version: r.version, tests: sent.map((i) => tests[i]) };
    },
    (path) =>
      path[0] === 'tests' && path.length > 2
        ? `tests.${sentRows.current[Number(path[1])]}.${path[2]}`
        : (path[0] ?? ''),
  );
  const rowError = (field: RowField) => form.errorFor(field as keyof VvValues);
  const setTest = (i: number, patch: Partial<VvTestRow>) =>
    form.setValue(
      'tests',
      form.values.tests.map((t, j) => (j === i ? { ...t, ...patch } : t)),
    );
  const save = useMutation({
    mutationFn: (input: unknown) =>
      api.put<Release>(`${systemPath(orgId, r.aiSystemId)}/releases/${encodeURIComponent(r.id)}/verification`, input),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.vvRecorded);
      setOpened(false);
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <>
      <Button size="xs" variant={r.verification ? 'subtle' : 'light'} onClick={() => setOpened(true)}>
        {T.recordVv}
      </Button>
      <ZodFormModal
        title={`${T.vv}: ${r.releaseVersion}`}
        opened={opened}
        onClose={() => setOpened(false)}
        form={form}
        save={save}
        size="xl"
      >
        {form.values.tests.map((t, i) => (
          <Group key={i} align="flex-end" grow={false} wrap="nowrap">
            <Text fz="sm" fw={600} w={100}>
              {VV_AREA_LABELS[t.area]}
            </Text>
            <TextInput
              label={`${VV_AREA_LABELS[t.area]}: ${T.criterion}`}
              value={t.criterion}
              onChange={(e) => setTest(i, { criterion: e.currentTarget.value })}
              // With no row filled in, "record at least one test" shows on the first criterion.
              error={rowError(`tests.${i}.criterion`) ?? (i === 0 ? form.errorFor('tests') : undefined)}
              style={{ flex: 2 }}
            />
            <TextInput
              label={`${VV_AREA_LABELS[t.area]}: ${T.result}`}
              value={t.result}
              onChange={(e) => setTest(i, { result: e.currentTarget.value })}
              error={rowError(`tests.${i}.result`)}
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
            {...form.field('decision')}
            label={T.decision}
            data={VV_DECISIONS.map((d) => ({ value: d, label: VV_DECISION_LABELS[d] }))}
            allowDeselect={false}
          />
          <TextInput {...form.field('decidedByName')} label={T.decidedBy} />
          <TextInput {...form.field('decidedOn')} label={T.decidedOn} type="date" />
        </Group>
        <Textarea {...form.field('decisionNote')} label={T.decisionNote} />
      </ZodFormModal>
    </>
  );
}
