import { Alert, Anchor, Button, Drawer, Group, List, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { CONTROL_STATUS_LABELS, IMPLEMENTATION_STATUS_LABELS, ZSoaDecision } from '@fortytwo/domain';
import { controlHref } from '../controls/api';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { refreshSoa, riskHref, soaItemPath, type SoaItem } from './api';
import { decisionOf, type Decision } from './url-state';
import { SOA_TEXT as T } from './text';

type Values = { decision: Decision; justification: string };

const valuesOf = (i: SoaItem): Values => ({ decision: decisionOf(i), justification: i.statedJustification });
const includedOf = (d: Decision) => (d === 'undecided' ? null : d === 'included');

// The server's rule (an exclusion needs its reason before approval), checked as you type.
const schema = ZSoaDecision.superRefine((v, ctx) => {
  if (v.included === false && !v.justification?.trim())
    ctx.addIssue({ code: 'custom', message: T.statedRequired, path: ['justification'] });
});
const fieldOf = (path: string[]) => (path[0] === 'included' ? 'decision' : (path[0] ?? ''));

const FIELD_LABELS: Record<keyof Values, string> = { decision: T.decision, justification: T.stated };
const DECISION_WORDS: Record<Decision, string> = { included: T.included, excluded: T.excluded, undecided: T.undecided };
const show = (f: keyof Values, v: Values) =>
  f === 'decision' ? DECISION_WORDS[v.decision] : v.justification.trim() || '—';
const differing = (a: Values, b: Values) =>
  (Object.keys(FIELD_LABELS) as (keyof Values)[]).filter((f) =>
    f === 'justification' ? a[f].trim() !== b[f].trim() : a[f] !== b[f],
  );

/** The decision on one control: included or not, the stated reason, the implementation status. */
export function SoaItemEditor({ orgId, item, onClose }: { orgId: string; item: SoaItem; onClose: () => void }) {
  const qc = useQueryClient();
  // The version only matters to the schema's shape here; the save sends the version it started from.
  const toInput = (v: Values) => ({
    version: item.version,
    included: includedOf(v.decision),
    justification: v.justification,
  });
  const form = useZodForm(schema, valuesOf(item), toInput, fieldOf);
  const { values } = form;
  const saver = useVersionedSave({
    record: item,
    form,
    valuesOf,
    differing,
    label: (f) => FIELD_LABELS[f],
    show,
    update: async (base) => {
      const changed = differing(valuesOf(base), values);
      if (changed.length === 0) return null;
      return api.patch<SoaItem>(soaItemPath(orgId, base.ref), {
        version: base.version,
        ...(changed.includes('decision') ? { included: includedOf(values.decision) } : {}),
        ...(changed.includes('justification') ? { justification: values.justification.trim() } : {}),
      });
    },
    onSaved: async (saved) => {
      await refreshSoa(qc, orgId);
      notifySuccess(T.saved(saved.ref));
      onClose();
    },
    onRebased: () => void refreshSoa(qc, orgId),
  });
  const { save, conflict } = saver;
  const base = saver.base ?? item;
  // A control a treatment uses is included by implication: "undecided" would change nothing.
  const implied = base.risks.length > 0;

  const excluding = values.decision === 'excluded';
  return (
    <Drawer
      opened
      onClose={onClose}
      title={T.editorTitle(item.ref)}
      position="right"
      size="lg"
      closeButtonProps={{ 'aria-label': T.cancel }}
    >
      <form
        noValidate
        aria-label={T.editorTitle(item.ref)}
        onSubmit={(e) => {
          e.preventDefault();
          saver.setNotice(null);
          const parsed = form.validate();
          if (parsed) save.mutate(parsed);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="md">
          <Text fw={600}>
            {item.ref} {item.title}
          </Text>
          <FormAlerts saver={saver} staleTitle={T.staleTitle(item.ref)} formError={form.formError} />
          <Radio.Group
            label={T.decision}
            description={T.decisionHint}
            value={values.decision}
            onChange={(v) => {
              form.setValue('decision', v);
              // Excluding makes the reason required: say so now, not at save.
              if (v === 'excluded') form.touch('justification');
            }}
            error={form.errorFor('decision')}
          >
            <Group gap="lg" mt={8}>
              <Radio value="included" label={T.include} />
              <Radio value="excluded" label={T.exclude} />
              <Radio value="undecided" label={T.leaveUndecided} disabled={implied} />
            </Group>
          </Radio.Group>
          {implied && (
            <Alert variant="light" color={excluding ? 'orange' : 'blue'} icon={<IconInfoCircle size={18} />} p="sm">
              <Text fz="sm">{T.impliedInclusion(base.risks.map((r) => r.ref).join(', '))}</Text>
            </Alert>
          )}
          <Textarea
            {...form.field('justification')}
            label={T.stated}
            description={excluding ? T.statedHintExclude : T.statedHintInclude}
            required={excluding}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={5000}
            data-autofocus
          />
          {!excluding && (
            <Stack gap={4}>
              <Title order={3} fz="sm">
                {T.derivedTitle}
              </Title>
              {base.risks.length === 0 && base.requirements.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {T.derivedNone}
                </Text>
              ) : (
                <List fz="sm" spacing={2}>
                  {base.risks.map((r) => (
                    <List.Item key={r.id}>
                      {T.treatsRisk}{' '}
                      <Anchor component={Link} to={riskHref(orgId, r.id)} fz="sm" fw={600}>
                        {r.ref}
                      </Anchor>
                      : {r.title}
                    </List.Item>
                  ))}
                  {base.requirements.map((q, n) => (
                    <List.Item key={`req-${n}`}>
                      {T.requiredBy(q.partyName)} {q.description}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          )}
          {/* The implementation status has one home, the control's own page: shown here, set there. */}
          <Stack gap={2}>
            <Text fz="sm" fw={500}>
              {T.implementation}
            </Text>
            <Group gap="xs">
              <Text fz="sm" data-testid="soa-derived-status">
                {base.controlStatus
                  ? CONTROL_STATUS_LABELS[base.controlStatus]
                  : base.implementationStatus
                    ? IMPLEMENTATION_STATUS_LABELS[base.implementationStatus]
                    : T.noStatus}
              </Text>
              <Anchor component={Link} to={controlHref(orgId, item.ref)} fz="sm">
                {T.implementationLink}
              </Anchor>
            </Group>
            <Text fz="xs" c="dimmed">
              {T.implementationHint}
            </Text>
          </Stack>
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!conflict}>
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
