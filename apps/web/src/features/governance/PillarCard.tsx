import { useState } from 'react';
import { Alert, Badge, Button, Divider, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPencil, IconUser } from '@tabler/icons-react';
import { api, isApiError } from '../../api/client';
import type { Member } from '../../api/types';
import { notifySuccess } from '../../ui/notify';
import { StaleConflictAlert } from '../../ui/StaleConflictAlert';
import { focusFirstInvalid } from '../../ui/use-zod-form';
import { RecordHistory } from '../scope/RecordHistory';
import { usePathForm } from '../scope/use-path-form';
import { governanceKey, pillarPath, type GovernanceAnswer } from './api';
import { personOf, type People, type WithPeople } from '../../api/people';
import { ListEditor } from './ListEditor';
import { PillarCoverage } from './PillarCoverage';
import {
  changedFields,
  differingFields,
  display,
  keyOf,
  savedOf,
  schema,
  toInput,
  valuesOf,
  type PillarFormValues,
} from './pillar-values';
import type { GovernancePillar, PillarSaved } from './types';
import { GOVERNANCE_TEXT as T, PILLAR_DESCRIPTIONS } from './text';
import classes from './governance.module.css';

const FIELD_LABELS = { ownerId: T.owner, objectives: T.objectives, policyStatements: T.policyStatements } as const;
const HISTORY_ACTIONS = { 'governance_pillar.updated': 'Changed the pillar' };

function Entries({ items }: { items: string[] }) {
  if (items.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {T.noneYet}
      </Text>
    );
  return (
    <List fz="sm" spacing={4} withPadding>
      {items.map((x, i) => (
        <List.Item key={i}>{x}</List.Item>
      ))}
    </List>
  );
}

type Conflict = { base: PillarSaved; current: PillarSaved; mine: PillarFormValues };

/** The owner, objectives and policy statements of one pillar, edited in place and saved with its version. */
function PillarEditor({
  orgId,
  pillar,
  people,
  members,
  onDone,
}: {
  orgId: string;
  pillar: GovernancePillar;
  people: People;
  members: Member[];
  onDone: () => void;
}) {
  const owner = personOf(people, pillar.ownerId);
  const qc = useQueryClient();
  const [base, setBase] = useState<PillarSaved>(savedOf(pillar));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = usePathForm(schema, valuesOf(base), toInput, keyOf);
  const memberName = (id: string) =>
    members.find((m) => m.user.id === id)?.user.name ?? (owner?.id === id ? owner.name : 'Former member');
  const ownerOptions = members.filter((m) => !m.expired).map((m) => ({ value: m.user.id, label: m.user.name }));
  if (owner && !ownerOptions.some((o) => o.value === owner.id))
    ownerOptions.push({ value: owner.id, label: owner.name });

  const save = useMutation({
    mutationFn: (parsed: PillarFormValues) =>
      api.patch<GovernancePillar & WithPeople>(pillarPath(orgId, pillar.pillar), {
        version: base.version,
        ...changedFields(parsed, base),
      }),
    onSuccess: ({ people: named, ...saved }) => {
      qc.setQueryData<GovernanceAnswer>(
        governanceKey(orgId),
        (answer) =>
          answer && {
            ...answer,
            items: answer.items.map((p) => (p.pillar === saved.pillar ? saved : p)),
            people: { ...answer.people, ...named },
          },
      );
      notifySuccess(T.saved(saved.label));
      onDone();
    },
    onError: (e) => {
      const current = isApiError(e, 'STALE_VERSION')
        ? (e.details as { current?: PillarSaved } | undefined)?.current
        : undefined;
      if (current) setConflict({ base, current, mine: form.values });
      else form.showServerError(e);
    },
  });

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    const next = valuesOf(conflict.current);
    if (keepMine)
      for (const f of differingFields(valuesOf(conflict.base), conflict.mine))
        (next as Record<string, unknown>)[f] = conflict.mine[f];
    setBase(conflict.current);
    form.reset(next);
    setConflict(null);
    setNotice(keepMine ? T.staleReapplied : null);
    void qc.invalidateQueries({ queryKey: governanceKey(orgId) });
  };

  const list = (field: 'objectives' | 'policyStatements') => {
    const objectives = field === 'objectives';
    return (
      <ListEditor
        label={FIELD_LABELS[field]}
        hint={objectives ? T.objectivesHint : T.statementsHint}
        entryLabel={objectives ? T.objective : T.statement}
        addLabel={objectives ? T.addObjective : T.addStatement}
        removeLabel={(n) => T.remove(objectives ? T.objective(n) : T.statement(n))}
        placeholder={objectives ? T.objectivePlaceholder : T.statementPlaceholder}
        values={form.values[field]}
        onChange={(next, i) => form.update((v) => ({ ...v, [field]: next }), ...(i === null ? [] : [`${field}.${i}`]))}
        onBlur={(i) => form.touch(`${field}.${i}`)}
        errorFor={(i) => form.errorFor(`${field}.${i}`)}
        max={objectives ? 500 : 1000}
      />
    );
  };

  return (
    <form
      noValidate
      aria-label={T.editLabel(pillar.label)}
      onSubmit={(e) => {
        e.preventDefault();
        setNotice(null);
        const parsed = form.validate();
        if (!parsed) return focusFirstInvalid(e.currentTarget);
        const values: PillarFormValues = {
          ownerId: parsed.ownerId ?? null,
          objectives: parsed.objectives ?? [],
          policyStatements: parsed.policyStatements ?? [],
        };
        if (Object.keys(changedFields(values, base)).length === 0) return setNotice(T.nothingChanged);
        save.mutate(values);
      }}
    >
      <Stack gap="md">
        {conflict && (
          <StaleConflictAlert
            conflict={conflict}
            title={T.staleTitle}
            body={T.staleBody(conflict.current.version, conflict.base.version)}
            rows={[
              ...new Set([
                ...differingFields(valuesOf(conflict.base), valuesOf(conflict.current)),
                ...differingFields(valuesOf(conflict.base), conflict.mine),
              ]),
            ].map((f) => ({
              field: f,
              label: FIELD_LABELS[f],
              theirs: display(f, valuesOf(conflict.current), memberName),
              yours: display(f, conflict.mine, memberName),
            }))}
            labels={{
              field: T.staleField,
              theirs: T.staleTheirs,
              yours: T.staleYours,
              reapply: T.staleReapply,
              discard: T.staleDiscard,
            }}
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
        <Select
          {...form.field('ownerId')}
          label={T.owner}
          description={T.ownerHint}
          data={ownerOptions}
          placeholder={T.ownerPlaceholder}
          searchable
          clearable
          nothingFoundMessage={T.ownerNothing}
          leftSection={<IconUser size={16} />}
        />
        {list('objectives')}
        {list('policyStatements')}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!!conflict}>
            {T.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One pillar: what it is about, who owns it, what it aims for and commits to, and what it covers. */
export function PillarCard({
  orgId,
  pillar,
  people,
  members,
  canWrite,
  canReadHistory,
}: {
  orgId: string;
  pillar: GovernancePillar;
  people: People;
  members: Member[];
  canWrite: boolean;
  canReadHistory: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const titleId = `pillar-${pillar.pillar}`;
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby={titleId}
      className={classes.pillar}
      data-pillar={pillar.pillar}
      data-testid="pillar"
    >
      <Stack gap="md">
        <div>
          <Group justify="space-between" align="center" wrap="nowrap" gap="sm" mih={30}>
            <Title order={2} fz="lg" id={titleId} style={{ minWidth: 0 }}>
              {pillar.label}
            </Title>
            {!editing && (
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                {canReadHistory && (
                  <RecordHistory
                    orgId={orgId}
                    entityType="governance_pillar"
                    entityId={`${orgId}:${pillar.pillar}`}
                    title={pillar.label}
                    actionLabels={HISTORY_ACTIONS}
                    fieldLabels={FIELD_LABELS}
                    compact
                  />
                )}
                {canWrite && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => setEditing(true)}
                    aria-label={T.editLabel(pillar.label)}
                  >
                    {T.edit}
                  </Button>
                )}
              </Group>
            )}
          </Group>
          <Text fz="sm" c="dimmed" mt={4}>
            {PILLAR_DESCRIPTIONS[pillar.pillar]}
          </Text>
        </div>
        {editing ? (
          <PillarEditor
            orgId={orgId}
            pillar={pillar}
            people={people}
            members={members}
            onDone={() => setEditing(false)}
          />
        ) : (
          <Stack gap="sm">
            <Group gap={6}>
              <Text fz="sm" fw={600}>
                {T.owner}:
              </Text>
              {pillar.ownerId ? (
                <Text fz="sm" data-testid="pillar-owner">
                  {personOf(people, pillar.ownerId)?.name ?? 'Former member'}
                </Text>
              ) : (
                <Badge color="orange" variant="light" tt="none" data-testid="pillar-owner">
                  {T.noOwner}
                </Badge>
              )}
            </Group>
            <div>
              <Text fz="sm" fw={600} mb={2}>
                {T.objectives}
              </Text>
              <Entries items={pillar.objectives} />
            </div>
            <div>
              <Text fz="sm" fw={600} mb={2}>
                {T.policyStatements}
              </Text>
              <Entries items={pillar.policyStatements} />
            </div>
          </Stack>
        )}
        <Divider />
        <PillarCoverage orgId={orgId} pillar={pillar} />
      </Stack>
    </Paper>
  );
}
