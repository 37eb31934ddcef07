import { Anchor, Button, Center, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { IMPACT_TRIGGER_LABELS } from '@fortytwo/domain';
import { Link, useSearchParams } from 'react-router';
import { FirstVisit } from '../../ui/FirstVisit';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { aiSystemHref, impactHref, newImpactHref, useAiSystemChoices, useImpacts, type ImpactAssessment } from './api';
import { ImpactGaps } from './ImpactGaps';
import { ratingText } from './ImpactDetailPage';
import { ImpactStatusBadge } from './SignOffPanel';
import { IMPACT_TEXT as T } from './text';
import classes from './impact.module.css';

function ImpactEmpty({
  orgId,
  canWrite,
  hasSystems,
  aiSystemId,
}: {
  orgId: string;
  canWrite: boolean;
  hasSystems: boolean;
  aiSystemId: string | undefined;
}) {
  return (
    <FirstVisit
      testId="impact-empty"
      icon={<IconUsersGroup size={32} />}
      title={T.emptyTitle}
      body={T.emptyBody}
      why={T.emptyWhy}
      readOnlyNote={canWrite ? undefined : T.emptyReadOnly}
      width={680}
      notes={
        canWrite &&
        !hasSystems && (
          <Text fz="sm" fw={500}>
            {T.emptyNoSystems}
          </Text>
        )
      }
      actions={
        canWrite &&
        (hasSystems ? (
          <Button component={Link} to={newImpactHref(orgId, aiSystemId)} leftSection={<IconPlus size={16} />}>
            {T.emptyCta}
          </Button>
        ) : (
          <Button component={Link} to={`/orgs/${orgId}/ai-systems/new`} leftSection={<IconPlus size={16} />}>
            {T.add}
          </Button>
        ))
      }
    />
  );
}

function ImpactTable({ orgId, items }: { orgId: string; items: ImpactAssessment[] }) {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" highlightOnHover className={classes.table} data-testid="impact-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{T.columns.ref}</Table.Th>
            <Table.Th w={140}>{T.columns.system}</Table.Th>
            <Table.Th>{T.columns.title}</Table.Th>
            <Table.Th w={130}>{T.columns.trigger}</Table.Th>
            <Table.Th w={118}>{T.columns.status}</Table.Th>
            <Table.Th w={96}>{T.columns.rating}</Table.Th>
            <Table.Th w={124}>{T.columns.signedOff}</Table.Th>
            <Table.Th w={112}>{T.columns.retention}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-ref={a.ref} data-testid="impact-row">
              <Table.Td>
                <Anchor component={Link} to={impactHref(orgId, a.id)} fw={600} fz="sm" className={classes.nowrap}>
                  {a.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {a.aiSystem ? (
                  <Anchor component={Link} to={aiSystemHref(orgId, a.aiSystem.id)} fz="sm">
                    {a.aiSystem.name}
                  </Anchor>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {T.deletedSystem}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={impactHref(orgId, a.id)} fz="sm" c="var(--mantine-color-text)">
                  {a.title || T.untitled}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{IMPACT_TRIGGER_LABELS[a.trigger]}</Text>
              </Table.Td>
              <Table.Td className={classes.nowrap}>
                <ImpactStatusBadge a={a} size="sm" />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={a.severity === null || a.likelihood === null ? 'dimmed' : undefined}>
                  {a.severity === null || a.likelihood === null ? '—' : ratingText(a)}
                </Text>
              </Table.Td>
              <Table.Td>
                {a.signedOffAt ? (
                  <Stack gap={0}>
                    <Text fz="sm">{formatDate(a.signedOffAt)}</Text>
                    <Text fz="xs" c="dimmed">
                      {a.signedOffBy?.name}
                    </Text>
                  </Stack>
                ) : (
                  <Text fz="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={a.retentionUntil ? undefined : 'dimmed'} className={classes.nowrap}>
                  {a.retentionUntil ? formatDate(`${a.retentionUntil}T12:00:00`) : '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The register of AI system impact assessments (6.1.4, 8.4, A.5), filtered by AI system. */
export function ImpactListPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const aiSystemId = params.get('aiSystemId') ?? undefined;
  const list = useImpacts(orgId, aiSystemId);
  const systems = useAiSystemChoices(orgId);
  const canWrite = can('risk.write');
  const setSystem = (v: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set('aiSystemId', v);
        else next.delete('aiSystemId');
        return next;
      },
      { replace: true },
    );
  const items = list.data ?? [];
  const firstVisit = list.isSuccess && items.length === 0 && !aiSystemId;
  const hasSystems = (systems.data?.length ?? 0) > 0;

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: T.crumbStep }]}
        title={T.title}
        description={T.description}
        actions={
          canWrite &&
          !firstVisit &&
          list.isSuccess && (
            <Button component={Link} to={newImpactHref(orgId, aiSystemId)} leftSection={<IconPlus size={16} />}>
              {T.add}
            </Button>
          )
        }
      />
      {!firstVisit && (
        <Stack mb="md">
          <ImpactGaps orgId={orgId} canWrite={canWrite} />
        </Stack>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : firstVisit ? (
        <ImpactEmpty
          orgId={orgId}
          canWrite={canWrite}
          hasSystems={hasSystems || systems.isPending}
          aiSystemId={aiSystemId}
        />
      ) : (
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <Select
              label={T.filterSystem}
              placeholder={T.anySystem}
              data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={aiSystemId ?? null}
              onChange={setSystem}
              clearable
              searchable
              w={280}
              comboboxProps={{ withinPortal: true }}
            />
            <Text fz="sm" c="dimmed" ml="auto" aria-live="polite" data-testid="impact-count">
              {T.showing(items.length)}
            </Text>
          </Group>
          <Paper withBorder radius="md">
            {items.length > 0 ? (
              <ImpactTable orgId={orgId} items={items} />
            ) : (
              <Center py={48}>
                <Stack align="center" gap={4}>
                  <Text fw={600}>{T.noMatchTitle}</Text>
                  <Text c="dimmed" fz="sm">
                    {T.noMatch}
                  </Text>
                  <Group gap="sm" mt="xs">
                    {canWrite && (
                      <Button
                        component={Link}
                        to={newImpactHref(orgId, aiSystemId)}
                        leftSection={<IconPlus size={16} />}
                      >
                        {T.add}
                      </Button>
                    )}
                    <Button variant="subtle" onClick={() => setSystem(null)}>
                      {T.clearFilter}
                    </Button>
                  </Group>
                </Stack>
              </Center>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
