import { Anchor, Grid, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { LIFECYCLE_STAGES } from '@fortytwo/domain';
import { Link } from 'react-router';
import { useMe } from '../../api/session';
import { LazyBarChart } from '../../ui/LazyBarChart';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { stageShort } from '../inventory/labels';
import { currentWorking, useAssessments } from '../gap/api';
import { GapReadinessCard } from '../gap/GapReadinessCard';
import { useOrg } from '../shell/org-context';
import { GuidedStart, type StartStep } from './GuidedStart';
import { JourneySteps, NextThings, OrgTasks, RecentActivity } from './OverviewCards';
import { useOverview } from './overview-api';
import { HOME_TEXT as T } from './text';
import { SAMPLE, useDashboard } from './use-dashboard';

function Stat({ label, value, to }: { label: string; value: number; to?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.5 }}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4}>
        {to ? (
          <Anchor component={Link} to={to} inherit underline="hover" c="inherit">
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
    </Paper>
  );
}

export function HomePage() {
  const { orgId, org, can } = useOrg();
  const me = useMe();
  const d = useDashboard(orgId, can('member.manage'));
  const assessments = useAssessments(orgId);
  const overview = useOverview(orgId);
  const base = `/orgs/${orgId}`;
  if (d.isPending) return <Loading />;
  if (d.error) return <ErrorAlert error={d.error} />;
  if (overview.error) return <ErrorAlert error={overview.error} />;

  const S = T.steps;
  // Step 1 is done once the current assessment has an answer for every requirement.
  const gap = assessments.data ? currentWorking(assessments.data) : undefined;
  const gapDone = !!gap && gap.answered === gap.total;
  const write = can('ai_system.write');
  const steps: StartStep[] = [
    { key: 'org', ...S.org, done: true },
    {
      key: 'first',
      title: S.firstSystem.title,
      body: S.firstSystem.body,
      done: d.total > 0,
      cta: write ? { label: S.firstSystem.cta, to: `${base}/ai-systems/new` } : undefined,
    },
    {
      key: 'classify',
      title: S.classify.title,
      body: S.classify.body,
      done: d.total > 0 && d.unclassified === 0,
      cta: d.total > 0 ? { label: S.classify.cta, to: `${base}/ai-systems?riskTier=unclassified` } : undefined,
    },
    {
      key: 'owners',
      title: S.owners.title,
      body: S.owners.body,
      done: d.total > 0 && d.ownerless === 0,
      cta: d.total > 0 ? { label: S.owners.cta, to: `${base}/ai-systems` } : undefined,
    },
    {
      key: 'team',
      title: S.team.title,
      body: S.team.body,
      done: d.members > 1 || d.pendingInvitations > 0,
      cta: can('member.manage') ? { label: S.team.cta, to: `${base}/members` } : undefined,
    },
    {
      key: 'gap',
      title: S.gap.title,
      body: S.gap.body,
      done: gapDone,
      cta: { label: S.gap.cta, to: `${base}/gap-analysis` },
    },
  ];
  const chart = LIFECYCLE_STAGES.map((s) => ({ stage: stageShort(s), systems: d.byStage[s] }));

  return (
    <>
      <PageHeader title={org.name} description={`${T.greeting(me.data?.user.name ?? '')}. ${T.intro}`} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Stat label={T.stats.systems} value={d.total} to={`${base}/ai-systems`} />
          <Stat label={T.stats.unclassified} value={d.unclassified} to={`${base}/ai-systems?riskTier=unclassified`} />
          <Stat label={T.stats.high} value={d.highRisk} to={`${base}/ai-systems?riskTier=high`} />
          <Stat label={T.stats.members} value={d.members} to={`${base}/members`} />
        </SimpleGrid>
        {overview.data && <NextThings base={base} overview={overview.data} />}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              {overview.data && <JourneySteps base={base} overview={overview.data} />}
              <GuidedStart steps={steps} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              {overview.data && <OrgTasks base={base} overview={overview.data} />}
              {can('audit_event.read') && <RecentActivity orgId={orgId} base={base} />}
              <GapReadinessCard orgId={orgId} />
              <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="by-stage">
                <Title order={2} fz="md" id="by-stage" mb="sm">
                  {T.byStage}
                </Title>
                {d.total === 0 ? (
                  <Text fz="sm" c="dimmed">
                    {T.byStageEmpty}
                  </Text>
                ) : (
                  <>
                    <LazyBarChart
                      h={230}
                      data={chart}
                      dataKey="stage"
                      orientation="vertical"
                      yAxisProps={{ width: 96 }}
                      xAxisProps={{ allowDecimals: false }}
                      series={[{ name: 'systems', label: 'AI systems', color: 'indigo.6' }]}
                      gridAxis="x"
                      withTooltip
                      barProps={{ radius: 3 }}
                      role="img"
                      aria-label={`${T.byStage}: ${chart.map((c) => `${c.stage} ${c.systems}`).join(', ')}`}
                    />
                    {d.total > SAMPLE && (
                      <Text fz="xs" c="dimmed">
                        {T.sampleNote(d.sampled)}
                      </Text>
                    )}
                  </>
                )}
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
