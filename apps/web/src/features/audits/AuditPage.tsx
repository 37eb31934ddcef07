import { useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CHECKLIST_RESULTS, FINDING_GRADES, type ChecklistResult, type FindingGrade } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { auditPath, programmeHref, refreshAudits, useAudit, type Audit, type ChecklistItem } from './api';
import { AUDITS_TEXT as T } from './text';
import { FindingsTable } from './FindingsTable';

const KEYS: Record<string, ChecklistResult> = { c: 'conforms', f: 'finding', n: 'not_sampled' };
const RESULT_COLOR: Record<ChecklistResult, string> = {
  open: 'gray',
  conforms: 'teal',
  finding: 'red',
  not_sampled: 'yellow',
};

type EvidenceRow = { id: string; reference: string; title: string };

const focusItem = (position: number) =>
  document.querySelector<HTMLElement>(`[data-checklist-position="${position}"]`)?.focus();
const useEvidence = (orgId: string) =>
  useQuery({
    queryKey: ['evidence', orgId, 'picker'],
    queryFn: async () => (await api.get<Page<EvidenceRow>>(`/api/orgs/${encodeURIComponent(orgId)}/evidence`)).items,
  });

function ChecklistRow({
  orgId,
  audit,
  item,
  frozen,
  evidence,
}: {
  orgId: string;
  audit: Audit;
  item: ChecklistItem;
  frozen: boolean;
  evidence: EvidenceRow[];
}) {
  const qc = useQueryClient();
  const [notes, setNotes] = useState(item.notes);
  const [sampled, setSampled] = useState(item.sampled);
  const [population, setPopulation] = useState(item.population);
  const [sampleSize, setSampleSize] = useState<string | number>(item.sampleSize ?? '');
  // Saves of one item run one after another, each with the version the last one returned: tabbing from
  // "What was sampled" to "How many" saves twice in a row, and the second must not carry a stale version.
  const version = useRef(item.version);
  if (item.version > version.current) version.current = item.version;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const save = (patch: Record<string, unknown>) => {
    queue.current = queue.current.then(async () => {
      try {
        const saved = await api.patch<{ version: number }>(`${auditPath(orgId, audit.id)}/checklist/${item.id}`, {
          version: version.current,
          ...patch,
        });
        version.current = saved.version;
        await refreshAudits(qc, orgId);
      } catch (e) {
        notifyError(e);
      }
    });
    return queue.current;
  };
  // Like the gap questionnaire: a key answers the item and moves on to the next; J/K or the arrows move.
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const step = key === 'j' || key === 'arrowdown' ? 1 : key === 'k' || key === 'arrowup' ? -1 : 0;
    const r = frozen ? undefined : KEYS[key];
    if (!step && !r) return;
    e.preventDefault();
    if (r) void save({ result: r });
    focusItem(item.position + (step || 1));
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      tabIndex={0}
      onKeyDown={onKey}
      aria-label={`${item.ref} ${item.title}: ${T.result[item.result]}`}
      data-testid={`checklist-${item.ref}`}
      data-checklist-position={item.position}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>
            {item.ref} {item.title}
          </Text>
          <Badge color={RESULT_COLOR[item.result]} variant="light">
            {T.result[item.result]}
          </Badge>
        </Group>
        <Text fz="sm">
          <b>{T.looksFor}:</b> {item.looksFor || T.none}
        </Text>
        {(item.sources.documents.length > 0 ||
          item.sources.evidence.length > 0 ||
          item.sources.expectedEvidence.length > 0) && (
          <Text fz="xs" c="dimmed">
            {T.sources}:{' '}
            {[
              ...item.sources.documents.map((d) => (d.version ? `${d.title} (${d.version})` : d.title)),
              ...item.sources.evidence.map((e) => `${e.reference} ${e.title}`),
              ...item.sources.expectedEvidence,
            ].join(' · ')}
          </Text>
        )}
        {!frozen && (
          <SegmentedControl
            size="xs"
            value={item.result}
            onChange={(v) => void save({ result: v })}
            data={CHECKLIST_RESULTS.map((r) => ({ value: r, label: T.result[r] }))}
            aria-label={`${item.ref} result`}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            size="xs"
            label={T.sampled}
            value={sampled}
            disabled={frozen}
            onChange={(e) => setSampled(e.currentTarget.value)}
            onBlur={() => sampled !== item.sampled && void save({ sampled })}
          />
          <NumberInput
            size="xs"
            label={T.sampleSize}
            min={0}
            value={sampleSize}
            disabled={frozen}
            onChange={setSampleSize}
            onBlur={() => {
              const n = sampleSize === '' ? null : Number(sampleSize);
              if (n !== item.sampleSize) void save({ sampleSize: n });
            }}
          />
          <TextInput
            size="xs"
            label={T.population}
            value={population}
            disabled={frozen}
            onChange={(e) => setPopulation(e.currentTarget.value)}
            onBlur={() => population !== item.population && void save({ population })}
          />
        </SimpleGrid>
        <Textarea
          size="xs"
          label={T.notes}
          autosize
          value={notes}
          disabled={frozen}
          onChange={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => notes !== item.notes && void save({ notes })}
        />
        <MultiSelect
          size="xs"
          label={T.evidence}
          data={evidence.map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }))}
          value={item.evidenceIds}
          disabled={frozen}
          onChange={(ids) => void save({ evidenceIds: ids })}
          searchable
        />
      </Stack>
    </Paper>
  );
}

function FindingForm({ orgId, audit, evidence }: { orgId: string; audit: Audit; evidence: EvidenceRow[] }) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const empty = { requirement: '', evidence: '', statement: '', ref: '' };
  const [f, setF] = useState(empty);
  const [grade, setGrade] = useState<FindingGrade>('minor');
  const [itemId, setItemId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Read the value now: React runs the updater later, when the event's currentTarget is already null.
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const submit = async () => {
    setBusy(true);
    try {
      await api.post(`${auditPath(orgId, audit.id)}/findings`, {
        grade,
        ref: f.ref.trim() || null,
        checklistItemId: itemId,
        requirement: f.requirement,
        evidence: f.evidence,
        statement: f.statement,
        ownerId,
        evidenceIds,
      });
      await refreshAudits(qc, orgId);
      setF(empty);
      setEvidenceIds([]);
      notifySuccess(
        grade === 'major' || grade === 'minor' ? 'Finding recorded; a nonconformity is raised' : 'Finding recorded',
      );
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {T.addFinding}
        </Title>
        <Group grow align="flex-start">
          <Select
            label={T.finding.grade}
            data={FINDING_GRADES.map((g) => ({ value: g, label: T.grade[g] }))}
            value={grade}
            onChange={(v) => setGrade(v ?? 'minor')}
            allowDeselect={false}
          />
          <Select
            label="Checklist item"
            data={audit.checklist.map((i) => ({ value: i.id, label: `${i.ref} ${i.title}` }))}
            value={itemId}
            onChange={setItemId}
            clearable
            searchable
          />
          <TextInput label={T.finding.ref} value={f.ref} onChange={set('ref')} placeholder="from the item" />
        </Group>
        <Textarea label={T.finding.requirement} autosize value={f.requirement} onChange={set('requirement')} />
        <Textarea label={T.finding.evidence} autosize value={f.evidence} onChange={set('evidence')} />
        <Textarea label={T.finding.statement} autosize required value={f.statement} onChange={set('statement')} />
        <Group grow align="flex-start">
          <Select
            label={T.finding.owner}
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            value={ownerId}
            onChange={setOwnerId}
            clearable
            searchable
          />
          <MultiSelect
            label={T.finding.evidenceIds}
            data={evidence.map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }))}
            value={evidenceIds}
            onChange={setEvidenceIds}
            searchable
          />
        </Group>
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={busy}>
            {T.addFinding}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Completion({ orgId, audit }: { orgId: string; audit: Audit }) {
  const qc = useQueryClient();
  const [conclusion, setConclusion] = useState(audit.conclusion);
  const [busy, setBusy] = useState(false);
  const complete = async () => {
    setBusy(true);
    try {
      await api.patch(auditPath(orgId, audit.id), { version: audit.version, status: 'completed', conclusion });
      await refreshAudits(qc, orgId);
      notifySuccess(`${audit.ref} completed and signed off`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Textarea
          label={T.conclusion}
          autosize
          minRows={2}
          value={conclusion}
          onChange={(e) => setConclusion(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button onClick={() => void complete()} loading={busy}>
            {T.complete}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One audit: its plan, the checklist for fast entry, findings, and sign-off. */
export function AuditPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const audit = useAudit(orgId, id);
  const evidence = useEvidence(orgId);
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  const a = audit.data;
  const frozen = a.status === 'completed' || a.status === 'cancelled';
  const canFind = can('finding.write') && !frozen;
  return (
    <>
      <PageHeader
        title={`${a.ref} ${a.title}`}
        actions={
          <DownloadMenu
            label="Audit report"
            items={[
              { format: 'pdf', href: `${auditPath(orgId, a.id)}/report.pdf`, label: 'PDF (.pdf)' },
              { format: 'docx', href: `${auditPath(orgId, a.id)}/report.docx`, label: 'Word document (.docx)' },
            ]}
          />
        }
        description={
          <>
            <Anchor component={Link} to={programmeHref(orgId)}>
              {T.title}
            </Anchor>{' '}
            · {T.status[a.status]} · {T.method[a.method]}
            {a.plannedStart ? ` · ${formatDate(a.plannedStart)} – ${formatDate(a.plannedEnd)}` : ''}
          </>
        }
      />
      <Stack gap="lg">
        {frozen && (
          <Alert color="teal">
            {T.completedNote}{' '}
            {a.reportDocumentId && (
              <Anchor component={Link} to={`/orgs/${orgId}/documents/${a.reportDocumentId}`}>
                {T.reportRecord}
              </Anchor>
            )}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Text fz="sm">
              <b>{T.fields.objectives}:</b> {a.objectives || T.none}
            </Text>
            <Text fz="sm">
              <b>{T.fields.criteria}:</b> {a.criteria || T.none}
            </Text>
            <Text fz="sm">
              <b>Scope:</b> {[...a.scope.refs, ...a.scope.units, ...a.scope.sites].join(', ') || T.none}
            </Text>
            <Text fz="sm">
              <b>{T.fields.lead}:</b> {a.lead?.name ?? T.none}; <b>{T.fields.team}:</b>{' '}
              {a.team.map((t) => t.name).join(', ') || T.none}
            </Text>
            <Text fz="sm">
              <b>{T.fields.auditees}:</b> {a.auditees.join(', ') || T.none}
            </Text>
          </SimpleGrid>
          {a.independenceWarnings.length > 0 && (
            <Alert color="orange" mt="sm" title={T.independence}>
              {a.independenceWarnings.map((w) => w.message).join(' ')} <b>Justification:</b>{' '}
              {a.independenceJustification}
            </Alert>
          )}
        </Paper>
        <Stack gap="xs">
          <Title order={2} fz="lg">
            {T.checklist}
          </Title>
          <Text fz="sm" c="dimmed">
            {T.checklistHelp}
          </Text>
          {a.checklist.map((i) => (
            <ChecklistRow
              // By id, not version: answering an item keeps the keyboard focus where it is.
              key={i.id}
              orgId={orgId}
              audit={a}
              item={i}
              frozen={frozen || !can('finding.write')}
              evidence={evidence.data ?? []}
            />
          ))}
        </Stack>
        <Stack gap="xs">
          <Title order={2} fz="lg">
            {T.findings}
          </Title>
          <FindingsTable orgId={orgId} findings={a.findings} />
          {canFind && <FindingForm orgId={orgId} audit={a} evidence={evidence.data ?? []} />}
        </Stack>
        {can('audit.write') && !frozen && <Completion orgId={orgId} audit={a} />}
        {frozen && a.conclusion && (
          <Paper withBorder radius="md" p="md">
            <Text fz="sm">
              <b>{T.conclusion}:</b> {a.conclusion}
            </Text>
          </Paper>
        )}
      </Stack>
    </>
  );
}
