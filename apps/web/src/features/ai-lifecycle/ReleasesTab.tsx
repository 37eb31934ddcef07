import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  REASSESSMENT_KIND_LABELS,
  RELEASE_FLAG_LABELS,
  ruleFor,
  VV_AREA_LABELS,
  VV_AREAS,
  VV_DECISION_LABELS,
  VV_DECISIONS,
  ZChangeFields,
  ZReleaseFields,
  type ChangeKind,
  type RiskTier,
  type VvDecision,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { errorMessage, ErrorAlert, Loading } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { serverFieldError, useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import {
  refreshLifecycle,
  systemPath,
  useChanges,
  useDueReassessments,
  useReleases,
  type Change,
  type Reassessment,
  type Release,
  type VvTestRow,
} from './api';
import { LIFECYCLE_TEXT as T } from './text';

const today = () => new Date().toISOString().slice(0, 10);

/** A modal useZodForm form: validated as you type, messages on their fields, Save and Cancel. */
function ZodFormModal<O>({
  title,
  opened,
  onClose,
  form,
  save,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  form: { validate: () => O | null; formError: string | null };
  save: { mutate: (input: O) => void; isPending: boolean };
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <ValidatedForm
        label={title}
        form={form}
        save={save}
        submitLabel={T.save}
        onCancel={onClose}
        cancelLabel={T.cancel}
      >
        {children}
      </ValidatedForm>
    </Modal>
  );
}

/** A modal form: its fields, a submit button, the server's refusal on top. */
function FormModal({
  title,
  opened,
  onClose,
  onSubmit,
  pending,
  error,
  children,
  size = 'lg',
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
  size?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form
        noValidate
        aria-label={title}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(error)}
            </Alert>
          ) : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={pending}>
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The re-assessments a significant change opened and that are still due; shown here and on both assessments. */
export function DueReassessments({
  orgId,
  aiSystemId,
  kind,
  canComplete,
}: {
  orgId: string;
  aiSystemId: string | null;
  kind?: Reassessment['kind'];
  canComplete: boolean;
}) {
  const due = useDueReassessments(orgId, aiSystemId);
  const [open, setOpen] = useState<Reassessment | null>(null);
  const [note, setNote] = useState('');
  const qc = useQueryClient();
  const complete = useMutation({
    mutationFn: (r: Reassessment) =>
      api.post(`${systemPath(orgId, r.aiSystemId)}/reassessments/${encodeURIComponent(r.id)}/complete`, {
        version: r.version,
        note,
      }),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.completed);
      setOpen(null);
      setNote('');
    },
  });
  const items = (due.data?.items ?? []).filter((r) => !kind || r.kind === kind);
  if (!items.length) return null;
  return (
    <Alert color="orange" variant="light" title={T.dueTitle} mb="md" data-testid="reassessments-due">
      <Stack gap={6}>
        {items.map((r) => (
          <Group key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fz="sm" fw={600}>
                {r.text}
              </Text>
              <Text fz="xs" c="dimmed">
                {T.dueFor(REASSESSMENT_KIND_LABELS[r.kind], r.assignee?.name)} · {T.dueOn} {r.dueOn}
              </Text>
            </div>
            {canComplete && (
              <Button size="xs" variant="default" onClick={() => setOpen(r)}>
                {T.complete}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <FormModal
        title={T.complete}
        opened={!!open}
        onClose={() => setOpen(null)}
        onSubmit={() => open && complete.mutate(open)}
        pending={complete.isPending}
        error={complete.error}
        size="md"
      >
        <Text fz="sm">{open?.text}</Text>
        <Textarea label={T.completeNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} required />
      </FormModal>
    </Alert>
  );
}

function SignificanceBadge({ c }: { c: Change }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={c.significant ? 'orange' : 'gray'} variant="light" tt="none">
        {c.significant ? T.significant : T.notSignificant}
      </Badge>
      <Text fz="xs" c="dimmed">
        {c.override ? T.overridden : T.byRule}
      </Text>
    </Group>
  );
}

// The override is asked as a checkbox and a reason; its issues (override.reason) show on the reason.
const changeFieldOf = (path: string[]) => (path[0] === 'override' ? 'reason' : (path[0] ?? ''));
const newChange = () => ({
  kind: 'retraining' as ChangeKind,
  title: '',
  description: '',
  occurredOn: today(),
  decide: false,
  reason: '',
});

function RecordChange({ orgId, aiSystemId, riskTier }: { orgId: string; aiSystemId: string; riskTier: RiskTier }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const form = useZodForm(
    ZChangeFields,
    newChange(),
    ({ decide, reason, ...v }) => ({
      ...v,
      override: decide ? { significant: !ruleFor(v.kind, riskTier).significant, reason } : null,
    }),
    changeFieldOf,
  );
  const rule = ruleFor(form.values.kind, riskTier);
  const save = useMutation({
    mutationFn: (input: unknown) => api.post<Change>(`${systemPath(orgId, aiSystemId)}/changes`, input),
    onSuccess: async (c) => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.changeRecorded(c.significant));
      setOpened(false);
      form.reset(newChange());
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {T.recordChange}
      </Button>
      <ZodFormModal title={T.recordChange} opened={opened} onClose={() => setOpened(false)} form={form} save={save}>
        <Select
          {...form.field('kind')}
          label={T.kind}
          data={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k] }))}
          allowDeselect={false}
        />
        <TextInput {...form.field('title')} label={T.title} required />
        <Textarea {...form.field('description')} label={T.description} />
        <TextInput {...form.field('occurredOn')} label={T.occurredOn} type="date" />
        <Alert color={rule.significant ? 'orange' : 'gray'} variant="light">
          <Text fz="sm">
            {rule.significant ? T.significant : T.notSignificant} {T.byRule}: {rule.because}.
          </Text>
        </Alert>
        <Checkbox {...form.checkbox('decide')} label={T.overrideTo(!rule.significant)} />
        {form.values.decide && <Textarea {...form.field('reason')} label={T.overrideReason} required />}
      </ZodFormModal>
    </>
  );
}

function OverrideSignificance({ orgId, c }: { orgId: string; c: Change }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const target = !c.significant;
  const backToRule = target === c.rule.significant && c.override !== null;
  const save = useMutation({
    mutationFn: () =>
      api.put<Change>(`${systemPath(orgId, c.aiSystemId)}/changes/${encodeURIComponent(c.id)}/significance`, {
        version: c.version,
        override: backToRule ? null : { significant: target, reason },
      }),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      setOpened(false);
      setReason('');
    },
  });
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        {backToRule ? T.followRule : T.overrideTo(target)}
      </Button>
      <FormModal
        title={backToRule ? T.followRule : T.overrideTo(target)}
        opened={opened}
        onClose={() => setOpened(false)}
        onSubmit={() => save.mutate()}
        pending={save.isPending}
        error={save.error}
        size="md"
      >
        <Text fz="sm">
          {c.title} — {T.byRule}: {c.rule.because}
        </Text>
        {!backToRule && (
          <Textarea
            label={T.overrideReason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
        )}
      </FormModal>
    </>
  );
}

function Changes({
  orgId,
  aiSystemId,
  riskTier,
  canWrite,
}: {
  orgId: string;
  aiSystemId: string;
  riskTier: RiskTier;
  canWrite: boolean;
}) {
  const changes = useChanges(orgId, aiSystemId);
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="lg">
          {T.changes}
        </Title>
        {canWrite && <RecordChange orgId={orgId} aiSystemId={aiSystemId} riskTier={riskTier} />}
      </Group>
      {changes.isPending ? (
        <Loading />
      ) : changes.isError ? (
        <ErrorAlert error={changes.error} />
      ) : changes.data.items.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {T.noChanges}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{T.occurredOn}</Table.Th>
              <Table.Th>{T.kind}</Table.Th>
              <Table.Th>{T.title}</Table.Th>
              <Table.Th>{T.significant}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.occurredOn}</Table.Td>
                <Table.Td>{CHANGE_KIND_LABELS[c.kind]}</Table.Td>
                <Table.Td>
                  <Text fz="sm">{c.title}</Text>
                  <Text fz="xs" c="dimmed">
                    {c.override ? `${c.override.byName}: ${c.override.reason}` : c.rule.because}
                  </Text>
                  {c.reassessments.map((r) => (
                    <Text
                      key={r.id}
                      fz="xs"
                      fw={r.status === 'due' ? 700 : 400}
                      c={r.status === 'due' ? undefined : 'dimmed'}
                    >
                      {REASSESSMENT_KIND_LABELS[r.kind]}: {r.status}
                      {r.satisfiedBy ? ` (${r.satisfiedBy})` : ''}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <SignificanceBadge c={c} />
                </Table.Td>
                <Table.Td>{canWrite && <OverrideSignificance orgId={orgId} c={c} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

const newRelease = () => ({
  version: '',
  releasedOn: today(),
  whatChanged: '',
  modelVersion: '',
  dataVersion: '',
  approvedByName: '',
});

function RecordRelease({ orgId, aiSystemId }: { orgId: string; aiSystemId: string }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const form = useZodForm(ZReleaseFields, newRelease());
  const save = useMutation({
    mutationFn: (input: unknown) => api.post<Release>(`${systemPath(orgId, aiSystemId)}/releases`, input),
    onSuccess: async (r) => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.releaseRecorded(r.releaseVersion));
      setOpened(false);
      form.reset(newRelease());
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {T.recordRelease}
      </Button>
      <ZodFormModal title={T.recordRelease} opened={opened} onClose={() => setOpened(false)} form={form} save={save}>
        <Group grow>
          <TextInput {...form.field('version')} label={T.releaseVersion} required />
          <TextInput {...form.field('releasedOn')} label={T.releasedOn} type="date" />
        </Group>
        <Textarea {...form.field('whatChanged')} label={T.whatChanged} />
        <Group grow>
          <TextInput {...form.field('modelVersion')} label={T.modelVersion} />
          <TextInput {...form.field('dataVersion')} label={T.dataVersion} />
        </Group>
        <TextInput {...form.field('approvedByName')} label={T.approvedBy} />
      </ZodFormModal>
    </>
  );
}

function RecordVerification({ orgId, r }: { orgId: string; r: Release }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [tests, setTests] = useState<VvTestRow[]>(
    r.verification?.tests ?? VV_AREAS.map((area) => ({ area, criterion: '', result: '', passed: true })),
  );
  const [decision, setDecision] = useState<VvDecision>(r.verification?.decision ?? 'deploy');
  const [decidedByName, setDecidedBy] = useState(r.verification?.decidedBy.name ?? '');
  const [decidedOn, setDecidedOn] = useState(r.verification?.decidedOn ?? today());
  const [decisionNote, setNote] = useState(r.verification?.decisionNote ?? '');
  const setTest = (i: number, patch: Partial<VvTestRow>) =>
    setTests((ts) => ts.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const save = useMutation({
    mutationFn: () =>
      api.put<Release>(`${systemPath(orgId, r.aiSystemId)}/releases/${encodeURIComponent(r.id)}/verification`, {
        version: r.version,
        // Rows left empty were not tested; the record then says which areas are missing.
        tests: tests.filter((t) => t.criterion.trim() || t.result.trim()),
        decision,
        decisionNote,
        decidedOn,
        decidedByName,
      }),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.vvRecorded);
      setOpened(false);
    },
  });
  return (
    <>
      <Button size="xs" variant={r.verification ? 'subtle' : 'light'} onClick={() => setOpened(true)}>
        {T.recordVv}
      </Button>
      <FormModal
        title={`${T.vv}: ${r.releaseVersion}`}
        opened={opened}
        onClose={() => setOpened(false)}
        onSubmit={() => save.mutate()}
        pending={save.isPending}
        error={save.error}
        size="xl"
      >
        {tests.map((t, i) => (
          <Group key={i} align="flex-end" grow={false} wrap="nowrap">
            <Text fz="sm" fw={600} w={100}>
              {VV_AREA_LABELS[t.area]}
            </Text>
            <TextInput
              label={`${VV_AREA_LABELS[t.area]}: ${T.criterion}`}
              value={t.criterion}
              onChange={(e) => setTest(i, { criterion: e.currentTarget.value })}
              style={{ flex: 2 }}
            />
            <TextInput
              label={`${VV_AREA_LABELS[t.area]}: ${T.result}`}
              value={t.result}
              onChange={(e) => setTest(i, { result: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <Checkbox
              label={T.passed}
              aria-label={`${VV_AREA_LABELS[t.area]}: ${T.passed}`}
              checked={t.passed}
              onChange={(e) => setTest(i, { passed: e.currentTarget.checked })}
              mb={8}
            />
          </Group>
        ))}
        <Group grow>
          <Select
            label={T.decision}
            data={VV_DECISIONS.map((d) => ({ value: d, label: VV_DECISION_LABELS[d] }))}
            value={decision}
            onChange={(x) => x && setDecision(x)}
            allowDeselect={false}
          />
          <TextInput label={T.decidedBy} value={decidedByName} onChange={(e) => setDecidedBy(e.currentTarget.value)} />
          <TextInput
            label={T.decidedOn}
            type="date"
            value={decidedOn}
            onChange={(e) => setDecidedOn(e.currentTarget.value)}
          />
        </Group>
        <Textarea label={T.decisionNote} value={decisionNote} onChange={(e) => setNote(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

function RecordDeployment({ orgId, r }: { orgId: string; r: Release }) {
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [deployedOn, setOn] = useState(today());
  const [environment, setEnv] = useState('production');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<Release>(`${systemPath(orgId, r.aiSystemId)}/releases/${encodeURIComponent(r.id)}/deployment`, {
        version: r.version,
        deployedOn,
        environment,
        note,
      }),
    onSuccess: async () => {
      await refreshLifecycle(qc, orgId);
      notifySuccess(T.deploymentRecorded);
      setOpened(false);
    },
  });
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        {T.deploy}
      </Button>
      <FormModal
        title={`${T.deploy}: ${r.releaseVersion}`}
        opened={opened}
        onClose={() => setOpened(false)}
        onSubmit={() => save.mutate()}
        pending={save.isPending}
        error={save.error}
        size="md"
      >
        {!r.verification && (
          <Alert color="orange" variant="light">
            {RELEASE_FLAG_LABELS.deployed_without_verification}
          </Alert>
        )}
        <TextInput
          label={T.deployedOn}
          type="date"
          min={r.releasedOn}
          value={deployedOn}
          onChange={(e) => setOn(e.currentTarget.value)}
          error={serverFieldError(save.error, 'deployedOn')}
        />
        <TextInput label={T.environment} value={environment} onChange={(e) => setEnv(e.currentTarget.value)} />
        <Textarea label={T.decisionNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

function Releases({ orgId, aiSystemId, canWrite }: { orgId: string; aiSystemId: string; canWrite: boolean }) {
  const releases = useReleases(orgId, aiSystemId);
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="lg">
          {T.releases}
        </Title>
        {canWrite && <RecordRelease orgId={orgId} aiSystemId={aiSystemId} />}
      </Group>
      {releases.isPending ? (
        <Loading />
      ) : releases.isError ? (
        <ErrorAlert error={releases.error} />
      ) : releases.data.items.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {T.noReleases}
        </Text>
      ) : (
        <Stack gap="md">
          {releases.data.items.map((r) => (
            <Paper
              key={r.id}
              withBorder
              radius="sm"
              p="md"
              aria-label={`Release ${r.releaseVersion}`}
              component="section"
            >
              <Group justify="space-between" align="flex-start">
                <div>
                  <Text fw={700}>
                    {r.releaseVersion}{' '}
                    <Text span fz="sm" c="dimmed" fw={400}>
                      {r.releasedOn}
                      {r.source === 'api' ? ` · ${T.fromCi}` : ''}
                      {r.approvedBy ? ` · ${T.approvedBy} ${r.approvedBy.name}` : ''}
                    </Text>
                  </Text>
                  {r.whatChanged && <Text fz="sm">{r.whatChanged}</Text>}
                  <Text fz="xs" c="dimmed">
                    {T.modelVersion}: {r.modelVersion || '—'} · {T.dataVersion}: {r.dataVersion || '—'}
                  </Text>
                </div>
                <Group gap={4}>
                  {canWrite && <RecordVerification key={r.version} orgId={orgId} r={r} />}
                  {canWrite && !r.deployment && <RecordDeployment orgId={orgId} r={r} />}
                </Group>
              </Group>
              {r.flags.map((f) => (
                <Alert key={f} color={f === 'verification_gaps' ? 'yellow' : 'red'} variant="light" mt="xs" p="xs">
                  {RELEASE_FLAG_LABELS[f]}
                </Alert>
              ))}
              <Text fz="sm" mt="xs">
                {r.deployment ? T.deployed(r.deployment.environment, r.deployment.deployedOn) : T.notDeployed}
              </Text>
              {r.verification ? (
                <>
                  <Table mt="xs" fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{T.vv}</Table.Th>
                        <Table.Th>{T.criterion}</Table.Th>
                        <Table.Th>{T.result}</Table.Th>
                        <Table.Th>{T.passed}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {r.verification.tests.map((t, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{VV_AREA_LABELS[t.area]}</Table.Td>
                          <Table.Td>{t.criterion}</Table.Td>
                          <Table.Td>{t.result}</Table.Td>
                          <Table.Td>
                            <Badge color={t.passed ? 'teal' : 'red'} variant="light" tt="none">
                              {t.passed ? 'Passed' : 'Failed'}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Text fz="sm" mt={4}>
                    {T.decision}: {VV_DECISION_LABELS[r.verification.decision]} — {r.verification.decidedBy.name},{' '}
                    {r.verification.decidedOn}
                    {r.verification.decisionNote ? ` (${r.verification.decisionNote})` : ''}
                  </Text>
                  {r.verification.problems.map((p) => (
                    <Text key={p} fz="xs" c="red.9">
                      {p}
                    </Text>
                  ))}
                </>
              ) : (
                <Text fz="sm" c="dimmed">
                  {T.noVv}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The AI system page's "Releases and changes" tab. */
export function ReleasesTab({
  orgId,
  aiSystemId,
  riskTier,
  canWrite,
  canReassess,
}: {
  orgId: string;
  aiSystemId: string;
  riskTier: RiskTier;
  canWrite: boolean;
  canReassess: boolean;
}) {
  return (
    <Stack gap="lg">
      <DueReassessments orgId={orgId} aiSystemId={aiSystemId} canComplete={canReassess} />
      <Changes orgId={orgId} aiSystemId={aiSystemId} riskTier={riskTier} canWrite={canWrite} />
      <Releases orgId={orgId} aiSystemId={aiSystemId} canWrite={canWrite} />
      <Text fz="xs" c="dimmed">
        {T.ciHint}
      </Text>
    </Stack>
  );
}
