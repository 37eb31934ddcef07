import { Badge, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { useGovernance } from './api';
import { PillarCard } from './PillarCard';
import { GOVERNANCE_TEXT as T } from './text';

/** The six pillars of the governance framework, each with owner, objectives, policy statements and coverage. */
export function GovernancePage() {
  const { orgId, can } = useOrg();
  const pillars = useGovernance(orgId);
  const members = useMembers(orgId);
  const header = (
    <PageHeader crumbs={[{ label: 'Plan' }, { label: T.crumbStep }]} title={T.title} description={T.description} />
  );
  if (pillars.isError)
    return (
      <>
        {header}
        <ErrorAlert error={pillars.error} onRetry={() => void pillars.refetch()} />
      </>
    );
  if (pillars.isPending) return <Loading />;
  const items = pillars.data.items;
  const owned = items.filter((p) => p.ownerId).length;
  const objectives = items.reduce((n, p) => n + p.objectives.length, 0);
  const statements = items.reduce((n, p) => n + p.policyStatements.length, 0);

  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <Group align="flex-start" wrap="nowrap" gap="md">
            <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
              <IconBuildingBank size={20} />
            </ThemeIcon>
            <Stack gap={8}>
              <Title order={2} fz="md">
                {T.teachTitle}
              </Title>
              <Text fz="sm">{T.teachBody}</Text>
              <Group gap="xs" data-testid="governance-summary">
                <Badge variant="light" color={owned === items.length ? 'teal' : 'orange'} tt="none" size="lg">
                  {T.summaryOwners(owned, items.length)}
                </Badge>
                <Badge variant="default" tt="none" size="lg">
                  {T.summaryObjectives(objectives)}
                </Badge>
                <Badge variant="default" tt="none" size="lg">
                  {T.summaryStatements(statements)}
                </Badge>
              </Group>
            </Stack>
          </Group>
        </Paper>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" verticalSpacing="lg" style={{ alignItems: 'start' }}>
          {items.map((p) => (
            <PillarCard
              key={p.pillar}
              orgId={orgId}
              pillar={p}
              people={pillars.data.people}
              members={members.data ?? []}
              canWrite={can('context.write')}
              canReadHistory={can('audit_event.read')}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}
