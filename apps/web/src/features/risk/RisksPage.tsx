import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { RISK_KINDS, RISK_LEVEL_LABELS, RISK_LEVELS } from '@fortytwo/domain';
import { Link, useSearchParams } from 'react-router';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { FirstVisit } from '../../ui/FirstVisit';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useAiSystemChoices } from '../impact/api';
import { useOrg } from '../shell/org-context';
import { newRiskHref, riskDownloads, riskHref, useDashboard, useRisks, type RiskFilters } from './api';
import { LevelBadge } from './levels';
import { RiskHeatmap } from './RiskHeatmap';
import { RISK_TEXT as T } from './text';
import type { Risk } from './types';

const pick = <V extends string>(v: string | null, allowed: readonly V[]): V | undefined => (v && (allowed as readonly string[]).includes(v) ? (v as V) : undefined);

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters: RiskFilters = {
    aiSystemId: params.get('aiSystemId') ?? undefined,
    kind: pick(params.get('kind'), RISK_KINDS),
    status: pick(params.get('status'), ['open', 'closed'] as const),
    level: pick(params.get('level'), RISK_LEVELS),
    attention: params.get('attention') === 'true' ? 'true' : undefined,
  };
  const cell = params.get('cell'); // "inherent:4:5": a heatmap cell, filtered on the page
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { filters, cell, set, clear: () => setParams(new URLSearchParams(), { replace: true }), any: [...params.keys()].length > 0 };
}

function SideList({ title, risks, orgId }: { title: string; risks: Risk[]; orgId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Title order={2} fz="md" mb={6}>
        {title} <Badge variant="filled" color="gray.8" ml={4}>{risks.length}</Badge>
      </Title>
      {risks.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.none}
        </Text>
      ) : (
        <Stack gap={4}>
          {risks.slice(0, 5).map((r) => (
            <Anchor key={r.id} component={Link} to={riskHref(orgId, r.id)} fz="sm">
              {r.ref} {r.title}
            </Anchor>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function RisksPage() {
  const { orgId, can } = useOrg();
  const { filters, cell, set, clear, any } = useFilters();
  const list = useRisks(orgId, filters);
  const dashboard = useDashboard(orgId);
  const systems = useAiSystemChoices(orgId);
  const canWrite = can('risk.write');

  const [cellKind, cl, cc] = cell?.split(':') ?? [];
  const cellIds = cell ? new Set((cellKind === 'residual' ? dashboard.data?.residual : dashboard.data?.inherent)?.find((x) => x.likelihood === Number(cl) && x.consequence === Number(cc))?.riskIds ?? []) : null;
  const rows = (list.data ?? []).filter((r) => !cellIds || cellIds.has(r.id));
  const firstVisit = list.isSuccess && list.data.length === 0 && !any;

  return (
    <>
      <PageHeader
        title={T.registerTitle}
        description={T.registerDescription}
        actions={
          !firstVisit && (
            <>
              <DownloadMenu label={T.export} hint={T.exportHint} items={riskDownloads(orgId, filters)} />
              {canWrite && (
                <Button component={Link} to={newRiskHref(orgId)} leftSection={<IconPlus size={16} />}>
                  {T.add}
                </Button>
              )}
            </>
          )
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : firstVisit ? (
        <FirstVisit
          testId="risks-empty"
          icon={<IconShieldCheck size={32} />}
          title={T.emptyTitle}
          body={T.emptyBody}
          why={T.emptyWhy}
          readOnlyNote={canWrite ? undefined : T.emptyReadOnly}
          actions={
            canWrite && (
              <Button component={Link} to={newRiskHref(orgId)} leftSection={<IconPlus size={16} />}>
                {T.addFirst}
              </Button>
            )
          }
        />
      ) : (
        <Stack gap="md">
          {dashboard.data && (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <RiskHeatmap testId="heatmap-inherent" title={T.heatInherent} cells={dashboard.data.inherent} likelihoodLabels={dashboard.data.likelihoodLabels} consequenceLabels={dashboard.data.consequenceLabels} selected={cellKind === 'inherent' ? `${cl}:${cc}` : null} onSelect={(c) => set('cell', c ? `inherent:${c.likelihood}:${c.consequence}` : null)} />
              <RiskHeatmap testId="heatmap-residual" title={T.heatResidual} cells={dashboard.data.residual} likelihoodLabels={dashboard.data.likelihoodLabels} consequenceLabels={dashboard.data.consequenceLabels} selected={cellKind === 'residual' ? `${cl}:${cc}` : null} onSelect={(c) => set('cell', c ? `residual:${c.likelihood}:${c.consequence}` : null)} />
              <Stack gap="sm">
                <SideList title={T.attention} risks={dashboard.data.needsAttention} orgId={orgId} />
                <SideList title={T.reviewOverdue} risks={dashboard.data.reviewOverdue} orgId={orgId} />
                <SideList title={T.expiring} risks={dashboard.data.acceptancesExpiring} orgId={orgId} />
              </Stack>
            </SimpleGrid>
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select label={T.filters.aiSystem} placeholder={T.filters.any} clearable searchable w={220} data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))} value={filters.aiSystemId ?? null} onChange={(v) => set('aiSystemId', v)} />
            <Select label={T.filters.kind} placeholder={T.filters.any} clearable w={150} data={RISK_KINDS.map((k) => ({ value: k, label: T.kinds[k] }))} value={filters.kind ?? null} onChange={(v) => set('kind', v)} />
            <Select label={T.filters.status} placeholder={T.filters.any} clearable w={130} data={(['open', 'closed'] as const).map((s) => ({ value: s, label: T.statuses[s] }))} value={filters.status ?? null} onChange={(v) => set('status', v)} />
            <Select label={T.filters.level} placeholder={T.filters.any} clearable w={150} data={RISK_LEVELS.map((l) => ({ value: l, label: RISK_LEVEL_LABELS[l] }))} value={filters.level ?? null} onChange={(v) => set('level', v)} />
            <Checkbox label={T.filters.attention} checked={filters.attention === 'true'} onChange={(e) => set('attention', e.currentTarget.checked ? 'true' : null)} mb={8} />
            {any && (
              <Button variant="subtle" onClick={clear} mb={2}>
                {T.filters.clear}
              </Button>
            )}
          </Group>
          {cell && (
            <Alert variant="light" color="blue" withCloseButton onClose={() => set('cell', null)} closeButtonLabel={T.filters.clear}>
              {T.cellFilter(Number(cl), Number(cc))}
            </Alert>
          )}
          <Text fz="sm" c="dimmed" aria-live="polite">
            {T.count(rows.length)}
          </Text>
          <Table.ScrollContainer minWidth={980}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="risk-table">
              <Table.Thead>
                <Table.Tr>
                  {Object.values(T.columns).map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-ref={r.ref}>
                    <Table.Td>
                      <Anchor component={Link} to={riskHref(orgId, r.id)} fw={600}>
                        {r.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {r.needsAttention && <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" aria-label={T.attention} />}
                        <Text fz="sm">{r.title}</Text>
                        {r.kind === 'opportunity' && <Badge size="xs" variant="outline" color="teal.9" tt="none">{T.kinds.opportunity}</Badge>}
                        {r.status === 'closed' && <Badge size="xs" variant="outline" color="gray.8">{T.statuses.closed}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">{r.aiSystem?.name ?? T.filters.orgWide}</Table.Td>
                    <Table.Td fz="sm">{r.sourceLabel}</Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.inherentLevel} score={r.inherentScore} />
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.residualLevel} score={r.residualScore} />
                    </Table.Td>
                    <Table.Td fz="sm">{r.owner?.name ?? '—'}</Table.Td>
                    <Table.Td fz="sm" c={r.reviewOverdue ? 'red.9' : undefined}>
                      {r.reviewDate ? `${formatDate(r.reviewDate)}${r.reviewOverdue ? ` (${T.overdue})` : ''}` : '—'}
                    </Table.Td>
                    <Table.Td fz="sm">{T.acceptance[r.acceptanceState]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}
