import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TAiSystemFields } from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { AiSystemRecord } from '../../api/types';
import { personOf } from '../../api/people';
import { useOrg } from '../shell/org-context';
import { useMemberName, useMembers } from '../members/api';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { aiSystemKey, aiSystemPath, createAiSystemPath, inventoryKey, useAiSystem } from './api';
import { AiSystemForm } from './AiSystemForm';
import { changedFields, differingFields, EMPTY_VALUES, schema, toInput, valuesOf } from './form-values';
import { displayValue } from './labels';
import { fieldLabel, INVENTORY_TEXT as T } from './text';

export function NewAiSystemPage() {
  return <AiSystemEditor record={null} />;
}

export function EditAiSystemPage() {
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const record = useAiSystem(orgId, id);
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} title={T.notFound} />;
  return <AiSystemEditor key={record.data.id} record={record.data} />;
}

function AiSystemEditor({ record }: { record: AiSystemRecord | null }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const members = useMembers(orgId);
  const memberName = useMemberName(orgId);
  const form = useZodForm(schema, record ? valuesOf(record) : EMPTY_VALUES, toInput);
  const listHref = `/orgs/${orgId}/ai-systems`;

  const saver = useVersionedSave({
    record,
    form,
    valuesOf,
    differing: differingFields,
    label: fieldLabel,
    show: (f, v) => displayValue(f, v[f], memberName),
    create: (parsed: TAiSystemFields) => api.post<AiSystemRecord>(createAiSystemPath(orgId), parsed),
    update: async (base, parsed) => {
      const changes = changedFields(parsed, base);
      return Object.keys(changes).length === 0
        ? null
        : api.patch<AiSystemRecord>(aiSystemPath(orgId, base.id), { version: base.version, ...changes });
    },
    onSaved: async (saved, created) => {
      qc.setQueryData(aiSystemKey(orgId, saved.id), saved);
      await qc.invalidateQueries({ queryKey: inventoryKey(orgId) });
      notifySuccess(created ? T.created(saved.name) : T.saved(saved.name));
      void navigate(`${listHref}/${saved.id}`);
    },
    onRebased: (current) => qc.setQueryData(aiSystemKey(orgId, current.id), current),
    draftKey: `ai-system:${orgId}:${record?.id ?? 'new'}`,
  });
  const { save, conflict } = saver;

  const title = record ? T.editTitle(record.name) : T.newTitle;
  return (
    <>
      <PageHeader
        crumbs={[
          { label: T.title, to: listHref },
          ...(record ? [{ label: record.name, to: `${listHref}/${record.id}` }] : []),
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
          <AiSystemForm
            form={form}
            members={members.data ?? []}
            currentOwner={record ? personOf(record.people, record.ownerId) : null}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={record ? `${listHref}/${record.id}` : listHref}>
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
