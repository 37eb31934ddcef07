import { useState } from 'react';
import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { PARTY_CATEGORY_LABELS } from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import { FormSection } from '../../ui/FormSection';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { useOrg } from '../shell/org-context';
import { partiesHref, partiesPath, partyHref, partyPath, refreshAfterChange, useParty } from './api';
import { useIsoRefs } from './iso-refs';
import { options } from './labels';
import {
  changedFields,
  differingFields,
  display,
  EMPTY_VALUES,
  fieldLabel,
  requirementErrors,
  schema,
  toInput,
  valuesOf,
  type PartyFields,
  type RequirementField,
} from './party-values';
import { RequirementsEditor } from './RequirementsEditor';
import {
  COMMON_TEXT as C,
  PARTIES_TEXT as T,
  PARTY_FIELD_HELP as H,
  PARTY_FIELD_LABELS as L,
  STEP_CRUMBS,
} from './text';
import type { InterestedParty } from './types';
import { WideSection } from './WideSection';

export function NewPartyPage() {
  return <PartyEditor record={null} />;
}

export function EditPartyPage() {
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const record = useParty(orgId, id);
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data) return <ErrorAlert error={new Error(T.notFound)} title={T.notFound} />;
  return <PartyEditor key={record.data.id} record={record.data} />;
}

/** "requirements.1.how" (a server rule's field) → the row and the field it belongs to. */
const rowFieldOf = (field: unknown): { index: number; field: RequirementField } | null => {
  const m = typeof field === 'string' ? /^requirements\.(\d+)\.(\w+)$/.exec(field) : null;
  return m ? { index: Number(m[1]), field: m[2] as RequirementField } : null;
};

function PartyEditor({ record }: { record: InterestedParty | null }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const iso = useIsoRefs(orgId);
  const form = useZodForm(schema, record ? valuesOf(record) : EMPTY_VALUES(), toInput);
  const { values, setValue, errorFor } = form;
  // Requirement rows: a message shows once its field was left or a save was tried; a server rule's
  // message stays on its row until that row changes.
  const [attempted, setAttempted] = useState(false);
  const [left, setLeft] = useState<Record<string, true>>({});
  const [serverRowErrors, setServerRowErrors] = useState<Record<string, Partial<Record<RequirementField, string>>>>({});
  const rowErrors = requirementErrors(values);
  const errorsOf = (key: string) => {
    const client = rowErrors[key] ?? {};
    const shown: Partial<Record<RequirementField, string>> = {};
    for (const f of Object.keys(client) as RequirementField[])
      if (attempted || left[`${key}.${f}`]) shown[f] = client[f];
    return { ...shown, ...serverRowErrors[key] };
  };
  const listHref = partiesHref(orgId);

  const saver = useVersionedSave({
    record,
    form,
    valuesOf,
    differing: differingFields,
    label: fieldLabel,
    show: display,
    create: (parsed: PartyFields) => api.post<InterestedParty>(partiesPath(orgId), parsed),
    update: async (base, parsed) => {
      const changes = changedFields(parsed, base);
      return Object.keys(changes).length === 0
        ? null
        : api.patch<InterestedParty>(partyPath(orgId, base.id), { version: base.version, ...changes });
    },
    onSaved: async (saved, created) => {
      await refreshAfterChange(qc, orgId);
      notifySuccess(created ? T.created(saved.name) : T.saved(saved.name));
      void navigate(partyHref(orgId, saved.id));
    },
    onRebased: () => void refreshAfterChange(qc, orgId),
    // A server rule about one requirement row shows on that row.
    onError: (e) => {
      const where = isApiError(e) ? rowFieldOf((e.details as { field?: unknown } | undefined)?.field) : null;
      const row = where ? values.requirements[where.index] : undefined;
      if (!where || !row || !isApiError(e)) return false;
      setServerRowErrors({ [row.key]: { [where.field]: e.message } });
      form.setFormError(C.fieldsNeedAttention);
      return true;
    },
    draftKey: `party:${orgId}:${record?.id ?? 'new'}`,
  });
  const { save, conflict } = saver;

  const categoryError = values.category === null && errorFor('category') ? C.chooseCategory : errorFor('category');
  const title = record ? T.editTitle(record.name) : T.newTitle;
  return (
    <>
      <PageHeader
        crumbs={[
          ...STEP_CRUMBS,
          { label: T.title, to: listHref },
          ...(record ? [{ label: record.name, to: partyHref(orgId, record.id) }] : []),
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
          setAttempted(true);
          const parsed = form.validate();
          if (parsed) save.mutate(parsed);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="lg" maw={1080}>
          <FormAlerts saver={saver} staleTitle={T.staleTitle} formError={form.formError} />
          <FormSection title={T.sectionParty} hint={T.sectionPartyHint}>
            <TextInput {...form.field('name')} label={L.name} description={H.name} required maxLength={250} />
            <Select
              {...form.field('category')}
              label={L.category}
              description={H.category}
              required
              data={options(PARTY_CATEGORY_LABELS)}
              error={categoryError}
              placeholder={C.chooseCategory}
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              {...form.field('description')}
              label={L.description}
              description={H.description}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2050}
            />
          </FormSection>
          <WideSection title={T.sectionRequirements} hint={T.sectionRequirementsHint}>
            <RequirementsEditor
              rows={values.requirements}
              errorsOf={errorsOf}
              isoOptions={iso.options}
              isoLoading={iso.loading}
              onChange={(rows) => {
                const changed = new Set(rows.filter((r, i) => r !== values.requirements[i]).map((r) => r.key));
                setServerRowErrors((s) =>
                  Object.fromEntries(
                    Object.entries(s).filter(([k]) => !changed.has(k) && rows.some((r) => r.key === k)),
                  ),
                );
                setValue('requirements', rows);
              }}
              onBlur={(key, field) => setLeft((s) => (s[`${key}.${field}`] ? s : { ...s, [`${key}.${field}`]: true }))}
            />
          </WideSection>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={record ? partyHref(orgId, record.id) : listHref}>
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
