import { Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  CADENCE_PRESETS,
  cadenceLabel,
  CONTROL_STATUS_LABELS,
  CONTROL_STATUSES,
  ZControlImplementationInput,
  type ControlStatus,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { FormAlerts } from '../../ui/FormAlerts';
import { formatDate } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { useMembers } from '../members/api';
import { controlPath, refreshControls, useDocumentChoices, type ControlDetail } from './api';
import { CONTROLS_TEXT as T } from './text';

type Values = {
  status: ControlStatus;
  ownerId: string | null;
  description: string;
  documentIds: string[];
  dueOn: string;
  cadence: string;
  cadenceN: number | string;
};
type Field = keyof Omit<Values, 'cadenceN'>;

const PRESET = new Set<number>(CADENCE_PRESETS.map((p) => p.months));
const valuesOf = (c: ControlDetail): Values => ({
  status: c.status ?? 'planned',
  ownerId: c.ownerId,
  description: c.description,
  documentIds: c.documents.map((d) => d.id),
  dueOn: c.dueOn ?? '',
  cadence: c.cadenceMonths === null ? 'none' : PRESET.has(c.cadenceMonths) ? String(c.cadenceMonths) : 'other',
  cadenceN: c.cadenceMonths !== null && !PRESET.has(c.cadenceMonths) ? c.cadenceMonths : 2,
});
const cadenceOf = (v: Values): number | null =>
  v.cadence === 'none' ? null : v.cadence === 'other' ? Number(v.cadenceN) : Number(v.cadence);
const toInput = (v: Values) => ({
  version: 0,
  status: v.status,
  ownerId: v.ownerId,
  description: v.description,
  documentIds: v.documentIds,
  dueOn: v.dueOn || null,
  cadenceMonths: cadenceOf(v),
});
const fieldOf = (path: string[]) => (path[0] === 'cadenceMonths' ? 'cadence' : (path[0] ?? ''));
const FIELDS: Field[] = ['status', 'ownerId', 'description', 'documentIds', 'dueOn', 'cadence'];
const LABELS: Record<Field, string> = {
  status: T.fields.status,
  ownerId: T.fields.ownerId,
  description: T.fields.description,
  documentIds: T.fields.documentIds,
  dueOn: T.fields.dueOn,
  cadence: T.fields.cadenceMonths,
};
const differing = (a: Values, b: Values): Field[] =>
  FIELDS.filter((f) =>
    f === 'cadence'
      ? cadenceOf(a) !== cadenceOf(b)
      : f === 'documentIds'
        ? a.documentIds.join() !== b.documentIds.join()
        : f === 'description'
          ? a.description.trim() !== b.description.trim()
          : a[f] !== b[f],
  );

/** How a control is implemented: status, owner, how, documents, due date, cadence. One versioned save. */
export function ImplementationForm({ orgId, control }: { orgId: string; control: ControlDetail }) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const documents = useDocumentChoices(orgId, true);
  const form = useZodForm(ZControlImplementationInput, valuesOf(control), toInput, fieldOf);
  const v = form.values;
  const memberName = (id: string | null) =>
    id ? ((members.data ?? []).find((m) => m.user.id === id)?.user.name ?? id) : '—';
  const docTitle = (id: string) =>
    (documents.data ?? []).find((d) => d.id === id)?.title ?? control.documents.find((d) => d.id === id)?.title ?? id;
  const show = (f: Field, x: Values) => {
    switch (f) {
      case 'status':
        return CONTROL_STATUS_LABELS[x.status];
      case 'ownerId':
        return memberName(x.ownerId);
      case 'documentIds':
        return x.documentIds.map(docTitle).join(', ') || '—';
      case 'dueOn':
        return x.dueOn ? formatDate(x.dueOn) : '—';
      case 'cadence':
        return cadenceLabel(cadenceOf(x));
      case 'description':
        return x.description.trim() || '—';
    }
  };
  const saver = useVersionedSave({
    record: control,
    form,
    valuesOf,
    differing,
    label: (f) => LABELS[f],
    show,
    update: async (base) => {
      const changed = differing(valuesOf(base), v);
      if (changed.length === 0 && base.version > 0) return null;
      const input = toInput(v);
      const pick = (f: Field, key: keyof typeof input) =>
        changed.includes(f) || base.version === 0 ? { [key]: input[key] } : {};
      return api.put<ControlDetail>(`${controlPath(orgId, base.ref)}/implementation`, {
        version: base.version,
        ...pick('status', 'status'),
        ...pick('ownerId', 'ownerId'),
        ...(changed.includes('description') || base.version === 0 ? { description: v.description.trim() } : {}),
        ...pick('documentIds', 'documentIds'),
        ...pick('dueOn', 'dueOn'),
        ...pick('cadence', 'cadenceMonths'),
      });
    },
    onSaved: async (saved) => {
      await refreshControls(qc, orgId);
      notifySuccess(T.saved(saved.ref));
    },
    onRebased: () => void refreshControls(qc, orgId),
  });
  const { save, conflict } = saver;

  return (
    <form
      noValidate
      aria-label={T.implementationTitle}
      onSubmit={(e) => {
        e.preventDefault();
        saver.setNotice(null);
        const parsed = form.validate();
        if (parsed) save.mutate(parsed);
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap="md">
        <FormAlerts saver={saver} staleTitle={T.staleTitle(control.ref)} formError={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            {...form.field('status')}
            label={T.fields.status}
            description={T.hints.status}
            data={CONTROL_STATUSES.map((s) => ({ value: s, label: CONTROL_STATUS_LABELS[s] }))}
            allowDeselect={false}
          />
          <Select
            {...form.field('ownerId')}
            label={T.fields.ownerId}
            clearable
            searchable
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
          />
        </SimpleGrid>
        <Textarea
          {...form.field('description')}
          label={T.fields.description}
          description={T.hints.description}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={20000}
        />
        <MultiSelect
          {...form.field('documentIds')}
          label={T.fields.documentIds}
          description={T.hints.documents}
          searchable
          clearable
          data={[
            ...(documents.data ?? []).map((d) => ({ value: d.id, label: `${d.code} ${d.title}` })),
            ...control.documents
              .filter((d) => !(documents.data ?? []).some((x) => x.id === d.id))
              .map((d) => ({ value: d.id, label: d.title })),
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput {...form.field('dueOn')} type="date" label={T.fields.dueOn} description={T.hints.dueOn} />
          <Select
            {...form.field('cadence')}
            label={T.fields.cadenceMonths}
            description={T.hints.cadence}
            data={[
              { value: 'none', label: T.cadenceNone },
              ...CADENCE_PRESETS.map((p) => ({ value: String(p.months), label: p.label })),
              { value: 'other', label: T.cadenceOther },
            ]}
            allowDeselect={false}
          />
          {v.cadence === 'other' && (
            <NumberInput
              label={T.fields.everyN}
              min={1}
              max={60}
              allowDecimal={false}
              value={v.cadenceN}
              onChange={(x) => form.setValue('cadenceN', x)}
              error={form.errorFor('cadence')}
            />
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!!conflict}>
            {control.version === 0 ? T.setUp : T.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
