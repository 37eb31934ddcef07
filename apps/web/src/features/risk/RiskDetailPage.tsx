import { useState } from 'react';
import { DueReassessments } from '../ai-lifecycle/ReleasesTab';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { personOf } from '../../api/people';
import { confirmDanger } from '../../ui/confirm';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { impactHref } from '../impact/api';
import { useOrg } from '../shell/org-context';
import { refreshRisks, riskHref, riskPath, risksHref, useCriteria, useRisk } from './api';
import { LevelBadge, RatingPicker } from './levels';
import { RISK_TEXT as T } from './text';
import { RiskHistory } from './RiskHistory';
import { TreatmentPanel } from './TreatmentPanel';
import { AcceptancePanel } from './AcceptancePanel';
import type { Criteria, RiskDetail } from './types';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} component="div">
        {children || '—'}
      </Text>
    </Stack>
  );
}

function Reassess({ risk, criteria }: { risk: RiskDetail; criteria: Criteria }) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const [rating, setRating] = useState<{ l: number | null; c: number | null }>({
    l: risk.likelihood,
    c: risk.consequence,
  });
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(`${riskPath(orgId, risk.id)}/assessments`, { likelihood: rating.l, consequence: rating.c, note }),
    onSuccess: async () => {
      await refreshRisks(qc, orgId);
      setNote('');
      notifySuccess(T.reassessed);
    },
    onError: (e) => notifyError(e),
  });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      aria-label={T.reassess}
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {T.reassessHelp}
        </Text>
        <RatingPicker
          criteria={criteria}
          likelihood={rating.l}
          consequence={rating.c}
          onChange={(l, c) => setRating({ l, c })}
          labels={{ likelihood: T.fields.likelihood, consequence: T.fields.consequence }}
        />
        <TextInput label={T.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button
          type="submit"
          loading={save.isPending}
          disabled={rating.l === null || rating.c === null}
          style={{ alignSelf: 'flex-start' }}
        >
          {risk.rated ? T.reassess : T.rateNow}
        </Button>
      </Stack>
    </Paper>
  );
}

export function RiskDetailPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const risk = useRisk(orgId, id);
  const criteria = useCriteria(orgId);
  const remove = useMutation({
    mutationFn: () => api.delete(riskPath(orgId, id)),
    onSuccess: async () => {
      notifySuccess(T.deleted(risk.data?.ref ?? ''));
      await refreshRisks(qc, orgId);
      void navigate(risksHref(orgId));
    },
    onError: (e) => notifyError(e),
  });
  if (risk.isPending || criteria.isPending) return <Loading />;
  if (risk.isError) return <ErrorAlert error={risk.error} />;
  if (criteria.isError) return <ErrorAlert error={criteria.error} />;
  const r = risk.data;
  return (
    <>
      <PageHeader
        title={`${r.ref} ${r.title}`}
        crumbs={[{ label: T.registerTitle, to: risksHref(orgId) }, { label: r.ref }]}
        badge={
          r.status === 'closed' ? (
            <Badge color="gray.8" variant="outline">
              {T.statuses.closed}
            </Badge>
          ) : undefined
        }
        actions={
          can('risk.write') && (
            <>
              <Button
                variant="default"
                component={Link}
                to={`${riskHref(orgId, r.id)}/edit`}
                leftSection={<IconPencil size={16} />}
              >
                {T.edit}
              </Button>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() =>
                  void confirmDanger({ title: T.delete, message: T.deleteConfirm(r.ref), confirmLabel: T.delete }).then(
                    (ok) => ok && remove.mutate(),
                  )
                }
              >
                {T.delete}
              </Button>
            </>
          )
        }
      />
      {r.aiSystemId && (
        <DueReassessments
          orgId={orgId}
          aiSystemId={r.aiSystemId}
          kind="risk_assessment"
          canComplete={can('risk.write')}
        />
      )}
      <Group gap="lg" mb="md" data-testid="risk-levels">
        <Group gap={6}>
          <Text fz="sm" fw={600}>
            {T.inherent}
          </Text>
          <LevelBadge level={r.inherentLevel} score={r.inherentScore} unrated={!r.rated} />
        </Group>
        <Group gap={6} data-testid="residual">
          <Text fz="sm" fw={600}>
            {T.residual}
          </Text>
          {r.residualLevel ? (
            <LevelBadge level={r.residualLevel} score={r.residualScore} />
          ) : (
            <Text fz="sm" c="dimmed">
              {T.notRated}
            </Text>
          )}
        </Group>
        {r.acceptanceState !== 'none' && (
          <Badge variant="filled" tt="none" color={r.acceptanceState === 'expired' ? 'red.9' : 'teal.9'}>
            {T.acceptance[r.acceptanceState]}
          </Badge>
        )}
        {r.needsAttention && (
          <Badge variant="filled" tt="none" color="red.9">
            {T.attention}
          </Badge>
        )}
      </Group>
      <Tabs defaultValue={r.rated ? 'details' : 'assessments'} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{T.tabs.details}</Tabs.Tab>
          <Tabs.Tab value="assessments">{T.tabs.assessments}</Tabs.Tab>
          <Tabs.Tab value="treatment">
            {T.tabs.treatment} ({r.treatments.length})
          </Tabs.Tab>
          <Tabs.Tab value="acceptance">{T.tabs.acceptance}</Tabs.Tab>
          <Tabs.Tab value="history">{T.tabs.history}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Field label={T.fields.aiSystem}>
              {r.aiSystem ? (
                <Anchor component={Link} to={`/orgs/${orgId}/ai-systems/${r.aiSystem.id}`}>
                  {r.aiSystem.name}
                </Anchor>
              ) : (
                T.filters.orgWide
              )}
            </Field>
            <Field label={T.fields.source}>{r.sourceLabel}</Field>
            <Field label={T.fields.kind}>{T.kinds[r.kind]}</Field>
            <Field label={T.fields.owner}>{personOf(r.people, r.ownerId)?.name ?? ''}</Field>
            <Field label={T.fields.reviewDate}>
              {r.reviewDate ? `${formatDate(r.reviewDate)}${r.reviewOverdue ? ` (${T.overdue})` : ''}` : ''}
            </Field>
            {r.impactAssessmentId && (
              <Field label={T.fromImpact}>
                <Anchor component={Link} to={impactHref(orgId, r.impactAssessmentId)}>
                  {T.fromImpact}
                </Anchor>
              </Field>
            )}
            <Field label={T.fields.description}>{r.description}</Field>
            <Field label={T.fields.consequencesOrganization}>{r.consequencesOrganization}</Field>
            <Field label={T.fields.consequencesIndividuals}>{r.consequencesIndividuals}</Field>
            <Field label={T.fields.consequencesSociety}>{r.consequencesSociety}</Field>
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="assessments">
          <Stack gap="md">
            <Table verticalSpacing="xs" data-testid="assessments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Rating</Table.Th>
                  <Table.Th>Level</Table.Th>
                  <Table.Th>Criteria</Table.Th>
                  <Table.Th>Note</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.assessments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td fz="sm">
                      {formatDateTime(a.assessedAt)}{' '}
                      <Text span fz="xs" c="dimmed">
                        {T.by(a.assessedBy.name)}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">{T.ratingKinds[a.kind]}</Table.Td>
                    <Table.Td fz="sm">
                      {a.likelihood} × {a.consequence}
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={a.level} score={a.score} />
                    </Table.Td>
                    <Table.Td fz="sm">No. {a.criteriaNumber}</Table.Td>
                    <Table.Td fz="sm">{a.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {can('risk.write') && <Reassess risk={r} criteria={criteria.data.inForce} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="treatment">
          <TreatmentPanel risk={r} criteria={criteria.data.inForce} />
        </Tabs.Panel>
        <Tabs.Panel value="acceptance">
          <AcceptancePanel risk={r} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <RiskHistory riskId={r.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
