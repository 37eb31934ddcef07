import { useMemo, useRef, useState } from 'react';
import { Button, Group, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { AI_ROLES, type AiRole } from '@fortytwo/domain';
import { api } from '../../api/client';
import { FormSection } from '../../ui/FormSection';
import { formatDateTime } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { useOrg } from '../shell/org-context';
import { orgContextPath, refreshAfterChange, setOrgContextData } from './api';
import {
  bodyOf,
  changedFields,
  CLIMATE_LABELS,
  differingFields,
  display,
  fieldLabel,
  fieldOfFor,
  schema,
  toInput,
  valuesOf,
  type ClimateDecision,
  type ContextFormValues,
  type ParsedContext,
} from './context-values';
import { RoleCard } from './RoleCard';
import { CONTEXT_TEXT as T } from './text';
import type { OrgContext } from './types';
import { WideSection } from './WideSection';
import classes from './context.module.css';

const CLIMATE_CHOICES: ClimateDecision[] = ['relevant', 'not_relevant', 'undecided'];

/** The context record of clause 4.1 as one form: AI roles, the climate decision, a summary; one Save. */
export function ContextEditor({ record }: { record: OrgContext }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  // A reason shows "required" once its box was left or a save was tried, not as soon as a role is ticked.
  const [reasonLeft, setReasonLeft] = useState<Partial<Record<AiRole, true>>>({});
  const [attempted, setAttempted] = useState(false);
  // Server issues name roles by their place in the body sent, which depends on the values.
  const sent = useRef<ContextFormValues | null>(null);
  const fieldOf = useMemo(() => fieldOfFor(() => sent.current), []);
  const form = useZodForm(schema, valuesOf(record), toInput, fieldOf);
  const { values, setValue, errorFor } = form;

  const saver = useVersionedSave({
    record,
    form,
    valuesOf,
    differing: differingFields,
    label: fieldLabel,
    show: display,
    update: async (base, parsed: ParsedContext) => {
      const changes = changedFields(bodyOf(parsed), base);
      return Object.keys(changes).length === 0
        ? null
        : api.patch<OrgContext>(orgContextPath(orgId), { version: base.version, ...changes });
    },
    // The form stays open on what was saved.
    onSaved: async (saved) => {
      setOrgContextData(qc, orgId, saved);
      form.reset(valuesOf(saved));
      setAttempted(false);
      setReasonLeft({});
      notifySuccess(T.saved);
      await refreshAfterChange(qc, orgId);
    },
    onRebased: (current) => setOrgContextData(qc, orgId, current),
    draftKey: `context:${orgId}`,
  });
  const { save, conflict } = saver;
  const base = saver.base ?? record;

  const roleError = (role: AiRole) => (attempted || reasonLeft[role] ? errorFor(role) : undefined);
  const chosenCount = AI_ROLES.filter((r) => values[r].chosen).length;
  const decided = values.climate !== 'undecided';

  return (
    <form
      noValidate
      aria-label={T.title}
      onSubmit={(e) => {
        e.preventDefault();
        saver.setNotice(null);
        setAttempted(true);
        const parsed = form.validate();
        sent.current = values;
        if (parsed) save.mutate(parsed);
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap="lg">
        <FormAlerts saver={saver} staleTitle={T.staleTitle} formError={form.formError} />
        <WideSection
          title={T.rolesTitle}
          hint={T.rolesHint}
          aside={
            <Text fz="sm" c="dimmed" className={classes.nowrap} aria-live="polite">
              {T.rolesChosen(chosenCount)}
            </Text>
          }
        >
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
            {AI_ROLES.map((role) => (
              <RoleCard
                key={role}
                role={role}
                value={values[role]}
                error={roleError(role)}
                onChange={(next) => setValue(role, next)}
                onReasonBlur={() => setReasonLeft((s) => (s[role] ? s : { ...s, [role]: true }))}
              />
            ))}
          </SimpleGrid>
        </WideSection>
        <FormSection title={T.climateTitle} hint={T.climateHint}>
          <Radio.Group {...form.field('climate')} label={T.climate}>
            <Group gap="lg" mt={8}>
              {CLIMATE_CHOICES.map((c) => (
                <Radio key={c} value={c} label={CLIMATE_LABELS[c]} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            {...form.field('climateReason')}
            label={T.climateReason}
            description={T.climateReasonHint}
            required={decided}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={2050}
          />
        </FormSection>
        <FormSection title={T.summaryTitle} hint={T.summaryHint}>
          <Textarea {...form.field('summary')} label={T.summary} autosize minRows={3} maxRows={12} maxLength={4050} />
        </FormSection>
        <Group justify="space-between" className={classes.saveBar} data-testid="save-bar">
          <Text fz="sm" c="dimmed" data-testid="context-version">
            {base.version === 0 || !base.updatedAt
              ? T.neverSaved
              : T.savedAt(base.version, formatDateTime(base.updatedAt))}
          </Text>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!!conflict}
            leftSection={<IconDeviceFloppy size={16} />}
          >
            {T.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
