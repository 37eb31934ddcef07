import { useState } from 'react';
import { Alert, Anchor, Button, Drawer, Group, List, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle } from '@tabler/icons-react';
import { IMPLEMENTATION_STATUS_LABELS, IMPLEMENTATION_STATUSES, ZSoaDecision, type ImplementationStatus } from '@fortytwo/domain';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { StaleConflictAlert } from '../../ui/StaleConflictAlert';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { refreshSoa, riskHref, soaItemPath, type SoaItem } from './api';
import { decisionOf, type Decision } from './url-state';
import { SOA_TEXT as T } from './text';

type Values = { decision: Decision; justification: string; implementationStatus: ImplementationStatus | null };

const valuesOf = (i: SoaItem): Values => ({ decision: decisionOf(i), justification: i.statedJustification, implementationStatus: i.implementationStatus });
const includedOf = (d: Decision) => (d === 'undecided' ? null : d === 'included');

// The server's rule (an exclusion needs its reason before approval), checked as you type.
const schema = ZSoaDecision.superRefine((v, ctx) => {
  if (v.included === false && !v.justification?.trim()) ctx.addIssue({ code: 'custom', message: T.statedRequired, path: ['justification'] });
});
const fieldOf = (path: string[]) => (path[0] === 'included' ? 'decision' : (path[0] ?? ''));

const FIELD_LABELS: Record<keyof Values, string> = { decision: T.decision, justification: T.stated, implementationStatus: T.implementation };
const DECISION_WORDS: Record<Decision, string> = { included: T.included, excluded: T.excluded, undecided: T.undecided };
const show = (f: keyof Values, v: Values) =>
  f === 'decision' ? DECISION_WORDS[v.decision] : f === 'implementationStatus' ? (v.implementationStatus ? IMPLEMENTATION_STATUS_LABELS[v.implementationStatus] : T.noStatus) : v.justification.trim() || '—';
const differing = (a: Values, b: Values) => (Object.keys(FIELD_LABELS) as (keyof Values)[]).filter((f) => (f === 'justification' ? a[f].trim() !== b[f].trim() : a[f] !== b[f]));

type Conflict = { base: SoaItem; current: SoaItem; mine: Values };

/** The decision on one control: included or not, the stated reason, the implementation status. */
export function SoaItemEditor({ orgId, item, onClose }: { orgId: string; item: SoaItem; onClose: () => void }) {
  const qc = useQueryClient();
  const [base, setBase] = useState<SoaItem>(item);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toInput = (v: Values) => ({ version: base.version, included: includedOf(v.decision), justification: v.justification, implementationStatus: v.implementationStatus });
  const form = useZodForm(schema, valuesOf(item), toInput, fieldOf);
  const { values } = form;
  // A control a treatment uses is included by implication: "undecided" would change nothing.
  const implied = base.risks.length > 0;

  const save = useMutation({
    mutationFn: async (): Promise<SoaItem | null> => {
      const startedFrom = valuesOf(base);
      const changed = differing(startedFrom, values);
      if (changed.length === 0) return null;
      return api.patch<SoaItem>(soaItemPath(orgId, base.ref), {
        version: base.version,
        ...(changed.includes('decision') ? { included: includedOf(values.decision) } : {}),
        ...(changed.includes('justification') ? { justification: values.justification.trim() } : {}),
        ...(changed.includes('implementationStatus') ? { implementationStatus: values.implementationStatus } : {}),
      });
    },
    onSuccess: async (saved) => {
      if (!saved) {
        setNotice(T.nothingChanged);
        return;
      }
      await refreshSoa(qc, orgId);
      notifySuccess(T.saved(saved.ref));
      onClose();
    },
    onError: (e) => {
      const current = isApiError(e, 'STALE_VERSION') ? (e.details as { current?: SoaItem } | undefined)?.current : undefined;
      if (current) setConflict({ base, current, mine: values });
      else form.showServerError(e);
    },
  });

  const resolve = (reapply: boolean) => {
    if (!conflict) return;
    const next = valuesOf(conflict.current);
    if (reapply) for (const f of differing(valuesOf(conflict.base), conflict.mine)) (next as Record<string, unknown>)[f] = conflict.mine[f];
    setBase(conflict.current);
    form.reset(next);
    setConflict(null);
    setNotice(reapply ? T.staleReapplied : null);
    void refreshSoa(qc, orgId);
  };

  const conflictRows = (c: Conflict) => {
    const theirs = valuesOf(c.current);
    const fields = [...new Set([...differing(valuesOf(c.base), theirs), ...differing(valuesOf(c.base), c.mine)])];
    return fields.map((f) => ({ field: f, label: FIELD_LABELS[f], theirs: show(f, theirs), yours: show(f, c.mine) }));
  };

  const excluding = values.decision === 'excluded';
  return (
    <Drawer opened onClose={onClose} title={T.editorTitle(item.ref)} position="right" size="lg" closeButtonProps={{ 'aria-label': T.cancel }}>
      <form
        noValidate
        aria-label={T.editorTitle(item.ref)}
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          if (form.validate()) save.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="md">
          <Text fw={600}>
            {item.ref} {item.title}
          </Text>
          {conflict && (
            <StaleConflictAlert
              conflict={conflict}
              title={T.staleTitle(item.ref)}
              body={T.staleBody}
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
            label={T.stated}
            description={excluding ? T.statedHintExclude : T.statedHintInclude}
            required={excluding}
            value={values.justification}
            onChange={(e) => form.setValue('justification', e.currentTarget.value)}
            onBlur={() => form.touch('justification')}
            error={form.errorFor('justification')}
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
          <Select
            label={T.implementation}
            description={T.implementationHint}
            placeholder={T.implementationPlaceholder}
            data={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: IMPLEMENTATION_STATUS_LABELS[s] }))}
            value={values.implementationStatus}
            onChange={(v) => form.setValue('implementationStatus', v)}
            clearable
            comboboxProps={{ withinPortal: true }}
            maw={280}
          />
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
