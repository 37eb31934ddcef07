import { Alert, Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { TREATMENT_OPTION_LABELS } from '@fortytwo/domain';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useState } from 'react';
import { AcknowledgementNote, ApprovalDialog } from '../../ui/ApprovalDialog';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { planDownloads, planPath, refreshRisks, riskHref, usePlan } from './api';
import { LevelBadge } from './levels';
import { RISK_TEXT as T } from './text';

export function PlanPage() {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const plan = usePlan(orgId);
  const [approving, setApproving] = useState(false);
  const approve = useMutation({
    mutationFn: ({ number, acknowledgement }: { number: number; acknowledgement: string | undefined }) =>
      api.post(`${planPath(orgId)}/approve`, { number, ...(acknowledgement ? { acknowledgement } : {}) }),
    onSuccess: async () => {
      setApproving(false);
      await refreshRisks(qc, orgId);
      notifySuccess(T.planApproved);
    },
    onError: (e) => notifyError(e),
  });
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: '4. Implementation' }]}
        title={T.planTitle}
        description={T.planDescription}
        badge={
          <Badge
            data-testid="plan-status"
            variant="filled"
            tt="none"
            color={p.status === 'approved' ? 'teal.9' : '#9c3d00'}
          >
            {T.planStatus(p.status, p.number)}
          </Badge>
        }
        actions={
          <>
            <DownloadMenu label={T.export} items={planDownloads(orgId)} />
            {can('risk.approve') && (
              <Button
                leftSection={<IconCircleCheck size={16} />}
                disabled={p.status === 'approved' || p.risks.length === 0}
                loading={approve.isPending}
                onClick={() => setApproving(true)}
              >
                {T.approvePlan}
              </Button>
            )}
          </>
        }
      />
      <ApprovalDialog
        opened={approving}
        onClose={() => setApproving(false)}
        title={T.approvePlan}
        body={T.approvePlanConfirm(p.number)}
        findings={p.warnings}
        confirmLabel={T.approvePlan}
        pending={approve.isPending}
        onConfirm={(acknowledgement) => approve.mutate({ number: p.number, acknowledgement })}
      />
      <Stack gap="md">
        {p.approved && (
          <Text fz="sm" c="dimmed">
            {T.lastApproved(p.approved.number, p.approved.approvedBy.name, formatDate(p.approved.approvedAt))}
          </Text>
        )}
        {p.approved && (
          <AcknowledgementNote acknowledgement={p.approved.acknowledgement} testId="plan-acknowledgement" />
        )}
        {p.warnings.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={T.warnings}>
            <Stack gap={4}>
              {p.warnings.map((w, i) => (
                <Text key={`${w.riskId}-${w.code}-${i}`} fz="sm">
                  {w.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {p.risks.length === 0 ? (
          <Text c="dimmed">{T.noPlanRisks}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" striped data-testid="plan-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Risk</Table.Th>
                  <Table.Th>{T.inherent}</Table.Th>
                  <Table.Th>{T.option}</Table.Th>
                  <Table.Th>{T.controls}</Table.Th>
                  <Table.Th>{T.actions}</Table.Th>
                  <Table.Th>{T.residual}</Table.Th>
                  <Table.Th>{T.tabs.acceptance}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.risks.map((r) => (
                  <Table.Tr key={r.id} data-ref={r.ref}>
                    <Table.Td>
                      <Anchor component={Link} to={riskHref(orgId, r.id)} fz="sm" fw={600}>
                        {r.ref}
                      </Anchor>{' '}
                      <Text span fz="sm">
                        {r.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.inherentLevel} score={r.inherentScore} unrated={!r.rated} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      {r.treatments.length
                        ? r.treatments.map((t) => TREATMENT_OPTION_LABELS[t.option]).join('; ')
                        : '—'}
                    </Table.Td>
                    <Table.Td fz="sm">
                      {[...new Set(r.treatments.flatMap((t) => t.controlRefs))].join(', ') || '—'}
                    </Table.Td>
                    <Table.Td fz="sm">
                      {r.treatments
                        .flatMap((t) => t.actions)
                        .map((a) => `${a.title}${a.dueDate ? ` (${formatDate(a.dueDate)})` : ''}`)
                        .join('; ') || '—'}
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.residualLevel} score={r.residualScore} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      {r.acceptance
                        ? `${T.acceptance[r.acceptanceState]} · ${formatDate(r.acceptance.expiresAt)}`
                        : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}
