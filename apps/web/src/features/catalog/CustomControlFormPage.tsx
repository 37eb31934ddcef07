import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PILLAR_LABELS, type CustomControlFields, type Pillar } from '@fortytwo/catalog/browser';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import type { CustomControl } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { StaleConflictAlert } from '../../ui/StaleConflictAlert';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useOrg } from '../shell/org-context';
import { catalogKey, customControlPath, customControlsKey, customControlsPath, DEFAULT_FRAMEWORK, useCustomControl, useFramework } from './api';
import { CustomControlForm } from './CustomControlForm';
import { changedFields, differingFields, EMPTY_VALUES, fieldOf, schema, toInput, valuesOf, type CustomControlFormValues, type FormField } from './custom-control-values';
import { CATALOG_TEXT, CUSTOM_FIELD_LABELS as L, CUSTOM_TEXT as T } from './text';

type Conflict = { base: CustomControl; current: CustomControl; mine: CustomControlFormValues };

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
  const [base, setBase] = useState<CustomControl | null>(record);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useZodForm(schema, record ? valuesOf(record) : EMPTY_VALUES, toInput, fieldOf);
  const listHref = `/orgs/${orgId}/catalog/custom-controls`;

  const save = useMutation({
    mutationFn: async (parsed: CustomControlFields): Promise<CustomControl | null> => {
      if (!base) return api.post<CustomControl>(customControlsPath(orgId), parsed);
      const changes = changedFields(parsed, base);
      if (Object.keys(changes).length === 0) return null;
      return api.patch<CustomControl>(customControlPath(orgId, base.id), { version: base.version, ...changes });
    },
    onSuccess: async (saved) => {
      if (!saved) {
        setNotice(T.nothingChanged);
        return;
      }
      await qc.invalidateQueries({ queryKey: catalogKey(orgId) });
      notifySuccess(base ? T.saved(saved.ref) : T.created(saved.ref));
      void navigate(listHref);
    },
    onError: (e) => {
      if (base && isApiError(e, 'STALE_VERSION')) {
        const current = (e.details as { current?: CustomControl } | undefined)?.current;
        if (current) {
          setConflict({ base, current, mine: form.values });
          return;
        }
      }
      form.showServerError(e);
    },
  });

  const resolve = (reapply: boolean) => {
    if (!conflict) return;
    const next: CustomControlFormValues = { ...valuesOf(conflict.current) };
    if (reapply) {
      const startedFrom = valuesOf(conflict.base);
      for (const f of differingFields(startedFrom, conflict.mine)) (next as Record<string, unknown>)[f] = conflict.mine[f];
    }
    setBase(conflict.current);
    void qc.invalidateQueries({ queryKey: customControlsKey(orgId) });
    form.reset(next);
    setConflict(null);
    setNotice(reapply ? T.staleReapplied : null);
  };

  const conflictRows = (c: Conflict) => {
    const theirs = valuesOf(c.current);
    const startedFrom = valuesOf(c.base);
    const fields = [...new Set([...differingFields(startedFrom, theirs), ...differingFields(startedFrom, c.mine)])];
    return fields.map((f) => ({ field: f, label: L[f], theirs: display(f, theirs), yours: display(f, c.mine) }));
  };

  const title = record ? T.editTitle(record.ref) : T.newTitle;
  return (
    <>
      <PageHeader
        crumbs={[{ label: CATALOG_TEXT.title, to: `/orgs/${orgId}/catalog` }, { label: T.title, to: listHref }]}
        title={title}
        description={record ? undefined : T.description}
      />
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          const parsed = form.validate();
          if (parsed) save.mutate(parsed);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="lg" maw={1080}>
          {conflict && (
            <StaleConflictAlert
              conflict={conflict}
              title={T.staleTitle}
              body={T.staleBody(T.staleWho(conflict.current.version, conflict.base.version, formatDateTime(conflict.current.updatedAt)))}
              rows={conflictRows(conflict)}
              labels={{ field: T.staleField, theirs: T.staleTheirs, yours: T.staleYours, reapply: T.staleReapply, discard: T.staleDiscard }}
              onReapply={() => resolve(true)}
              onDiscard={() => resolve(false)}
            />
          )}
          {notice && (
            <Alert color="blue" variant="light" withCloseButton onClose={() => setNotice(null)} closeButtonLabel="Dismiss">
              {notice}
            </Alert>
          )}
          {form.formError && (
            <Alert color="red" variant="light" role="alert">
              {form.formError}
            </Alert>
          )}
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
