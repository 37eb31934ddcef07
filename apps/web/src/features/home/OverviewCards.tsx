import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { personOf } from '../../api/people';
import { formatDate, formatRelative } from '../../ui/format';
import { recordName } from '../audit-trail/describe';
import { ENTITY_LABELS, actionLabel } from '../audit-trail/text';
import { JOURNEY } from '../journey/steps';
import { recordPath, useRecentActivity, type Overview, type StepState } from './overview-api';
import { HOME_TEXT as T } from './text';

// The overview's answer to "what next": the next three things, each step's state, open tasks and
// recent activity. Each step's facts and links come from the server (one function per step there).

const STATE_BADGE: Record<StepState, { label: string; color: string; variant: 'light' | 'outline' }> = {
  done: { label: T.state.done, color: 'teal', variant: 'light' },
  in_progress: { label: T.state.in_progress, color: 'blue', variant: 'light' },
  not_started: { label: T.state.not_started, color: 'gray.8', variant: 'outline' },
  not_built: { label: T.state.not_built, color: 'gray.7', variant: 'outline' },
};

/** A step's own page: scope & governance starts at the context of the organization. */
const stepPath = (slug: string) => (slug === 'scope' ? '/context' : slug === 'implementation' ? '/risks' : `/${slug}`);

export function NextThings({ base, overview }: { base: string; overview: Overview }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="next-things" data-testid="next-things">
      <Title order={2} fz="lg" id="next-things" mb="sm">
        {T.nextTitle}
      </Title>
      {overview.next.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.nextEmpty}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {overview.next.map((n, i) => (
            <Group key={n.label} component="li" gap="sm" wrap="nowrap">
              <ThemeIcon size={24} radius="xl" variant="light" aria-hidden>
                {i + 1}
              </ThemeIcon>
              <Anchor component={Link} to={`${base}${n.href}`} fz="sm" fw={500}>
                {n.label}
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function JourneySteps({ base, overview }: { base: string; overview: Overview }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="journey">
      <Title order={2} fz="lg" id="journey">
        {T.journey}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {T.journeyHint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {JOURNEY.map((step) => {
          const s = overview.steps.find((x) => x.slug === step.slug);
          const badge = STATE_BADGE[s?.state ?? 'not_built'];
          return (
            <Paper
              key={step.slug}
              withBorder
              radius="md"
              p="md"
              data-testid={`step-${step.slug}`}
              data-state={s?.state}
            >
              <Group justify="space-between" mb={4} wrap="nowrap" gap="xs">
                <Text fz="xs" fw={700} c="dimmed" tt="uppercase">
                  {step.phase} · Step {step.number}
                </Text>
                <Badge size="xs" variant={badge.variant} color={badge.color} style={{ flexShrink: 0 }}>
                  {badge.label}
                </Badge>
              </Group>
              <Anchor component={Link} to={`${base}${stepPath(step.slug)}`} fw={600} fz="sm" c="inherit">
                {step.title}
              </Anchor>
              {s && s.state !== 'not_built' ? (
                <>
                  <Stack gap={2} mt={6} component="ul" style={{ paddingLeft: 16, margin: 0 }}>
                    {s.facts.map((f) => (
                      <Text key={f} component="li" fz="xs">
                        {f}
                      </Text>
                    ))}
                  </Stack>
                  {s.next.length > 0 && (
                    <Stack gap={2} mt={8}>
                      {s.next.map((n) => (
                        <Anchor key={n.label} component={Link} to={`${base}${n.href}`} fz="xs" fw={500}>
                          {n.label} →
                        </Anchor>
                      ))}
                    </Stack>
                  )}
                </>
              ) : (
                <Text fz="xs" c="dimmed" lineClamp={3} mt={2}>
                  {step.summary}
                </Text>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

export function OrgTasks({ base, overview }: { base: string; overview: Overview }) {
  const { tasks } = overview;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="org-tasks" data-testid="org-tasks">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="org-tasks">
          {T.tasksTitle}
        </Title>
        <Text fz="xs" c={tasks.overdue ? 'red.8' : 'dimmed'}>
          {T.tasksCount(tasks.open, tasks.overdue)}
        </Text>
      </Group>
      {tasks.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.tasksEmpty}
        </Text>
      ) : (
        <Stack gap={6}>
          {tasks.items.map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text fz="sm" truncate>
                {a.sourceRef ? `${a.sourceRef} · ` : ''}
                {a.title}
              </Text>
              <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {[personOf(overview.people, a.ownerId)?.name ?? T.noOwner, a.dueDate ? formatDate(a.dueDate) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <Button
        component={Link}
        to={`${base}/tasks`}
        variant="subtle"
        size="xs"
        mt="sm"
        rightSection={<IconArrowRight size={14} />}
        px={0}
      >
        {T.myTasks}
      </Button>
    </Paper>
  );
}

export function RecentActivity({ orgId, base }: { orgId: string; base: string }) {
  const recent = useRecentActivity(orgId, true);
  const items = recent.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="recent" data-testid="recent-activity">
      <Title order={2} fz="md" id="recent" mb="sm">
        {T.recent}
      </Title>
      {recent.isSuccess && items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {T.recentEmpty}
        </Text>
      )}
      <Stack gap={8}>
        {items.map((e) => {
          const name = recordName(e);
          const path = recordPath(e);
          const what = `${ENTITY_LABELS[e.entityType] ?? e.entityType}${name ? `: ${name}` : ''}`;
          return (
            <Stack key={e.id} gap={0}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fz="sm" fw={500} truncate>
                  {path ? (
                    <Anchor component={Link} to={`${base}${path}`} inherit>
                      {what}
                    </Anchor>
                  ) : (
                    what
                  )}
                </Text>
                <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {formatRelative(e.at)}
                </Text>
              </Group>
              <Text fz="xs" c="dimmed">
                {actionLabel(e.action)} · {e.actor.name}
              </Text>
            </Stack>
          );
        })}
      </Stack>
      <Button
        component={Link}
        to={`${base}/audit-trail`}
        variant="subtle"
        size="xs"
        mt="sm"
        rightSection={<IconArrowRight size={14} />}
        px={0}
      >
        {T.allActivity}
      </Button>
    </Paper>
  );
}
