import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { PILLAR_LABELS, type CustomControlFields, type Pillar } from '@fortytwo/catalog/browser';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { CustomControl } from '../../api/types';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { useOrg } from '../shell/org-context';
import {
  catalogKey,
  customControlPath,
  customControlsKey,
  customControlsPath,
  DEFAULT_FRAMEWORK,
  useCustomControl,
  useFramework,
} from './api';
import { CustomControlForm } from './CustomControlForm';
import {
  changedFields,
  differingFields,
  EMPTY_VALUES,
  fieldOf,
  schema,
  toInput,
  valuesOf,
  type CustomControlFormValues,
  type FormField,
} from './custom-control-values';
import { CATALOG_TEXT, CUSTOM_FIELD_LABELS as L, CUSTOM_TEXT as T } from './text';

export function NewCustomControlPage() {
  return <CustomControlEditor record={null} />;
}

export function EditCustomControlPage() {
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const record = useCustomControl(orgId, id);
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} title={T.notFound} />;
  return <CustomControlEditor key={record.data.id} record={record.data} />;
}

/** A form value as a person reads it in the conflict table. */
function display(field: FormField, v: CustomControlFormValues): string {
  switch (field) {
    case 'withGuidance':
      return v.withGuidance ? 'Yes' : 'No';
    case 'pillars':
      return v.pillars.map((p) => PILLAR_LABELS[p as Pillar] ?? p).join(', ') || '—';
    case 'relatedRefs':
      return v.relatedRefs.join(', ') || '—';
    case 'ref':
    case 'title':
    case 'description':
    case 'asks':
    case 'auditorLooksFor':
    case 'evidence':
      return v[field] || '—';
  }
}

function CustomControlEditor({ record }: { record: CustomControl | null }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const iso = useFramework(orgId, DEFAULT_FRAMEWORK);
  const form = useZodForm(schema, record ? valuesOf(record) : EMPTY_VALUES, toInput, fieldOf);
  const listHref = `/orgs/${orgId}/catalog/custom-controls`;

  const saver = useVersionedSave({
    record,
    form,
    valuesOf,
    differing: differingFields,
    label: (f) => L[f],
    show: display,
    create: (parsed: CustomControlFields) => api.post<CustomControl>(customControlsPath(orgId), parsed),
    update: async (base, parsed) => {
      const changes = changedFields(parsed, base);
      return Object.keys(changes).length === 0
        ? null
        : api.patch<CustomControl>(customControlPath(orgId, base.id), { version: base.version, ...changes });
    },
    onSaved: async (saved, created) => {
      await qc.invalidateQueries({ queryKey: catalogKey(orgId) });
      notifySuccess(created ? T.created(saved.ref) : T.saved(saved.ref));
      void navigate(listHref);
    },
    onRebased: () => void qc.invalidateQueries({ queryKey: customControlsKey(orgId) }),
    draftKey: `custom-control:${orgId}:${record?.id ?? 'new'}`,
  });
  const { save, conflict } = saver;

  const title = record ? T.editTitle(record.ref) : T.newTitle;
  return (
    <>
      <PageHeader
        crumbs={[
          { label: CATALOG_TEXT.title, to: `/orgs/${orgId}/catalog` },
          { label: T.title, to: listHref },
        ]}
        title={title}
        description={record ? undefined : T.description}
      />
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          saver.setNotice(null);
          const parsed = form.validate();
          if (parsed) save.mutate(parsed);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="lg" maw={1080}>
          <FormAlerts saver={saver} staleTitle={T.staleTitle} formError={form.formError} />
          <CustomControlForm form={form} isoItems={iso.data?.items ?? []} isoLoading={iso.isPending} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={listHref}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!conflict}>
              {record ? T.save : T.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
