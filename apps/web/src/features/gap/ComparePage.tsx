import {
  Alert,
  Anchor,
  Badge,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import { ANNEX_A_GROUPS, CLAUSE_NUMBERS } from '@fortytwo/domain';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { formatDate } from '../../ui/format';
import { useOrg } from '../shell/org-context';
import {
  gapHref,
  useAssessments,
  useComparison,
  type Change,
  type Comparison,
  type Delta,
  type GapAssessmentSummary,
} from './api';
import { useAssessmentOutlet } from './AssessmentLayout';
import { formatDelta, formatPercent } from './format';
import { ResultBadge } from './ResultBadge';
import { sectionName, useGapCatalogue } from './sections';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

type Filter = Exclude<Change, 'unchanged'> | 'all';
const FILTERS: Filter[] = ['all', 'improved', 'regressed', 'changed'];
const CHANGE_COLORS: Record<Change, string> = {
  improved: 'teal',
  regressed: 'red',
  changed: 'gray',
  unchanged: 'gray',
};

/** A change in points with its direction as an arrow and a sign, not only a colour. */
function DeltaText({ d, size = 'sm' }: { d: Delta; size?: 'sm' | 'lg' }) {
  const flat = d.delta === null || d.delta === 0;
  const Icon = flat ? IconMinus : d.delta! > 0 ? IconArrowUpRight : IconArrowDownRight;
  const color = flat ? 'dimmed' : d.delta! > 0 ? 'teal.9' : 'red.9';
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} color={`var(--mantine-color-${color.replace('.', '-')})`} aria-hidden />
      <Text fz={size} fw={600} c={color}>
        {formatDelta(d.delta)}
      </Text>
    </Group>
  );
}

function Totals({ c }: { c: Comparison }) {
  const parts = [
    ['overall', T.overall, c.scores.overall],
    ['clauses', T.clauses, c.scores.clauses],
    ['annexA', T.annexA, c.scores.annexA],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="compare-summary">
      {parts.map(([key, label, d]) => (
        <Paper key={key} withBorder radius="md" p="md" data-part={key}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.5 }}>
            {label}
          </Text>
          <Group justify="space-between" align="baseline" mt={4}>
            <Text fz="lg" fw={700}>
              {formatPercent(d.before)} → {formatPercent(d.after)}
            </Text>
            <DeltaText d={d} size="lg" />
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function PartDeltas({ c, titles }: { c: Comparison; titles: Record<string, string> }) {
  const rows = [
    ...CLAUSE_NUMBERS.map((n) => [n, c.scores.byClause[n]] as const),
    ...ANNEX_A_GROUPS.map((g) => [g, c.scores.byGroup[g]] as const),
  ];
  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="compare-scores">
      <Title order={3} fz="md" id="compare-scores" px="md" pt="md" pb="xs">
        {T.scoreByPart}
      </Title>
      <Table verticalSpacing={6} className={classes.table} data-testid="score-deltas" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{T.part}</Table.Th>
            <Table.Th w={66}>{T.before}</Table.Th>
            <Table.Th w={66}>{T.after}</Table.Th>
            <Table.Th w={88}>{T.change}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([part, d]) =>
            d ? (
              <Table.Tr key={part} data-part={part}>
                <Table.Td>
                  <Text fz="sm" truncate title={`${sectionName(part)} · ${titles[part] ?? ''}`}>
                    <Text span fw={700} className={classes.mono} mr={6}>
                      {part}
                    </Text>
                    {titles[part]}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{formatPercent(d.before)}</Table.Td>
                <Table.Td fz="sm">{formatPercent(d.after)}</Table.Td>
                <Table.Td>
                  <DeltaText d={d} />
                </Table.Td>
              </Table.Tr>
            ) : null,
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ItemMoves({
  c,
  orgId,
  assessmentId,
  filter,
  onFilter,
}: {
  c: Comparison;
  orgId: string;
  assessmentId: string;
  filter: Filter;
  onFilter: (f: Filter) => void;
}) {
  const moved = c.items.filter((i) => i.change !== 'unchanged' && (filter === 'all' || i.change === filter));
  const count = (f: Filter) => (f === 'all' ? c.counts.improved + c.counts.regressed + c.counts.changed : c.counts[f]);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="compare-items">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={3} fz="md" id="compare-items">
            {T.itemChanges}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={T.changeFilter}
            value={filter}
            onChange={onFilter}
            data={FILTERS.map((f) => ({
              value: f,
              label: `${f === 'all' ? T.changeAll : T.changes[f]} (${count(f)})`,
            }))}
          />
        </Group>
        <Text fz="xs" c="dimmed">
          {T.changeChangedHint}
        </Text>
        {moved.length === 0 ? (
          <Text fz="sm" c="dimmed" py="md">
            {T.noChanges}
          </Text>
        ) : (
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="compare-items">
            {moved.map((i) => (
              <Stack
                key={i.ref}
                component="li"
                gap={4}
                py={8}
                style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
                data-change={i.change}
              >
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={gapHref(orgId, assessmentId, i.ref)}
                    fz="sm"
                    fw={600}
                    className={classes.mono}
                  >
                    {i.ref}
                  </Anchor>
                  <Text fz="sm" truncate>
                    {i.title}
                  </Text>
                </Group>
                <Group gap={6} wrap="nowrap">
                  <ResultBadge result={i.before} />
                  <IconArrowRight size={14} aria-label={T.to} role="img" />
                  <ResultBadge result={i.after} />
                  <Badge variant="light" color={CHANGE_COLORS[i.change]} tt="none" ml="auto">
                    {T.changes[i.change]}
                  </Badge>
                </Group>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The snapshot to compare with by default: the newest one taken from this assessment, else the newest. */
function defaultPeer(list: GapAssessmentSummary[], id: string) {
  const snapshots = list
    .filter((a) => a.kind === 'snapshot' && a.id !== id)
    .sort((a, b) => (b.frozenAt ?? '').localeCompare(a.frozenAt ?? ''));
  return snapshots.find((s) => s.sourceId === id) ?? snapshots[0];
}

/** This assessment against an earlier snapshot: score deltas, then the requirements that moved. */
export function ComparePage() {
  const { orgId } = useOrg();
  const { assessment } = useAssessmentOutlet();
  const list = useAssessments(orgId);
  const catalogue = useGapCatalogue(orgId);
  const [params, setParams] = useSearchParams();
  const others = (list.data ?? []).filter((a) => a.id !== assessment.id);
  const withId = params.get('with') ?? defaultPeer(list.data ?? [], assessment.id)?.id ?? null;
  const comparison = useComparison(orgId, assessment.id, withId);
  const shown = params.get('show');
  const filter: Filter = FILTERS.find((f) => f === shown) ?? 'all';
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  if (others.length === 0)
    return (
      <Alert color="blue" variant="light" title={T.compareTitle}>
        {T.compareNone}
      </Alert>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} fz="lg">
            {T.compareTitle}
          </Title>
          <Text fz="sm" c="dimmed">
            {T.compareHint}
          </Text>
        </div>
        <Select
          label={T.compareWith}
          data={others.map((a) => ({ value: a.id, label: `${a.name} · ${formatDate(a.frozenAt ?? a.updatedAt)}` }))}
          value={withId}
          onChange={(v) => v && set('with', v)}
          placeholder={T.comparePick}
          allowDeselect={false}
          w={380}
          data-testid="compare-with"
        />
      </Group>
      {!withId ? (
        <Text c="dimmed">{T.comparePick}</Text>
      ) : comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <ErrorAlert error={comparison.error} />
      ) : (
        <>
          <Totals c={comparison.data} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <PartDeltas c={comparison.data} titles={catalogue.titles} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <ItemMoves
                c={comparison.data}
                orgId={orgId}
                assessmentId={assessment.id}
                filter={filter}
                onFilter={(f) => set('show', f)}
              />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
