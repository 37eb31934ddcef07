import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import {
  OCCURRENCE_OUTCOME_LABELS,
  OCCURRENCE_OUTCOMES,
  ZOccurrenceInput,
  type OccurrenceOutcome,
} from '@fortytwo/domain';
import type { ReactNode } from 'react';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useMembers } from '../members/api';
import { controlPath, refreshControls, type ControlDetail, type Occurrence } from './api';
import { CONTROLS_TEXT as T } from './text';

type Values = { performedOn: string; performedById: string | null; outcome: OccurrenceOutcome | ''; notes: string };
const today = () => new Date().toISOString().slice(0, 10);
const toInput = (v: Values) => ({
  performedOn: v.performedOn,
  performedById: v.performedById,
  outcome: v.outcome || undefined,
  notes: v.notes,
});

/** The record-an-occurrence form: date, who, outcome, notes. */
function RecordForm({ orgId, control, selfId }: { orgId: string; control: ControlDetail; selfId: string | null }) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const initial: Values = { performedOn: today(), performedById: selfId, outcome: '', notes: '' };
  const form = useZodForm(ZOccurrenceInput, initial, toInput);
  const v = form.values;
  const record = useMutation({
    mutationFn: (input: unknown) => api.post<ControlDetail>(`${controlPath(orgId, control.ref)}/occurrences`, input),
    onSuccess: async () => {
      await refreshControls(qc, orgId);
      form.reset(initial);
      notifySuccess(T.recorded);
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <form
      noValidate
      aria-label={T.recordTitle}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = form.validate();
        if (parsed) record.mutate(parsed);
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap="sm">
        <Title order={3} fz="md">
          {T.recordTitle}
        </Title>
        {form.formError && (
          <Text c="red.8" fz="sm" role="alert">
            {form.formError}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput {...form.field('performedOn')} type="date" label={T.performedOn} required max={today()} />
          <Select
            {...form.field('performedById')}
            label={T.performedBy}
            searchable
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
          />
          <Select
            label={T.outcome}
            required
            data={OCCURRENCE_OUTCOMES.map((o) => ({ value: o, label: OCCURRENCE_OUTCOME_LABELS[o] }))}
            value={v.outcome || null}
            onChange={(x) => form.setValue('outcome', x ?? '')}
            error={form.errorFor('outcome')}
          />
        </SimpleGrid>
        <Textarea {...form.field('notes')} label={T.notes} autosize minRows={2} maxRows={8} maxLength={5000} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {T.record}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Every recorded run, newest first, with the form to record another and (per run) its evidence. */
export function Occurrences({
  orgId,
  control,
  canWrite,
  selfId,
  evidence,
}: {
  orgId: string;
  control: ControlDetail;
  canWrite: boolean;
  selfId: string | null;
  evidence?: (o: Occurrence) => ReactNode;
}) {
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${controlPath(orgId, control.ref)}/occurrences/${id}`),
    onSuccess: () => refreshControls(qc, orgId),
    onError: (e) => notifyError(e),
  });
  return (
    <Stack gap="md">
      {canWrite &&
        (control.version > 0 ? (
          <RecordForm orgId={orgId} control={control} selfId={selfId} />
        ) : (
          <Text fz="sm" c="dimmed">
            {T.recordFirst}
          </Text>
        ))}
      {control.occurrences.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.noOccurrences}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} data-testid="occurrences">
          {control.occurrences.map((o) => (
            <Timeline.Item
              key={o.id}
              color={o.outcome === 'ok' ? 'teal' : 'orange'}
              bullet={o.outcome === 'ok' ? <IconCheck size={12} /> : <IconAlertTriangle size={12} />}
              title={
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Group gap="xs">
                    <Text fw={600} fz="sm">
                      {formatDate(o.performedOn)}
                    </Text>
                    <Badge variant="light" color={o.outcome === 'ok' ? 'teal' : 'orange'} size="sm">
                      {OCCURRENCE_OUTCOME_LABELS[o.outcome]}
                    </Badge>
                    <Text fz="sm" c="dimmed">
                      {T.by(o.performedBy.name)}
                    </Text>
                  </Group>
                  {canWrite && (
                    <Tooltip label={T.deleteOccurrence}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${T.deleteOccurrence} ${formatDate(o.performedOn)}`}
                        onClick={async () => {
                          if (
                            await confirmDanger({
                              title: T.deleteOccurrence,
                              message: T.deleteConfirm(formatDate(o.performedOn)),
                              confirmLabel: T.deleteOccurrence,
                            })
                          )
                            remove.mutate(o.id);
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              }
            >
              {o.notes && (
                <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {o.notes}
                </Text>
              )}
              {evidence && (
                <Paper mt={6} data-testid="occurrence-evidence">
                  {evidence(o)}
                </Paper>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
