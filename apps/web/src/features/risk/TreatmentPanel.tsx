import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  EFFECTIVENESS,
  TREATMENT_OPTION_LABELS,
  TREATMENT_OPTIONS,
  ZTreatmentFields,
  type Effectiveness,
  type TreatmentOption,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { personOf } from '../../api/people';
import { confirmDanger } from '../../ui/confirm';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { issuesByField } from '../../ui/use-zod-form';
import { RefChip } from '../catalog/RefChip';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { refreshRisks, riskPath, useControlChoices } from './api';
import { LevelBadge, RatingPicker } from './levels';
import { RISK_TEXT as T } from './text';
import type { Criteria, RiskDetail, Treatment } from './types';

type ActionRow = { title: string; ownerId: string | null; dueDate: string };

function NewTreatment({ risk, criteria, onDone }: { risk: RiskDetail; criteria: Criteria; onDone: () => void }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const controls = useControlChoices(orgId);
  const members = useMembers(orgId);
  const [option, setOption] = useState<TreatmentOption>('modify');
  const [description, setDescription] = useState('');
  const [resources, setResources] = useState('');
  const [controlRefs, setControlRefs] = useState<string[]>([]);
  const [rateResidual, setRateResidual] = useState(true);
  const [residual, setResidual] = useState<{ l: number | null; c: number | null }>({
    l: risk.likelihood === null ? null : Math.max(1, risk.likelihood - 1),
    c: risk.consequence,
  });
  const [actions, setActions] = useState<ActionRow[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const input = {
    option,
    description,
    resources,
    controlRefs,
    residualLikelihood: rateResidual ? residual.l : null,
    residualConsequence: rateResidual ? residual.c : null,
    actions: actions.map((a) => ({ ...a, dueDate: a.dueDate || null })),
  };
  const parsed = ZTreatmentFields.safeParse(input);
  const errors = parsed.success ? {} : issuesByField(parsed.error.issues);
  const save = useMutation({
    mutationFn: () => api.post<Treatment>(`${riskPath(orgId, risk.id)}/treatments`, input),
    onSuccess: async () => {
      await refreshRisks(qc, orgId);
      notifySuccess(T.treatmentSaved);
      onDone();
    },
    onError: (e) => notifyError(e),
  });
  const groups = [...new Set((controls.data ?? []).map((c) => c.group))].map((g) => ({
    group: g,
    items: (controls.data ?? []).filter((c) => c.group === g).map((c) => ({ value: c.value, label: c.label })),
  }));
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      aria-label={T.addTreatment}
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        setSubmitted(true);
        if (parsed.success) save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Select
          label={T.option}
          data={TREATMENT_OPTIONS.map((o) => ({ value: o, label: TREATMENT_OPTION_LABELS[o] }))}
          value={option}
          onChange={(v) => v && setOption(v)}
          allowDeselect={false}
        />
        <Textarea
          label={T.treatmentDescription}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Textarea
          label="Resources"
          description="People, budget and tools the treatment needs; printed in the treatment plan."
          autosize
          minRows={1}
          maxLength={2000}
          value={resources}
          onChange={(e) => setResources(e.currentTarget.value)}
        />
        <MultiSelect
          label={T.controls}
          description={T.controlsHint}
          searchable
          data={groups}
          value={controlRefs}
          onChange={setControlRefs}
          error={submitted ? errors.controlRefs : undefined}
          nothingFoundMessage="No such control"
        />
        <Checkbox
          label={T.residualRating}
          checked={rateResidual}
          onChange={(e) => setRateResidual(e.currentTarget.checked)}
        />
        {rateResidual && (
          <RatingPicker
            criteria={criteria}
            likelihood={residual.l}
            consequence={residual.c}
            onChange={(l, c) => setResidual({ l, c })}
            labels={{
              likelihood: `Residual ${T.fields.likelihood.toLowerCase()}`,
              consequence: `Residual ${T.fields.consequence.toLowerCase()}`,
            }}
          />
        )}
        <Stack gap={6}>
          <Text fz="sm" fw={500}>
            {T.actions}
          </Text>
          {actions.map((a, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={T.actionTitle}
                style={{ flex: 2 }}
                value={a.title}
                onChange={(e) => {
                  const title = e.currentTarget.value;
                  setActions((xs) => xs.map((x, j) => (j === i ? { ...x, title } : x)));
                }}
                error={submitted && !a.title.trim() ? 'Each action needs a title' : undefined}
              />
              <Select
                label={T.actionOwner}
                style={{ flex: 1 }}
                clearable
                data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
                value={a.ownerId}
                onChange={(ownerId) => setActions((xs) => xs.map((x, j) => (j === i ? { ...x, ownerId } : x)))}
              />
              <TextInput
                type="date"
                label={T.actionDue}
                value={a.dueDate}
                onChange={(e) => {
                  const dueDate = e.currentTarget.value;
                  setActions((xs) => xs.map((x, j) => (j === i ? { ...x, dueDate } : x)));
                }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={T.removeAction}
                onClick={() => setActions((xs) => xs.filter((_, j) => j !== i))}
                mb={4}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setActions((xs) => [...xs, { title: '', ownerId: null, dueDate: '' }])}
            style={{ alignSelf: 'flex-start' }}
          >
            {T.addAction}
          </Button>
        </Stack>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {T.saveTreatment}
          </Button>
          <Button variant="default" onClick={onDone}>
            {T.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Verification({ risk, t, canWrite }: { risk: RiskDetail; t: Treatment; canWrite: boolean }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const [verification, setVerification] = useState(t.verification);
  const [effectiveness, setEffectiveness] = useState<Effectiveness | null>(t.effectiveness);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Treatment>(`${riskPath(orgId, risk.id)}/treatments/${t.id}`, {
        version: t.version,
        verification,
        effectiveness,
      }),
    onSuccess: async () => {
      await refreshRisks(qc, orgId);
      notifySuccess(T.saved);
    },
    onError: (e) => notifyError(e),
  });
  if (!canWrite)
    return (
      <Text fz="sm">
        {T.verification}: {t.verification || '—'} {t.effectiveness ? `(${T.effectivenessLabels[t.effectiveness]})` : ''}
      </Text>
    );
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="xs">
        <Textarea
          label={T.verification}
          autosize
          minRows={1}
          style={{ flex: 1 }}
          value={verification}
          onChange={(e) => setVerification(e.currentTarget.value)}
        />
        <Select
          label={T.effectiveness}
          w={170}
          clearable
          data={EFFECTIVENESS.map((e) => ({ value: e, label: T.effectivenessLabels[e]! }))}
          value={effectiveness}
          onChange={(v) => setEffectiveness(v)}
        />
        <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
          {T.saveVerification}
        </Button>
      </Group>
      {t.verifiedAt && t.verifiedBy && (
        <Text fz="xs" c="dimmed">
          {T.verifiedBy(t.verifiedBy, formatDateTime(t.verifiedAt))}
        </Text>
      )}
    </Stack>
  );
}

export function TreatmentPanel({ risk, criteria }: { risk: RiskDetail; criteria: Criteria }) {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const canWrite = can('risk.write');
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${riskPath(orgId, risk.id)}/treatments/${id}`),
    onSuccess: () => refreshRisks(qc, orgId),
    onError: (e) => notifyError(e),
  });
  return (
    <Stack gap="md">
      {risk.treatments.length === 0 && !adding && (
        <Alert variant="light" color="gray">
          {T.noTreatment}
        </Alert>
      )}
      {risk.treatments.map((t) => (
        <Paper key={t.id} withBorder p="md" radius="md" data-testid="treatment">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} fz="md">
                {TREATMENT_OPTION_LABELS[t.option]}
              </Title>
              <Group gap="xs">
                <Text fz="sm">{T.residual}:</Text>
                <LevelBadge level={t.residualLevel} score={t.residualScore} />
                {canWrite && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={T.removeTreatment}
                    onClick={() =>
                      void confirmDanger({
                        title: T.removeTreatment,
                        message: T.removeTreatmentConfirm,
                        confirmLabel: T.removeTreatment,
                      }).then((ok) => ok && remove.mutate(t.id))
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            </Group>
            {t.description && <Text fz="sm">{t.description}</Text>}
            {t.resources && (
              <Text fz="sm" c="dimmed">
                Resources: {t.resources}
              </Text>
            )}
            <Group gap={6}>
              {t.controls.map((c) => (
                <RefChip
                  key={c.ref}
                  orgId={orgId}
                  frameworkId={c.ref.startsWith('A.') ? 'iso42001' : 'custom'}
                  refId={c.ref}
                  title={c.title}
                />
              ))}
            </Group>
            {t.actions.length > 0 && (
              <Stack gap={2}>
                {t.actions.map((a) => (
                  <Group key={a.id} gap="xs">
                    <Badge size="sm" variant="filled" color="gray.8" tt="none">
                      {a.status}
                    </Badge>
                    <Text fz="sm">{a.title}</Text>
                    <Text fz="xs" c="dimmed">
                      {personOf(risk.people, a.ownerId)?.name ?? 'no owner'} ·{' '}
                      {a.dueDate ? formatDate(a.dueDate) : 'no due date'}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
            <Verification risk={risk} t={t} canWrite={canWrite} />
          </Stack>
        </Paper>
      ))}
      {adding ? (
        <NewTreatment risk={risk} criteria={criteria} onDone={() => setAdding(false)} />
      ) : (
        canWrite && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {T.addTreatment}
          </Button>
        )
      )}
    </Stack>
  );
}
