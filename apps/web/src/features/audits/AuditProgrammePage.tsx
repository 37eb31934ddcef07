import { useState } from 'react';
import { Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AUDIT_WEIGHT_LABELS } from '@fortytwo/domain';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { auditDownloads, auditHref, useAudits, useProgramme } from './api';
import { AUDITS_TEXT as T } from './text';
import { ProgrammeForm } from './ProgrammeForm';
import { PlanAuditModal } from './PlanAuditModal';

const STATE_COLOR = { covered: 'teal', stale: 'orange', planned: 'blue', never: 'red' } as const;
const WEIGHT_COLOR = { high: 'red', raised: 'orange', normal: 'gray' } as const;

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
