import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZMeasurementInput } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { upload } from '../gap/api';
import { numberOrNull } from '../objectives/ObjectiveForm';
import { metricPath, refreshMetrics, type ImportSummary, type Metric } from './api';
import { METRICS_TEXT as T } from './text';

export function RecordMeasurement({ orgId, m }: { orgId: string; m: Metric }) {
  const qc = useQueryClient();
  const now = () => new Date().toISOString().slice(0, 10);
  const form = useZodForm(ZMeasurementInput, { value: '', at: now(), note: '' }, (v) => ({
    ...v,
    value: numberOrNull(v.value) ?? '',
    at: v.at || undefined,
  }));
  const save = useMutation({
    mutationFn: (input: unknown) =>
      api.post<{ breach: 'open' | 'close' | 'none'; duplicate: boolean }>(
        `${metricPath(orgId, m.id)}/measurements`,
        input,
      ),
    onSuccess: async (r) => {
      await refreshMetrics(qc, orgId);
      notifySuccess(
        r.duplicate
          ? T.duplicate
          : r.breach === 'open'
            ? T.openedBreach
            : r.breach === 'close'
              ? T.closedBreach
              : T.recorded,
      );
      form.reset({ value: '', at: now(), note: '' });
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <form
      noValidate
      aria-label={T.record}
      onSubmit={(e) => {
        e.preventDefault();
        const input = form.validate();
        if (input) save.mutate({ ...input, at: form.values.at || undefined });
      }}
    >
      <Stack gap="xs">
        {form.formError && (
          <Alert color="red" variant="light" role="alert">
            {form.formError}
          </Alert>
        )}
        <Group align="flex-start" gap="sm">
          <TextInput
            {...form.field('value')}
            label={`${T.value}${m.unit ? ` (${m.unit})` : ''}`}
            inputMode="decimal"
            w={140}
          />
          <TextInput {...form.field('at')} label={T.at} type="date" w={170} />
          <TextInput {...form.field('note')} label={T.note} style={{ flex: 1, minWidth: 160 }} />
          <Button type="submit" mt={25} loading={save.isPending}>
            {T.record}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export type Issue = { line: number; field: string; message: string };

export function ImportCsv({ orgId, m }: { orgId: string; m: Metric }) {
  const qc = useQueryClient();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportSummary | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) =>
      upload<ImportSummary>(`${metricPath(orgId, m.id)}/measurements/import?dryRun=${dryRun}`, f, me.data?.csrfToken),
    onSuccess: async (s) => {
      setIssues([]);
      setError(null);
      if (s.dryRun) return setChecked(s);
      setChecked(null);
      setFile(null);
      await refreshMetrics(qc, orgId);
      notifySuccess(`${T.imported(s.count, s.skipped)}${s.breach === 'open' ? `. ${T.openedBreach}` : ''}`);
    },
    onError: (e) => {
      setChecked(null);
      if (isApiError(e, 'IMPORT_REJECTED'))
        setIssues(((e.details as { issues?: Issue[] } | undefined)?.issues ?? []).slice(0, 20));
      setError(e instanceof Error ? e.message : String(e));
    },
  });
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed">
        {T.importHelp}
      </Text>
      <Group align="flex-end" gap="sm">
        <FileInput
          label={T.file}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setChecked(null);
            setIssues([]);
            setError(null);
          }}
          w={260}
          clearable
        />
        <Button
          variant="default"
          disabled={!file}
          loading={run.isPending && run.variables?.dryRun}
          onClick={() => file && run.mutate({ f: file, dryRun: true })}
        >
          {T.check}
        </Button>
        {checked && file && (
          <Button
            loading={run.isPending && !run.variables?.dryRun}
            onClick={() => run.mutate({ f: file, dryRun: false })}
          >
            {T.apply(checked.count)}
          </Button>
        )}
      </Group>
      {checked && (
        <Alert color="blue" variant="light" role="status">
          {T.checked(checked)}
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert" title={issues.length ? T.rowErrors : undefined}>
          {issues.length ? (
            <List size="sm">
              {issues.map((i) => (
                <List.Item key={`${i.line}-${i.field}`}>
                  {T.line(i.line)}, {i.field}: {i.message}
                </List.Item>
              ))}
            </List>
          ) : (
            error
          )}
        </Alert>
      )}
    </Stack>
  );
}
