import { Modal, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OBJECTIVE_STATUSES, ZObjectiveFields, type ObjectiveStatus } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useMembers } from '../members/api';
import { objectivePath, objectivesPath, refreshObjectives, useAnnexCObjectives, type Objective } from './api';
import { OBJECTIVES_TEXT as T } from './text';

type Values = {
  title: string;
  description: string;
  measure: string;
  unit: string;
  baseline: string;
  target: string;
  ownerId: string | null;
  resources: string;
  dueDate: string;
  evaluation: string;
  annexCRef: string | null;
  status: ObjectiveStatus;
};
const EMPTY: Values = {
  title: '',
  description: '',
  measure: '',
  unit: '',
  baseline: '',
  target: '',
  ownerId: null,
  resources: '',
  dueDate: '',
  evaluation: '',
  annexCRef: null,
  status: 'planned',
};
const valuesOf = (o: Objective): Values => ({
  title: o.title,
  description: o.description,
  measure: o.measure,
  unit: o.unit,
  baseline: o.baseline === null ? '' : String(o.baseline),
  target: o.target === null ? '' : String(o.target),
  ownerId: o.ownerId,
  resources: o.resources,
  dueDate: o.dueDate ?? '',
  evaluation: o.evaluation,
  annexCRef: o.annexCRef,
  status: o.status,
});
/** Number fields: empty is "none"; anything else is sent as typed, so the schema names what is wrong. */
export const numberOrNull = (s: string): number | null | string =>
  s.trim() === '' ? null : Number.isFinite(Number(s)) ? Number(s) : s;
const toInput = (v: Values) => ({
  ...v,
  baseline: numberOrNull(v.baseline),
  target: numberOrNull(v.target),
  dueDate: v.dueDate || null,
});

/** Adds an objective, or edits one (sending the version it was read at). */
export function ObjectiveForm({
  orgId,
  objective,
  opened,
  onClose,
  onSaved,
}: {
  orgId: string;
  objective?: Objective;
  opened: boolean;
  onClose: () => void;
  onSaved?: (o: Objective) => void;
}) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const annexC = useAnnexCObjectives();
  const form = useZodForm(ZObjectiveFields, objective ? valuesOf(objective) : EMPTY, toInput);
  const save = useMutation({
    mutationFn: (input: unknown) =>
      objective
        ? api.patch<Objective>(objectivePath(orgId, objective.id), { ...(input as object), version: objective.version })
        : api.post<Objective>(objectivesPath(orgId), input),
    onSuccess: async (o) => {
      await refreshObjectives(qc, orgId);
      notifySuccess(objective ? T.saved : T.created(o.ref));
      onSaved?.(o);
      onClose();
      if (!objective) form.reset(EMPTY);
    },
    onError: (e) => form.showServerError(e),
  });
  const field = <K extends keyof Values>(k: K) => ({ ...form.field(k), label: T.fields[k] });

  return (
    <Modal opened={opened} onClose={onClose} title={objective ? `${T.edit} ${objective.ref}` : T.add} size="lg">
      <ValidatedForm form={form} save={save} submitLabel={T.save} onCancel={onClose}>
        <TextInput {...field('title')} required data-autofocus />
        <Textarea {...field('description')} autosize minRows={2} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('measure')} description={T.hints.measure} />
          <TextInput {...field('unit')} />
          <TextInput {...field('baseline')} inputMode="decimal" description={T.hints.baseline} />
          <TextInput {...field('target')} inputMode="decimal" />
          <Select
            {...field('ownerId')}
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            clearable
            searchable
          />
          <TextInput {...field('dueDate')} type="date" />
          <Select
            {...field('annexCRef')}
            data={(annexC.data ?? []).map((e) => ({ value: e.ref, label: `${e.ref} ${e.title}` }))}
            clearable
          />
          <Select
            {...field('status')}
            data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: T.status[s] }))}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea {...field('resources')} autosize minRows={2} />
        <Textarea {...field('evaluation')} autosize minRows={2} description={T.hints.evaluation} />
      </ValidatedForm>
    </Modal>
  );
}
