import { Modal, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { METRIC_FREQUENCIES, ZMetricFields, type MetricFrequency } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useAiSystemChoices } from '../impact/api';
import { useMembers } from '../members/api';
import { useObjectives } from '../objectives/api';
import { numberOrNull } from '../objectives/ObjectiveForm';
import { metricPath, metricsPath, refreshMetrics, type Metric } from './api';
import { METRICS_TEXT as T } from './text';

type Values = {
  name: string;
  description: string;
  method: string;
  frequency: MetricFrequency;
  ownerId: string | null;
  unit: string;
  target: string;
  lowerThreshold: string;
  upperThreshold: string;
  aiSystemId: string | null;
  controlRef: string;
  objectiveId: string | null;
};
const EMPTY: Values = {
  name: '',
  description: '',
  method: '',
  frequency: 'monthly',
  ownerId: null,
  unit: '',
  target: '',
  lowerThreshold: '',
  upperThreshold: '',
  aiSystemId: null,
  controlRef: '',
  objectiveId: null,
};
const num = (n: number | null) => (n === null ? '' : String(n));
const valuesOf = (m: Metric): Values => ({
  ...m,
  target: num(m.target),
  lowerThreshold: num(m.lowerThreshold),
  upperThreshold: num(m.upperThreshold),
  controlRef: m.controlRef ?? '',
});
const toInput = (v: Values) => ({
  ...v,
  target: numberOrNull(v.target),
  lowerThreshold: numberOrNull(v.lowerThreshold),
  upperThreshold: numberOrNull(v.upperThreshold),
  controlRef: v.controlRef.trim() || null,
});

export function MetricForm({
  orgId,
  metric,
  opened,
  onClose,
}: {
  orgId: string;
  metric?: Metric;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const systems = useAiSystemChoices(orgId);
  const objectives = useObjectives(orgId);
  const form = useZodForm(ZMetricFields, metric ? valuesOf(metric) : EMPTY, toInput);
  const save = useMutation({
    mutationFn: (input: unknown) =>
      metric
        ? api.patch<Metric>(metricPath(orgId, metric.id), { ...(input as object), version: metric.version })
        : api.post<Metric>(metricsPath(orgId), input),
    onSuccess: async (m) => {
      await refreshMetrics(qc, orgId);
      notifySuccess(metric ? T.saved : T.created(m.ref));
      onClose();
      if (!metric) form.reset(EMPTY);
    },
    onError: (e) => form.showServerError(e),
  });
  const field = <K extends keyof Values>(k: K) => ({ ...form.field(k), label: T.fields[k] });
  const pick = (k: 'ownerId' | 'aiSystemId' | 'objectiveId', data: { value: string; label: string }[]) => ({
    ...field(k),
    data,
    clearable: true,
    searchable: true,
  });

  return (
    <Modal opened={opened} onClose={onClose} title={metric ? `${T.edit} ${metric.ref}` : T.add} size="lg">
      <ValidatedForm form={form} save={save} submitLabel={T.save} onCancel={onClose}>
        <TextInput {...field('name')} required data-autofocus />
        <Textarea {...field('description')} autosize minRows={2} />
        <Textarea {...field('method')} autosize minRows={2} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            {...field('frequency')}
            data={METRIC_FREQUENCIES.map((f) => ({ value: f, label: T.frequency[f] }))}
            allowDeselect={false}
          />
          <Select
            {...pick(
              'ownerId',
              (members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name })),
            )}
          />
          <TextInput {...field('unit')} />
          <TextInput {...field('target')} inputMode="decimal" />
          <TextInput {...field('lowerThreshold')} inputMode="decimal" description={T.hints.thresholds} />
          <TextInput {...field('upperThreshold')} inputMode="decimal" description={T.hints.thresholds} />
          <Select
            {...pick(
              'aiSystemId',
              (systems.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            )}
          />
          <TextInput {...field('controlRef')} placeholder="A.6.2.6" />
          <Select
            {...pick(
              'objectiveId',
              (objectives.data ?? []).map((o) => ({ value: o.id, label: `${o.ref} ${o.title}` })),
            )}
          />
        </SimpleGrid>
      </ValidatedForm>
    </Modal>
  );
}
