import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { AUDIT_METHODS, AUDIT_WEIGHT_LABELS, type AuditMethod } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import {
  auditDownloads,
  auditHref,
  auditsPath,
  programmePath,
  refreshAudits,
  useAudits,
  useProgramme,
  type Audit,
  type Programme,
} from './api';
import { AUDITS_TEXT as T } from './text';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const STATE_COLOR = { covered: 'teal', stale: 'orange', planned: 'blue', never: 'red' } as const;
const WEIGHT_COLOR = { high: 'red', raised: 'orange', normal: 'gray' } as const;

function ProgrammeForm({ orgId, programme }: { orgId: string; programme: Programme }) {
  const { can } = useOrg();
  const qc = useQueryClient();
  const [cycleStart, setCycleStart] = useState(programme.cycleStart);
  const [cycleYears, setCycleYears] = useState<number>(programme.cycleYears);
  const [approach, setApproach] = useState(programme.approach);
  const [ack, setAck] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setCycleStart(programme.cycleStart);
    setCycleYears(programme.cycleYears);
    setApproach(programme.approach);
  }, [programme.version, programme.cycleStart, programme.cycleYears, programme.approach]);
  const save = async () => {
    setBusy(true);
    try {
      await api.put(programmePath(orgId), { version: programme.version, cycleStart, cycleYears, approach });
      await refreshAudits(qc, orgId);
      notifySuccess('Programme saved as a draft to approve');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const approve = async () => {
    setBusy(true);
    try {
      await api.post(programmePath(orgId) + '/approve', {
        version: programme.version,
        ...(ack.trim() ? { acknowledgement: ack } : {}),
      });
      await refreshAudits(qc, orgId);
      notifySuccess('Programme approved');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const editable = can('audit.write');
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {T.programme}
          </Title>
          <Badge variant="light" color={programme.status === 'approved' ? 'teal' : 'gray'}>
            {programme.status === 'approved'
              ? `Approved, revision ${programme.approvedRevision}`
              : programme.version === 0
                ? 'Not saved yet'
                : 'Draft'}
          </Badge>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={T.cycle}
            value={cycleStart}
            onChange={(e) => setCycleStart(e.currentTarget.value)}
            disabled={!editable}
          />
          <NumberInput
            label={T.cycleYears}
            min={1}
            max={5}
            value={cycleYears}
            onChange={(v) => setCycleYears(Number(v) || 1)}
            disabled={!editable}
          />
          <TextInput label="Cycle end" value={formatDate(programme.cycleEnd)} readOnly />
        </Group>
        <Textarea
          label={T.approach}
          autosize
          minRows={2}
          value={approach}
          onChange={(e) => setApproach(e.currentTarget.value)}
          disabled={!editable}
        />
        {programme.warnings.map((w) => (
          <Alert key={w.code} color="orange" variant="light">
            {w.message}
          </Alert>
        ))}
        <Group>
          {editable && (
            <Button onClick={() => void save()} loading={busy}>
              {T.save}
            </Button>
          )}
          {can('audit.approve') && programme.status === 'draft' && programme.version > 0 && (
            <>
              {programme.warnings.length > 0 && (
                <TextInput
                  label={T.acknowledge}
                  value={ack}
                  onChange={(e) => setAck(e.currentTarget.value)}
                  style={{ flex: 1 }}
                />
              )}
              <Button variant="light" onClick={() => void approve()} loading={busy}>
                {T.approve}
              </Button>
            </>
          )}
        </Group>
        {programme.approvals.length > 0 && (
          <Text fz="sm" c="dimmed">
            {programme.approvals
              .map((a) => `Revision ${a.number} approved by ${a.approvedByName} on ${formatDate(a.approvedAt)}`)
              .join(' · ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function PlanAuditModal({ orgId, opened, onClose }: { orgId: string; opened: boolean; onClose: () => void }) {
  const members = useMembers(orgId);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [f, setF] = useState({
    title: '',
    objectives: '',
    refs: '',
    units: '',
    sites: '',
    auditees: '',
    method: 'on_site' as AuditMethod,
    plannedStart: '',
    plannedEnd: '',
    independenceJustification: '',
  });
  const [leadId, setLeadId] = useState<string | null>(null);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Read the value now: React runs the updater later, when the event's currentTarget is already null.
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const people = (members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }));
  const submit = async () => {
    setBusy(true);
    try {
      const created = await api.post<Audit>(auditsPath(orgId), {
        title: f.title,
        objectives: f.objectives,
        scope: { refs: list(f.refs), units: list(f.units), sites: list(f.sites) },
        leadId,
        teamIds,
        auditees: list(f.auditees),
        method: f.method,
        plannedStart: f.plannedStart || null,
        plannedEnd: f.plannedEnd || null,
        independenceJustification: f.independenceJustification,
      });
      await refreshAudits(qc, orgId);
      onClose();
      void navigate(auditHref(orgId, created.id));
    } catch (e) {
      if (isApiError(e, 'ACKNOWLEDGEMENT_REQUIRED')) {
        const d = e.details as { warnings?: { message: string }[] } | undefined;
        setWarnings((d?.warnings ?? []).map((w) => w.message));
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={T.plan} size="lg">
      <Stack gap="sm">
        <TextInput label={T.fields.title} required value={f.title} onChange={set('title')} data-autofocus />
        <Textarea label={T.fields.objectives} autosize value={f.objectives} onChange={set('objectives')} />
        <TextInput label={T.fields.refs} value={f.refs} onChange={set('refs')} />
        <Group grow>
          <TextInput label={T.fields.units} value={f.units} onChange={set('units')} />
          <TextInput label={T.fields.sites} value={f.sites} onChange={set('sites')} />
        </Group>
        <Group grow>
          <Select label={T.fields.lead} data={people} value={leadId} onChange={setLeadId} clearable searchable />
          <MultiSelect label={T.fields.team} data={people} value={teamIds} onChange={setTeamIds} searchable />
        </Group>
        <TextInput label={T.fields.auditees} value={f.auditees} onChange={set('auditees')} />
        <Group grow>
          <Select
            label={T.fields.method}
            data={AUDIT_METHODS.map((m) => ({ value: m, label: T.method[m] }))}
            value={f.method}
            onChange={(v) => setF((x) => ({ ...x, method: v ?? 'on_site' }))}
            allowDeselect={false}
          />
          <TextInput type="date" label={T.fields.plannedStart} value={f.plannedStart} onChange={set('plannedStart')} />
          <TextInput type="date" label={T.fields.plannedEnd} value={f.plannedEnd} onChange={set('plannedEnd')} />
        </Group>
        {warnings.length > 0 && (
          <Alert color="orange" title={T.independence} role="alert">
            <Stack gap={4}>
              {warnings.map((w) => (
                <Text key={w} fz="sm">
                  {w}
                </Text>
              ))}
              <Text fz="sm">{T.independenceHelp}</Text>
            </Stack>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Textarea
            label={T.fields.justification}
            autosize
            value={f.independenceJustification}
            onChange={set('independenceJustification')}
          />
        )}
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={busy}>
            {T.plan}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Step 5: the audit programme with its coverage, and the audits planned in it. */
export function AuditProgrammePage() {
  const { orgId, can } = useOrg();
  const programme = useProgramme(orgId);
  const audits = useAudits(orgId);
  const [planning, setPlanning] = useState(false);
  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <>
            <DownloadMenu label="Export audits" items={auditDownloads(orgId)} />
            {can('audit.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setPlanning(true)}>
                {T.plan}
              </Button>
            )}
          </>
        }
      />
      {can('audit.write') && <PlanAuditModal orgId={orgId} opened={planning} onClose={() => setPlanning(false)} />}
      {programme.isPending ? (
        <Loading />
      ) : programme.isError ? (
        <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />
      ) : (
        <Stack gap="lg">
          <ProgrammeForm orgId={orgId} programme={programme.data} />
          <Stack gap="xs">
            <Title order={2} fz="lg">
              {T.audits}
            </Title>
            {audits.data?.length ? (
              <Table striped aria-label={T.audits}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Ref</Table.Th>
                    <Table.Th>Audit</Table.Th>
                    <Table.Th>Scope</Table.Th>
                    <Table.Th>Lead</Table.Th>
                    <Table.Th>Dates</Table.Th>
                    <Table.Th>Findings</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {audits.data.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.ref}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={auditHref(orgId, a.id)}>
                          {a.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{a.scope.refs.join(', ') || T.none}</Table.Td>
                      <Table.Td>{a.lead?.name ?? T.none}</Table.Td>
                      <Table.Td>
                        {a.plannedStart ? `${formatDate(a.plannedStart)} – ${formatDate(a.plannedEnd)}` : T.none}
                      </Table.Td>
                      <Table.Td>
                        {a.findingCounts.major} major · {a.findingCounts.minor} minor · {a.findingCounts.observation}{' '}
                        obs. · {a.findingCounts.ofi} OFI
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{T.status[a.status]}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed">{T.noAudits}</Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={2} fz="lg">
              {T.coverage}
            </Title>
            <Text fz="sm" c="dimmed">
              {T.coverageHelp}
            </Text>
            <Table.ScrollContainer minWidth={700}>
              <Table striped aria-label={T.coverage}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Clause / control</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Audited by</Table.Th>
                    <Table.Th>Planned in</Table.Th>
                    <Table.Th>Last audited</Table.Th>
                    <Table.Th>State</Table.Th>
                    <Table.Th>How often, and why</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {programme.data.coverage.map((r) => (
                    <Table.Tr key={r.unit}>
                      <Table.Td>{r.unit}</Table.Td>
                      <Table.Td>{r.title}</Table.Td>
                      <Table.Td>{r.audited.join(', ') || T.none}</Table.Td>
                      <Table.Td>{r.planned.join(', ') || T.none}</Table.Td>
                      <Table.Td>{r.lastAuditedOn ? formatDate(r.lastAuditedOn) : T.none}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATE_COLOR[r.state]}>
                          {T.coverageState[r.state]}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-testid={`frequency-${r.unit}`}>
                        <Badge variant="light" color={WEIGHT_COLOR[r.frequency.weight]}>
                          {AUDIT_WEIGHT_LABELS[r.frequency.weight]}
                        </Badge>
                        <Text fz="xs">
                          {r.frequency.overdue ? (
                            <Text span fz="xs" fw={700} c="red.9">
                              Due now.
                            </Text>
                          ) : (
                            `Next by ${formatDate(r.frequency.nextDue)}.`
                          )}{' '}
                          {r.frequency.reasons.join('; ')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Stack>
      )}
    </>
  );
}
