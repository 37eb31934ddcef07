import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAiSystemFields } from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import type { AiSystem } from '../../api/types';
import { useOrg } from '../shell/org-context';
import { useMemberName, useMembers } from '../members/api';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { aiSystemKey, aiSystemPath, createAiSystemPath, inventoryKey, useAiSystem } from './api';
import { AiSystemForm } from './AiSystemForm';
import { changedFields, differingFields, EMPTY_VALUES, schema, toInput, valuesOf, type AiSystemFormValues } from './form-values';
import { StaleConflict, type Conflict } from './StaleConflict';
import { INVENTORY_TEXT as T } from './text';

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

function AiSystemEditor({ record }: { record: AiSystem | null }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const members = useMembers(orgId);
  const memberName = useMemberName(orgId);
  const [base, setBase] = useState<AiSystem | null>(record);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useZodForm(schema, record ? valuesOf(record) : EMPTY_VALUES, toInput);
  const listHref = `/orgs/${orgId}/ai-systems`;

  const save = useMutation({
    mutationFn: async (parsed: TAiSystemFields): Promise<AiSystem | null> => {
      if (!base) return api.post<AiSystem>(createAiSystemPath(orgId), parsed);
      const changes = changedFields(parsed, base);
      if (Object.keys(changes).length === 0) return null;
      return api.patch<AiSystem>(aiSystemPath(orgId, base.id), { version: base.version, ...changes });
    },
    onSuccess: async (saved) => {
      if (!saved) {
        setNotice(T.nothingChanged);
        return;
      }
      qc.setQueryData(aiSystemKey(orgId, saved.id), saved);
      await qc.invalidateQueries({ queryKey: inventoryKey(orgId) });
      notifySuccess(base ? T.saved(saved.name) : T.created(saved.name));
      void navigate(`${listHref}/${saved.id}`);
    },
    onError: (e) => {
      if (base && isApiError(e, 'STALE_VERSION')) {
        const current = (e.details as { current?: AiSystem } | undefined)?.current;
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
    const theirs = valuesOf(conflict.current);
    const next: AiSystemFormValues = { ...theirs };
    if (reapply) {
      const startedFrom = valuesOf(conflict.base);
      for (const f of differingFields(startedFrom, conflict.mine)) (next as Record<string, unknown>)[f] = conflict.mine[f];
    }
    setBase(conflict.current);
    qc.setQueryData(aiSystemKey(orgId, conflict.current.id), conflict.current);
    form.reset(next);
    setConflict(null);
    setNotice(reapply ? T.staleReapplied : null);
  };

  const title = record ? T.editTitle(record.name) : T.newTitle;
  return (
    <>
      <PageHeader
        crumbs={[{ label: T.title, to: listHref }, ...(record ? [{ label: record.name, to: `${listHref}/${record.id}` }] : [])]}
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
          {conflict && <StaleConflict conflict={conflict} memberName={memberName} onReapply={() => resolve(true)} onDiscard={() => resolve(false)} />}
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
          <AiSystemForm form={form} members={members.data ?? []} currentOwner={record?.owner ?? null} />
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
