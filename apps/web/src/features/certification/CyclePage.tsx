import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCertificate, IconDownload, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CERT_AUDIT_STATUS_LABELS, CERT_FINDING_GRADE_LABELS } from '@fortytwo/domain';
import { api } from '../../api/client';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { cyclePaths, refreshCycle, useCycle, type CertAudit, type CertFinding } from './cycle-api';
import { AuditForm, CertificateForm, FindingForm } from './CycleForms';
import { CYCLE_TEXT as T } from './cycle-text';
import { CERTIFICATION_TEXT } from './text';

const STATE_COLOR = { open: 'red', plan_accepted: 'yellow', closed: 'teal', noted: 'gray' } as const;
const GRADE_COLOR = { major: 'red', minor: 'orange', ofi: 'blue' } as const;

function FindingRow({
  f,
  orgId,
  engagementId,
  canWrite,
}: {
  f: CertFinding;
  orgId: string;
  engagementId: string;
  canWrite: boolean;
}) {
  const qc = useQueryClient();
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const accept = async () => {
    try {
      await api.patch(cyclePaths(orgId, engagementId).finding(f.id), { version: f.version, cbAcceptedOn: on });
      await refreshCycle(qc, orgId, engagementId);
      notifySuccess(T.planAccepted);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Text fz="sm" fw={600}>
          {f.ref} {f.title}
        </Text>
        {f.evidence && (
          <Text fz="xs" c="dimmed">
            {f.evidence}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={GRADE_COLOR[f.grade]} variant="light">
          {CERT_FINDING_GRADE_LABELS[f.grade]}
        </Badge>
      </Table.Td>
      <Table.Td>{f.clauseRef}</Table.Td>
      <Table.Td>
        {formatDate(f.cbDeadline)}
        {f.overdue && (
          <Badge ml={4} color="red" size="xs">
            overdue
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={STATE_COLOR[f.state]} variant="light">
          {T.state[f.state]}
        </Badge>
        {f.grade === 'minor' && f.state === 'open' && canWrite && (
          <Group gap={4} mt={4} wrap="nowrap">
            <TextInput
              size="xs"
              type="date"
              aria-label={`${f.ref} plan accepted on`}
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
            />
            <Button size="xs" variant="light" onClick={() => void accept()}>
              {T.acceptPlan}
            </Button>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        {f.nonconformity ? (
          <Anchor component={Link} to={`/orgs/${orgId}/nonconformities/${f.nonconformity.id}`}>
            {f.nonconformity.ref}
          </Anchor>
        ) : f.improvement ? (
          <Anchor component={Link} to={`/orgs/${orgId}/improvements`}>
            {f.improvement.ref}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AuditCard({
  a,
  orgId,
  engagementId,
  canWrite,
}: {
  a: CertAudit;
  orgId: string;
  engagementId: string;
  canWrite: boolean;
}) {
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const markDone = async () => {
    try {
      await api.patch(cyclePaths(orgId, engagementId).audit(a.id), { version: a.version, status: 'done' });
      await refreshCycle(qc, orgId, engagementId);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`${a.title} audit`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={3} fz="md">
              {a.title}
            </Title>
            <Badge variant="light" color={a.status === 'done' ? 'teal' : 'gray'}>
              {CERT_AUDIT_STATUS_LABELS[a.status]}
            </Badge>
          </Group>
          {canWrite && a.status !== 'cancelled' && (
            <Group gap="xs">
              {a.status === 'planned' && (
                <Button size="xs" variant="default" onClick={() => void markDone()}>
                  {T.markDone}
                </Button>
              )}
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
                {T.addFinding}
              </Button>
            </Group>
          )}
        </Group>
        <Text fz="sm">
          {formatDate(a.startDate)}
          {a.endDate && a.endDate !== a.startDate ? ` – ${formatDate(a.endDate)}` : ''}
          {a.dueBy ? ` · due by ${formatDate(a.dueBy)}` : ''}
          {a.team.length ? ` · ${a.team.map((m) => m.name).join(', ')}` : ''}
        </Text>
        {a.conclusion && <Text fz="sm">{a.conclusion}</Text>}
        {adding && (
          <FindingForm orgId={orgId} engagementId={engagementId} auditId={a.id} onDone={() => setAdding(false)} />
        )}
        {a.findings.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={`${a.title} ${T.findings}`}>
              <Table.Thead>
                <Table.Tr>
                  {T.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.findings.map((f) => (
                  <FindingRow key={f.id} f={f} orgId={orgId} engagementId={engagementId} canWrite={canWrite} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

/** Step 6: one certification body engagement's audits, findings, certificate and three-year cycle. */
export function CyclePage() {
  const { orgId, can } = useOrg();
  const { engagementId = '' } = useParams();
  const cycle = useCycle(orgId, engagementId);
  const [recording, setRecording] = useState(false);
  const canWrite = can('certification.write');
  if (cycle.isPending) return <Loading />;
  if (cycle.isError) return <ErrorAlert error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const { engagement: e, audits, certificates, decisionBlockers, counts, timeline } = cycle.data;
  const cert = certificates.at(-1);
  return (
    <>
      <PageHeader
        title={T.title(e.ref, e.cbName)}
        description={T.description}
        crumbs={[
          { label: CERTIFICATION_TEXT.readinessTitle, to: `/orgs/${orgId}/certification` },
          { label: CERTIFICATION_TEXT.engagementsTitle, to: `/orgs/${orgId}/certification/engagements` },
          { label: e.ref },
        ]}
        actions={
          <Button
            component="a"
            href={cyclePaths(orgId, engagementId).statusReport}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {T.statusReport}
          </Button>
        }
      />
      <Stack gap="lg">
        <Text fz="sm" role="status">
          {T.counts(counts)}
        </Text>
        <Paper withBorder radius="md" p="md" component="section" aria-label={T.decision}>
          <Stack gap="sm">
            <Title order={2} fz="lg">
              <Group gap={6}>
                <IconCertificate size={20} />
                {cert ? T.certificate : T.decision}
              </Group>
            </Title>
            {cert ? (
              <Text fz="sm">
                {cert.certificateNumber} · {cert.cbName} · issued {formatDate(cert.issueDate)} · expires{' '}
                {formatDate(cert.expiryDate)} · {cert.status}
              </Text>
            ) : decisionBlockers.length ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title={T.decisionBlocked}>
                <List size="sm">
                  {decisionBlockers.map((b) => (
                    <List.Item key={b}>{b}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              canWrite && <CertificateForm orgId={orgId} engagementId={engagementId} />
            )}
          </Stack>
        </Paper>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} fz="lg">
              {T.audits}
            </Title>
            {canWrite && !recording && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
                {T.recordAudit}
              </Button>
            )}
          </Group>
          {recording && <AuditForm orgId={orgId} engagementId={engagementId} onDone={() => setRecording(false)} />}
          {audits.length === 0 && <Text c="dimmed">{T.noAudits}</Text>}
          {audits.map((a) => (
            <AuditCard key={a.id} a={a} orgId={orgId} engagementId={engagementId} canWrite={canWrite} />
          ))}
        </Stack>
        <Paper withBorder radius="md" p="md" component="section" aria-label={T.timeline}>
          <Title order={2} fz="lg" mb="sm">
            {T.timeline}
          </Title>
          {timeline.length === 0 ? (
            <Text c="dimmed">{T.timelineEmpty}</Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2}>
              {timeline.map((t, i) => (
                <Timeline.Item key={`${t.kind}-${i}`} title={`${formatDate(t.date)} · ${t.title}`}>
                  <Group gap={4}>
                    <Badge size="xs" variant="light">
                      {T.phase[t.phase]}
                    </Badge>
                    <Text fz="xs" c="dimmed">
                      {t.status}
                    </Text>
                    {t.href && (
                      <Anchor component={Link} fz="xs" to={`/orgs/${orgId}${t.href}`}>
                        open
                      </Anchor>
                    )}
                  </Group>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Paper>
      </Stack>
    </>
  );
}
