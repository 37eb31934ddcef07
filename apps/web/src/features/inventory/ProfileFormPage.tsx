import { useMemo, useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AiSystemProfile } from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import { useOrg } from '../shell/org-context';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { useLeaveGuard } from '../../ui/use-leave-guard';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import {
  aiSystemHref,
  aiSystemKey,
  aiSystemProfileKey,
  aiSystemProfilePath,
  inventoryKey,
  useAiSystem,
  useAiSystemProfile,
  type AiSystemProfileRecord,
} from './api';
import { ProfileForm } from './ProfileForm';
import { ProfileStaleConflict, type ProfileConflict } from './ProfileStaleConflict';
import { PROFILE_TEXT as T } from './profile-text';
import {
  differingParts,
  fieldOf,
  profileOfRecord,
  profileOfValues,
  rowMessages,
  schema,
  toInput,
  valuesOf,
  type ProfileFormValues,
  type RowList,
  type RowMessages,
} from './profile-values';
import { INVENTORY_TEXT } from './text';

/** /orgs/:orgId/ai-systems/:id/profile/edit: the A.4 record of one AI system. */
export function EditAiSystemProfilePage() {
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const system = useAiSystem(orgId, id);
  const profile = useAiSystemProfile(orgId, id, { forEditing: true });
  if (system.isError) return <ErrorAlert error={system.error} title={INVENTORY_TEXT.notFound} />;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  // Edit from what the server holds now, not from a copy cached before the details were last saved.
  if (system.isPending || profile.isPending || !profile.isFetchedAfterMount) return <Loading />;
  return <ProfileEditor key={id} name={system.data.name} record={profile.data} />;
}

function ProfileEditor({ name, record }: { name: string; record: AiSystemProfileRecord }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const id = record.aiSystemId;
  const viewHref = aiSystemHref(orgId, id, 'resources');
  const [base, setBase] = useState(record);
  const [conflict, setConflict] = useState<ProfileConflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [initial] = useState(() => valuesOf(profileOfRecord(record)));
  const form = useZodForm(schema, initial, toInput, fieldOf);
  const guard = useLeaveGuard(differingParts(profileOfRecord(base), profileOfValues(form.values)).length > 0);

  // Rows show a field's message once it was left or a save was tried; a server message stays on
  // its row until that row changes.
  const [attempted, setAttempted] = useState(false);
  const [left, setLeft] = useState<Record<string, true>>({});
  const [serverRows, setServerRows] = useState<RowMessages>({});
  const clientRows = useMemo(() => {
    const parsed = schema.safeParse(toInput(form.values));
    return parsed.success ? {} : rowMessages(form.values, parsed.error.issues);
  }, [form.values]);
  const messagesOf = (key: string) => {
    const shown: Partial<Record<string, string>> = {};
    for (const [field, message] of Object.entries(clientRows[key] ?? {}))
      if (attempted || left[`${key}.${field}`]) shown[field] = message;
    return { ...shown, ...serverRows[key] };
  };
  const setRows = <K extends RowList>(list: K, rows: ProfileFormValues[K]) => {
    const before: readonly unknown[] = form.values[list];
    const changed = new Set(rows.filter((r) => !before.includes(r)).map((r) => r.key));
    setServerRows((m) => Object.fromEntries(Object.entries(m).filter(([key]) => !changed.has(key))));
    form.setValue(list, rows);
  };

  const save = useMutation({
    mutationFn: async (parsed: AiSystemProfile): Promise<AiSystemProfileRecord | null> => {
      if (differingParts(profileOfRecord(base), parsed).length === 0) return null;
      return api.put<AiSystemProfileRecord>(aiSystemProfilePath(orgId, id), { ...parsed, version: base.version });
    },
    onSuccess: async (saved) => {
      if (!saved) {
        setNotice(T.nothingChanged);
        return;
      }
      qc.setQueryData(aiSystemProfileKey(orgId, id), saved);
      notifySuccess(T.saved(name));
      await guard.allowDuring(() => navigate(viewHref));
      // The AI system moved on to a new version with its profile: its record, history and list rows.
      await qc.invalidateQueries({ queryKey: inventoryKey(orgId) });
    },
    onError: (e) => {
      if (isApiError(e, 'STALE_VERSION')) {
        const current = (e.details as { current?: AiSystemProfileRecord } | undefined)?.current;
        if (current) {
          setConflict({ base, current, mine: form.values });
          return;
        }
      }
      if (isApiError(e)) setServerRows(rowMessages(form.values, e.issues));
      form.showServerError(e);
    },
  });

  const resolve = (reapply: boolean) => {
    if (!conflict) return;
    const next: Record<string, unknown> = { ...profileOfRecord(conflict.current) };
    if (reapply) {
      const mine = profileOfValues(conflict.mine);
      for (const f of differingParts(profileOfRecord(conflict.base), mine)) next[f] = mine[f];
    }
    setBase(conflict.current);
    qc.setQueryData(aiSystemProfileKey(orgId, id), conflict.current);
    void qc.invalidateQueries({ queryKey: aiSystemKey(orgId, id), exact: true });
    form.reset(valuesOf(next as AiSystemProfile));
    setAttempted(false);
    setLeft({});
    setServerRows({});
    setConflict(null);
    setNotice(reapply ? T.staleReapplied : null);
  };

  const title = T.formTitle(name);
  const listHref = `/orgs/${orgId}/ai-systems`;
  return (
    <>
      <PageHeader
        crumbs={[{ label: INVENTORY_TEXT.title, to: listHref }, { label: name, to: viewHref }, { label: T.tab }]}
        title={title}
        description={T.formIntro}
      />
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          setAttempted(true);
          const parsed = form.validate();
          if (parsed) save.mutate(parsed);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="lg" maw={1080}>
          {conflict && (
            <ProfileStaleConflict
              conflict={conflict}
              onReapply={() => resolve(true)}
              onDiscard={() => resolve(false)}
            />
          )}
          {notice && (
            <Alert
              color="blue"
              variant="light"
              withCloseButton
              onClose={() => setNotice(null)}
              closeButtonLabel="Dismiss"
            >
              {notice}
            </Alert>
          )}
          {form.formError && (
            <Alert color="red" variant="light" role="alert">
              {form.formError}
            </Alert>
          )}
          <ProfileForm
            form={form}
            setRows={setRows}
            messagesOf={messagesOf}
            onRowBlur={(key, field) => setLeft((l) => (l[`${key}.${field}`] ? l : { ...l, [`${key}.${field}`]: true }))}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={viewHref}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!conflict}>
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
