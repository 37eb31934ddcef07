import { Alert, Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { auditPath, programmeHref, useAudit } from './api';
import { AUDITS_TEXT as T } from './text';
import { FindingsTable } from './FindingsTable';
import { ChecklistRow, type EvidenceRow } from './ChecklistRow';
import { FindingForm } from './FindingForm';
import { Completion } from './AuditCompletion';

const useEvidence = (orgId: string) =>
  useQuery({
    queryKey: ['evidence', orgId, 'picker'],
    queryFn: async () => (await api.get<Page<EvidenceRow>>(`/api/orgs/${encodeURIComponent(orgId)}/evidence`)).items,
  });

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
