import { useId } from 'react';
import { Badge, Group, Paper, Progress, SimpleGrid, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { EMPTY_PROFILE, profileGaps } from '@fortytwo/domain';
import { DEFAULT_FRAMEWORK } from '../catalog/api';
import { RefChip } from '../catalog/RefChip';
import { PROFILE_TEXT as T } from './profile-text';
import { refOfGap, textOfGap } from './profile-values';
import classes from './profile.module.css';

/** Everything the checklist can ask for: what an empty profile lacks. */
const TOTAL = profileGaps(EMPTY_PROFILE).length;

/** What the record still lacks for A.4 and an impact assessment: a checklist that never blocks a save. */
export function ProfileGaps({ orgId, gaps }: { orgId: string; gaps: string[] }) {
  const titleId = useId();
  const done = Math.max(0, TOTAL - gaps.length);
  const progress = T.gapsProgress(done, TOTAL);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId} data-testid="profile-gaps">
      <Group justify="space-between" align="center" gap="sm" mb="xs">
        <Group gap="xs">
          <Title order={2} fz="md" id={titleId}>
            {T.gapsTitle}
          </Title>
          {gaps.length > 0 && (
            <Badge variant="light" color="orange" tt="none" aria-hidden>
              {gaps.length}
            </Badge>
          )}
        </Group>
        <Text fz="sm" c="dimmed">
          {progress}
        </Text>
      </Group>
      <Progress.Root size="sm" mb="md">
        <Progress.Section value={(done / TOTAL) * 100} color={gaps.length ? 'blue' : 'teal'} aria-label={progress} />
      </Progress.Root>
      {gaps.length === 0 ? (
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text fz="sm">{T.gapsNone}</Text>
        </Group>
      ) : (
        <>
          <SimpleGrid
            component="ul"
            cols={{ base: 1, md: 2 }}
            spacing="lg"
            verticalSpacing={8}
            className={classes.plainList}
          >
            {gaps.map((gap) => {
              const ref = refOfGap(gap);
              return (
                <li key={gap} data-testid="profile-gap">
                  <Group gap="xs" wrap="nowrap" align="center">
                    <IconCircleDashed
                      size={18}
                      color="var(--mantine-color-orange-7)"
                      aria-hidden
                      style={{ flexShrink: 0 }}
                    />
                    <Text fz="sm">{textOfGap(gap)}</Text>
                    {ref && <RefChip orgId={orgId} frameworkId={DEFAULT_FRAMEWORK} refId={ref} />}
                  </Group>
                </li>
              );
            })}
          </SimpleGrid>
          <Text fz="xs" c="dimmed" mt="md">
            {T.gapsHint}
          </Text>
        </>
      )}
    </Paper>
  );
}
