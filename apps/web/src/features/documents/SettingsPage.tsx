import { Alert, Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CLASSIFICATIONS, ZDocumentSettings } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { masterListHref, refreshDocuments, settingsPath, useDocumentSettings, type DocumentSettings } from './api';

/** The facts every document prints, asked once: code prefix, classification, top management, usual owner and approver. */
export function SettingsPage() {
  const { orgId } = useOrg();
  const settings = useDocumentSettings(orgId);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Plan' }, { label: 'Documentation', to: masterListHref(orgId) }]}
        title="Document settings"
        description="Asked once and printed on every document: the code prefix (AIMS-POL-001), the classification in the footer, who top management is, and who usually owns and approves new documents."
      />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.version} orgId={orgId} settings={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ orgId, settings }: { orgId: string; settings: DocumentSettings }) {
  const { can } = useOrg();
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const people = (members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }));
  const form = useZodForm(ZDocumentSettings, {
    version: settings.version,
    codePrefix: settings.codePrefix,
    classification: settings.classification,
    topManagement: settings.topManagement,
    defaultOwnerId: settings.defaultOwnerId,
    defaultApproverId: settings.defaultApproverId,
  });
  const save = useMutation({
    mutationFn: (input: unknown) => api.put<DocumentSettings>(settingsPath(orgId), input),
    onSuccess: async () => {
      notifySuccess('Document settings saved. New documents and renderings use them.');
      await refreshDocuments(qc, orgId);
    },
    onError: (e) => {
      if (isApiError(e, 'STALE_VERSION'))
        form.setFormError(
          'Someone saved these settings after you opened them. Reload the page to see theirs, then make your change again.',
        );
      else form.showServerError(e);
    },
  });
  const readOnly = !can('document.publish');
  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <ValidatedForm form={form} save={save} gap="md">
        {readOnly && (
          <Alert color="gray" variant="light">
            Only an owner or an AIMS manager changes these settings.
          </Alert>
        )}
        <TextInput
          label="Document code prefix"
          description="2–8 capital letters or digits; documents read AIMS-POL-001."
          value={form.values.codePrefix}
          onChange={(e) => form.setValue('codePrefix', e.currentTarget.value.toUpperCase())}
          error={form.errorFor('codePrefix')}
          disabled={readOnly}
          required
          w={220}
        />
        <Select
          {...form.field('classification')}
          label="Classification"
          description="Printed in every document's footer."
          data={[...CLASSIFICATIONS]}
          disabled={readOnly}
          allowDeselect={false}
          w={220}
        />
        <TextInput
          {...form.field('topManagement')}
          label="Top management"
          description="Who signs the AI policy, as documents name them: “The board of Northwind Lending”."
          disabled={readOnly}
          required
        />
        <Group grow align="flex-start">
          <Select
            {...form.field('defaultOwnerId')}
            label="Usual owner of new documents"
            placeholder="Nobody by default"
            data={people}
            clearable
            searchable
            disabled={readOnly}
          />
          <Select
            {...form.field('defaultApproverId')}
            label="Usual approver"
            placeholder="Nobody by default"
            data={people}
            clearable
            searchable
            disabled={readOnly}
          />
        </Group>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        )}
      </ValidatedForm>
    </Paper>
  );
}
