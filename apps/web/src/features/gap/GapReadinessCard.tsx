import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { currentWorking, gapHref, useAssessments } from './api';
import { BAND_COLORS, bandOf, formatPercent } from './format';
import { GAP_TEXT as T } from './text';

/** The dashboard's answer to "how ready are we": the current assessment's readiness, or how to start. */
export function GapReadinessCard({ orgId }: { orgId: string }) {
  const list = useAssessments(orgId);
  const current = list.data ? currentWorking(list.data) : undefined;
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="home-readiness"
      data-testid="home-readiness"
    >
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Title order={2} fz="md" id="home-readiness">
            {T.homeTitle}
          </Title>
          {current && (
            <Text fz={28} fw={700} lh={1}>
              {formatPercent(current.overall)}
            </Text>
          )}
        </Group>
        {current ? (
          <>
            <Progress
              value={current.overall ?? 0}
              color={BAND_COLORS[bandOf(current.overall)]}
              size="md"
              radius="xl"
              aria-label={`${T.overall}: ${formatPercent(current.overall)}`}
            />
            <Text fz="sm" c="dimmed">
              {T.homeAnswered(current.name, current.answered, current.total)}
            </Text>
          </>
        ) : (
          <Text fz="sm" c="dimmed">
            {list.isPending ? '…' : T.homeEmpty}
          </Text>
        )}
        <Button
          component={Link}
          to={current ? gapHref(orgId, current.id) : gapHref(orgId)}
          variant="light"
          size="xs"
          rightSection={<IconArrowRight size={14} />}
          style={{ alignSelf: 'flex-start' }}
        >
          {current ? T.openQuestionnaire : T.homeStart}
        </Button>
      </Stack>
    </Paper>
  );
}
