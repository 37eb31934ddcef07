import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  ColorSwatch,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconFileCertificate, IconSearch } from '@tabler/icons-react';
import {
  ANNEX_A_GROUPS,
  IMPLEMENTATION_STATUS_LABELS,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ApprovalDialog } from '../../ui/ApprovalDialog';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { DEFAULT_FRAMEWORK, useFramework } from '../catalog/api';
import { useOrg } from '../shell/org-context';
import { approveSoaPath, refreshSoa, soaDownloads, soaKey, useSoa, type Soa, type SoaItem } from './api';
import { SoaApproval, SoaStatusBadge } from './SoaApproval';
import { SoaItemEditor } from './SoaItemEditor';
import { BulkDecision } from './BulkDecision';
import { rowId, SoaTable } from './SoaTable';
import { GapSuggestion, useSoaGapResults } from './GapSuggestion';
import { SoaWarnings } from './SoaWarnings';
import { CUSTOM_GROUP, DECISIONS, GROUPS, matches, useSoaFilters, type Decision } from './url-state';
import { SOA_TEXT as T } from './text';
import classes from './soa.module.css';

/** The titles of the Annex A groups (A.2 …), from the shipped catalogue. */
export function useGroupTitles(orgId: string): Record<string, string> {
  const framework = useFramework(orgId, DEFAULT_FRAMEWORK);
  return useMemo(
    () =>
      Object.fromEntries(
        (framework.data?.items ?? [])
          .filter((i) => (ANNEX_A_GROUPS as readonly string[]).includes(i.ref))
          .map((i) => [i.ref, i.title]),
      ),
    [framework.data],
  );
}

export function WhySoa() {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="soa-teaching">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          <IconFileCertificate size={20} />
        </ThemeIcon>
        <Stack gap={6}>
          <Title order={2} fz="md">
            {T.whyTitle}
          </Title>
          <Text fz="sm">{T.whyBody}</Text>
          <Text fz="sm">{T.whyHow}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}

const DECISION_WORDS: Record<Decision, string> = { included: T.included, excluded: T.excluded, undecided: T.undecided };

function Counts({
  soa,
  active,
  onPick,
}: {
  soa: Soa;
  active: Decision | undefined;
  onPick: (d: Decision | null) => void;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="soa-counts-title" h="100%">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="md" id="soa-counts-title">
            {T.countsLabel}
          </Title>
          <Text fz="sm" c="dimmed">
            {T.ofTotal(soa.counts.total)}
          </Text>
        </Group>
        <Group gap="sm" wrap="wrap" grow>
          {DECISIONS.map((d) => (
            <button
              key={d}
              type="button"
              className={classes.count}
              data-active={active === d || undefined}
              aria-pressed={active === d}
              onClick={() => onPick(active === d ? null : d)}
              data-testid={`soa-count-${d}`}
            >
              <Text fz={28} fw={700} lh={1.1} c={d === 'undecided' && soa.counts[d] > 0 ? 'orange.9' : undefined}>
                {soa.counts[d]}{' '}
              </Text>
              <Text fz="sm" c="dimmed">
                {DECISION_WORDS[d]}
                <VisuallyHidden>. {T.showOnly(DECISION_WORDS[d])}</VisuallyHidden>
              </Text>
            </button>
          ))}
        </Group>
        <Implementation items={soa.items} />
      </Stack>
    </Paper>
  );
}

const STATUS_COLORS: Record<ImplementationStatus | 'none', string> = {
  implemented: 'teal.7',
  in_progress: 'blue.6',
  planned: 'indigo.3',
  not_started: 'orange.5',
  none: 'gray.3',
};

/** How far the included controls are implemented: one bar, and the numbers in words. */
function Implementation({ items }: { items: SoaItem[] }) {
  const included = items.filter((i) => i.included === true);
  if (included.length === 0) return null;
  const parts = ([...IMPLEMENTATION_STATUSES].reverse() as (ImplementationStatus | 'none')[])
    .concat('none')
    .map((s) => ({ s, n: included.filter((i) => (i.implementationStatus ?? 'none') === s).length }));
  return (
    <Stack gap={6} data-testid="soa-implementation">
      <Text fz="sm" fw={600}>
        {T.implementationOf(included.length)}
      </Text>
      <Progress.Root size="lg" aria-hidden>
        {parts
          .filter((p) => p.n > 0)
          .map((p) => (
            <Progress.Section key={p.s} value={(p.n / included.length) * 100} color={STATUS_COLORS[p.s]} />
          ))}
      </Progress.Root>
      <Group gap="md" wrap="wrap" style={{ rowGap: 4 }}>
        {parts.map((p) => (
          <Group key={p.s} gap={6} wrap="nowrap">
            <ColorSwatch
              color={`var(--mantine-color-${STATUS_COLORS[p.s].replace('.', '-')})`}
              size={10}
              withShadow={false}
              aria-hidden
            />
            <Text fz="xs" c={p.n ? undefined : 'dimmed'}>
              {p.s === 'none' ? T.noStatus : IMPLEMENTATION_STATUS_LABELS[p.s]} {p.n}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** The Statement of Applicability (6.1.3 d): every control with its decision, reason and status; approval; versions. */
export function SoaPage() {
  const { orgId, can } = useOrg();
  const soa = useSoa(orgId);
  const titles = useGroupTitles(orgId);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: T.crumbStep }]}
        title={T.title}
        badge={soa.data && <SoaStatusBadge soa={soa.data} />}
        description={T.description}
        actions={soa.data && <DownloadMenu label={T.export} hint={T.exportHint} items={soaDownloads(orgId)} />}
      />
      {soa.isPending ? (
        <Loading />
      ) : soa.isError ? (
        <ErrorAlert error={soa.error} onRetry={() => void soa.refetch()} />
      ) : (
        <SoaWorkspace
          orgId={orgId}
          soa={soa.data}
          titles={titles}
          canWrite={can('risk.write')}
          canApprove={can('risk.approve')}
        />
      )}
    </>
  );
}

function SoaWorkspace({
  orgId,
  soa,
  titles,
  canWrite,
  canApprove,
}: {
  orgId: string;
  soa: Soa;
  titles: Record<string, string>;
  canWrite: boolean;
  canApprove: boolean;
}) {
  const qc = useQueryClient();
  const { filters, update, hasFilters, clear } = useSoaFilters();
  const [editing, setEditing] = useState<SoaItem | null>(null);
  const [deciding, setDeciding] = useState<SoaItem[] | null>(null);
  const gapResults = useSoaGapResults(orgId);
  const [highlight, setHighlight] = useState<{ ref: string; at: number } | null>(null);
  const shown = soa.items.filter((i) => matches(i, filters));
  const gapData = gapResults.data;
  const statusExtra = useCallback(
    (i: SoaItem) => <GapSuggestion orgId={orgId} item={i} gap={gapData?.get(i.ref)} canWrite={canWrite} />,
    [orgId, gapData, canWrite],
  );
  // Nobody has decided anything yet and nothing was ever approved: explain what this page is for.
  const firstVisit = soa.approved === null && soa.items.every((i) => i.version === 0);

  // A warning's link: bring its row into view (clearing filters that hide it), and focus it.
  useEffect(() => {
    if (!highlight) return;
    const row = document.getElementById(rowId(highlight.ref));
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [highlight, shown.length]);
  const goTo = (ref: string) => {
    const item = soa.items.find((i) => i.ref === ref);
    if (item && !matches(item, filters)) clear();
    setHighlight({ ref, at: Date.now() });
  };

  const [approving, setApproving] = useState(false);
  const approve = useMutation({
    mutationFn: (acknowledgement: string | undefined) =>
      api.post<Soa>(approveSoaPath(orgId), { version: soa.version, ...(acknowledgement ? { acknowledgement } : {}) }),
    onSuccess: async (s) => {
      setApproving(false);
      qc.setQueryData(soaKey(orgId), s);
      notifySuccess(T.approved(s.version));
      await refreshSoa(qc, orgId);
    },
    onError: (e) => {
      notifyError(e, T.approveFailed);
      if (isApiError(e, 'STALE_VERSION') || isApiError(e, 'SOA_NOT_READY') || isApiError(e, 'ACKNOWLEDGEMENT_REQUIRED'))
        void refreshSoa(qc, orgId);
    },
  });
  const askApprove = () => setApproving(true);

  return (
    <Stack gap="lg">
      {firstVisit && <WhySoa />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Counts soa={soa} active={filters.decision} onPick={(d) => update({ decision: d })} />
        <SoaApproval
          orgId={orgId}
          soa={soa}
          canApprove={canApprove}
          pending={approve.isPending}
          onApprove={askApprove}
        />
      </SimpleGrid>
      <ApprovalDialog
        opened={approving}
        onClose={() => setApproving(false)}
        title={T.approveTitle(soa.version)}
        body={T.approveBody(soa.version)}
        findings={soa.warnings}
        confirmLabel={T.approveAs(soa.version)}
        pending={approve.isPending}
        onConfirm={(ack) => approve.mutate(ack)}
      />
      <SoaWarnings
        orgId={orgId}
        warnings={soa.warnings}
        onGoTo={goTo}
        onShowUndecided={() => update({ decision: 'undecided', group: null, status: null, q: null })}
      />
      {!canWrite && (
        <Text fz="sm" c="dimmed">
          {T.readOnly}
        </Text>
      )}
      <Paper withBorder radius="md" p="sm">
        <SoaTable
          orgId={orgId}
          items={shown}
          groupTitles={titles}
          onEdit={canWrite ? setEditing : undefined}
          highlight={highlight?.ref ?? null}
          statusExtra={statusExtra}
          filtering={hasFilters}
          onClearFilters={clear}
          countText={<span data-testid="soa-showing">{T.showing(shown.length, soa.items.length)}</span>}
          bulkActions={[{ label: T.bulkSelected, run: (rows) => setDeciding(rows), allowed: canWrite }]}
          filters={
            <>
              <Select
                label={T.filterGroup}
                placeholder={T.anyGroup}
                data={GROUPS.filter((g) => soa.items.some((i) => i.group === g)).map((g) => ({
                  value: g,
                  label: g === CUSTOM_GROUP ? T.customGroup : T.groupHeading(g, titles[g] ?? ''),
                }))}
                value={filters.group ?? null}
                onChange={(v) => update({ group: v })}
                clearable
                w={230}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={T.filterDecision}
                placeholder={T.anyDecision}
                data={DECISIONS.map((d) => ({ value: d, label: DECISION_WORDS[d] }))}
                value={filters.decision ?? null}
                onChange={(v) => update({ decision: v })}
                clearable
                w={150}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={T.filterStatus}
                placeholder={T.anyStatus}
                data={[
                  ...IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: IMPLEMENTATION_STATUS_LABELS[s] })),
                  { value: 'none', label: T.noStatus },
                ]}
                value={filters.status ?? null}
                onChange={(v) => update({ status: v })}
                clearable
                w={150}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                label={T.search}
                placeholder={T.searchPlaceholder}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={filters.q}
                onChange={(e) => update({ q: e.currentTarget.value })}
                w={210}
              />
              {canWrite && shown.length > 0 && <BulkDecision orgId={orgId} items={shown} />}
            </>
          }
        />
      </Paper>
      {deciding && <BulkDecision orgId={orgId} items={deciding} open={{ onClose: () => setDeciding(null) }} />}
      {editing && (
        <SoaItemEditor
          key={`${editing.ref}-${editing.version}`}
          orgId={orgId}
          item={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
