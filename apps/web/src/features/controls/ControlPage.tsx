import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { cadenceLabel } from '@fortytwo/domain';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/session';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { useOrg } from '../shell/org-context';
import { personOf } from '../../api/people';
import { controlsHref, useControl, type ControlDetail } from './api';
import { ControlHistory } from './ControlHistory';
import { ImplementationForm } from './ImplementationForm';
import { StatusBadge } from './labels';
import { Occurrences } from './Occurrences';
import { CONTROLS_TEXT as T } from './text';

function Fact({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'red' }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={600} c={tone === 'red' ? 'red.8' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The computed facts of its operation: what an auditor asks first. */
function Facts({ c }: { c: ControlDetail }) {
  const operating = c.status === 'operating';
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Fact
        label={T.facts.operatingSince}
        value={operating ? (c.operatingSince ? formatDate(c.operatingSince) : T.notYetRun) : '—'}
        testId="operating-since"
      />
      <Fact label={T.facts.lastPerformed} value={formatDate(c.lastPerformed)} testId="last-performed" />
      {operating ? (
        <Fact
          label={T.facts.nextDue}
          value={`${formatDate(c.nextDue)}${c.overdue ? ` · ${T.overdue}` : ''}`}
          testId="next-due"
          tone={c.overdue ? 'red' : undefined}
        />
      ) : (
        <Fact
          label={T.facts.dueOn}
          value={`${formatDate(c.dueOn)}${c.overdue ? ` · ${T.overdue}` : ''}`}
          testId="next-due"
          tone={c.overdue ? 'red' : undefined}
        />
      )}
      <Fact label={T.facts.cadence} value={c.status ? cadenceLabel(c.cadenceMonths) : '—'} testId="cadence" />
    </SimpleGrid>
  );
}

/** One control: its implementation, the runs recorded, linked documents, evidence and history. */
export function ControlPage() {
  const { orgId, can } = useOrg();
  const ref = decodeURIComponent(useParams().ref ?? '');
  const control = useControl(orgId, ref);
  const me = useMe();
  const canWrite = can('control.write');
  if (control.isPending) return <Loading />;
  if (control.isError)
    return <ErrorAlert error={control.error} title={T.notFound} onRetry={() => void control.refetch()} />;
  const c = control.data;
  return (
    <>
      <PageHeader
        title={`${c.ref} ${c.title}`}
        crumbs={[{ label: T.crumbStep }, { label: T.title, to: controlsHref(orgId) }]}
        badge={<StatusBadge status={c.status} />}
        description={
          <Group gap="xs">
            <Badge variant="outline" color="gray">
              {c.kind === 'custom' ? T.custom : T.annexA}
            </Badge>
            <Anchor component={Link} to={`/orgs/${orgId}/soa?q=${encodeURIComponent(c.ref)}`} fz="sm">
              {T.openInSoa}
            </Anchor>
          </Group>
        }
      />
      <Stack gap="lg">
        <Facts c={c} />
        {c.included === false && (
          <Alert color="orange" variant="light">
            {T.excluded}
          </Alert>
        )}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Title order={2} fz="lg">
              {T.implementationTitle}
            </Title>
            {c.justification && (
              <Stack gap={2}>
                <Text fz="sm" fw={600}>
                  {T.soaReasons}
                </Text>
                <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.justification}
                </Text>
              </Stack>
            )}
            {canWrite ? (
              <ImplementationForm key={`${c.version}`} orgId={orgId} control={c} />
            ) : (
              <Stack gap="xs">
                <Text fz="sm" c="dimmed">
                  {T.readOnly}
                </Text>
                <Text fz="sm">
                  <b>{T.fields.ownerId}:</b> {personOf(c.people, c.ownerId)?.name ?? '—'}
                </Text>
                <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <b>{T.fields.description}:</b> {c.description || '—'}
                </Text>
              </Stack>
            )}
            {c.documents.length > 0 && (
              <Stack gap={2}>
                <Text fz="sm" fw={600}>
                  {T.fields.documentIds}
                </Text>
                {c.documents.map((d) => (
                  <Text key={d.id} fz="sm" data-testid="linked-document">
                    {d.title}
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <div>
              <Title order={2} fz="lg">
                {T.occurrencesTitle}
              </Title>
              <Text fz="sm" c="dimmed">
                {T.occurrencesHint}
              </Text>
            </div>
            <Occurrences
              orgId={orgId}
              control={c}
              canWrite={canWrite}
              selfId={me.data?.user.id ?? null}
              evidence={(o) => (
                <EvidencePanel subjectType="control_occurrence" subjectId={o.id} readOnly={!canWrite} bare />
              )}
            />
          </Stack>
        </Paper>
        {/* The control's own evidence (policies, configurations), from the one evidence library. */}
        <EvidencePanel subjectType="control" subjectId={c.ref} readOnly={!canWrite} title={T.evidenceTitle} />
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {T.historyTitle}
          </Title>
          <ControlHistory controlRef={c.ref} />
        </Stack>
      </Stack>
    </>
  );
}
