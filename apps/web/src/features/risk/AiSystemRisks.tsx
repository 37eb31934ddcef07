import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { impactHref, newImpactHref, useImpacts } from '../impact/api';
import { ImpactGaps } from '../impact/ImpactGaps';
import { useOrg } from '../shell/org-context';
import { newRiskHref, riskHref, useRisks } from './api';
import { LevelBadge } from './levels';
import { RISK_TEXT as T } from './text';

/** The risks and impact assessments of one AI system, for its page in the inventory. */
export function AiSystemRisks({ aiSystemId }: { aiSystemId: string }) {
  const { orgId, can } = useOrg();
  const risks = useRisks(orgId, { aiSystemId });
  const impacts = useImpacts(orgId, aiSystemId);
  if (risks.isPending || impacts.isPending) return <Loading />;
  if (risks.isError) return <ErrorAlert error={risks.error} />;
  if (impacts.isError) return <ErrorAlert error={impacts.error} />;
  const rows = risks.rows ?? [];
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg">
            {T.registerTitle}
          </Title>
          {can('risk.write') && (
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={`${newRiskHref(orgId)}?aiSystemId=${aiSystemId}`}
              leftSection={<IconPlus size={14} />}
            >
              {T.add}
            </Button>
          )}
        </Group>
        {rows.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.systemNoRisks}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={riskHref(orgId, r.id)} fz="sm">
                      {r.ref} {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={r.inherentLevel} score={r.inherentScore} unrated={!r.rated} />
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={r.residualLevel} score={r.residualScore} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {risks.hasNextPage && (
          <Button
            mt="xs"
            size="xs"
            variant="default"
            onClick={() => void risks.fetchNextPage()}
            loading={risks.isFetchingNextPage}
          >
            {T.loadMore}
          </Button>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg">
            {T.systemImpacts}
          </Title>
          {can('risk.write') && (
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={newImpactHref(orgId, aiSystemId)}
              leftSection={<IconPlus size={14} />}
            >
              {T.systemAssess}
            </Button>
          )}
        </Group>
        <ImpactGaps orgId={orgId} aiSystemId={aiSystemId} canWrite={can('risk.write')} />
        {impacts.data.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.systemNoImpacts}
          </Text>
        ) : (
          <Stack gap={4}>
            {impacts.data.map((a) => (
              <Anchor key={a.id} component={Link} to={impactHref(orgId, a.id)} fz="sm">
                {a.ref} {a.title || a.trigger} ({a.status === 'signed_off' ? 'signed off' : 'draft'})
              </Anchor>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
