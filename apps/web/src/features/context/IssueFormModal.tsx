import { Button, Grid, Group, Modal, Radio, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  CONTEXT_CATEGORY_LABELS,
  CONTEXT_ISSUE_KINDS,
  type ContextCategory,
  type ContextIssueKind,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { useOrg } from '../shell/org-context';
import { issuePath, issuesPath, refreshAfterChange } from './api';
import {
  changedFields,
  differingFields,
  emptyValues,
  fieldLabel,
  schema,
  toInput,
  valuesOf,
  type FormField,
  type IssueFields,
  type IssueFormValues,
} from './issue-values';
import { options } from './labels';
import {
  COMMON_TEXT as C,
  ISSUE_FIELD_HELP as H,
  ISSUE_FIELD_LABELS as L,
  ISSUE_KIND_LABELS,
  ISSUES_TEXT as T,
} from './text';
import type { ContextIssue } from './types';

function display(f: FormField, v: IssueFormValues): string {
  switch (f) {
    case 'kind':
      return v.kind ? ISSUE_KIND_LABELS[v.kind as ContextIssueKind] : '—';
    case 'category':
      return v.category ? CONTEXT_CATEGORY_LABELS[v.category as ContextCategory] : '—';
    case 'description':
    case 'effect':
    case 'source':
    case 'reviewDate':
      return v[f].trim() || '—';
  }
}

/**
 * Adds an issue, or edits one (PATCH with the version read). New issues start with the kind and
 * category the register is filtered on.
 */
export function IssueFormModal({
  issue,
  preset,
  onClose,
}: {
  issue: ContextIssue | null;
  preset: { kind?: ContextIssueKind | undefined; category?: ContextCategory | undefined };
  onClose: () => void;
}) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const form = useZodForm(
    schema,
    issue ? valuesOf(issue) : emptyValues(preset.kind ?? null, preset.category ?? null),
    toInput,
  );
  const { values, errorFor } = form;

  const saver = useVersionedSave({
    record: issue,
    form,
    valuesOf,
    differing: differingFields,
    label: fieldLabel,
    show: display,
    create: (parsed: IssueFields) => api.post<ContextIssue>(issuesPath(orgId), parsed),
    update: async (base, parsed) => {
      const changes = changedFields(parsed, base);
      return Object.keys(changes).length === 0
        ? null
        : api.patch<ContextIssue>(issuePath(orgId, base.id), { version: base.version, ...changes });
    },
    onSaved: async (_saved, created) => {
      // The register shows the new row as the dialog closes.
      await refreshAfterChange(qc, orgId);
      notifySuccess(created ? T.created : T.savedIssue);
      onClose();
    },
    onRebased: () => void refreshAfterChange(qc, orgId),
  });
  const { save, conflict } = saver;

  // The domain's message for a missing select lists its ids; a person needs "choose one".
  const categoryError = values.category === null && errorFor('category') ? C.chooseCategory : errorFor('category');
  const title = issue ? T.editTitle : T.newTitle;

  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
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
        <Stack gap="md">
          <FormAlerts saver={saver} staleTitle={T.staleTitle} formError={form.formError} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Radio.Group {...form.field('kind')} label={L.kind} description={H.kind} required>
                <Group gap="lg" mt={8}>
                  {CONTEXT_ISSUE_KINDS.map((k) => (
                    <Radio key={k} value={k} label={ISSUE_KIND_LABELS[k]} />
                  ))}
                </Group>
              </Radio.Group>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                {...form.field('category')}
                label={L.category}
                description={H.category}
                required
                data={options(CONTEXT_CATEGORY_LABELS)}
                error={categoryError}
                placeholder={C.chooseCategory}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
          </Grid>
          <Textarea
            {...form.field('description')}
            label={L.description}
            description={H.description}
            required
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2050}
            data-autofocus
          />
          <Textarea
            {...form.field('effect')}
            label={L.effect}
            description={H.effect}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2050}
          />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput {...form.field('source')} label={L.source} description={H.source} maxLength={550} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput {...form.field('reviewDate')} type="date" label={L.reviewDate} description={H.reviewDate} />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!conflict}>
              {issue ? T.save : T.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
