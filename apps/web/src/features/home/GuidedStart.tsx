import { Button, Group, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import { HOME_TEXT as T } from './text';

export type StartStep = {
  key: string;
  title: string;
  body: string;
  done: boolean;
  cta?: { label: string; to: string };
};

export function GuidedStart({ steps }: { steps: StartStep[] }) {
  const done = steps.filter((s) => s.done).length;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="guided-start">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="lg" id="guided-start">
              {T.startTitle}
            </Title>
            <Text fz="sm" c="dimmed">
              {T.startHint}
            </Text>
          </div>
          <Text fz="sm" fw={600}>
            {T.progress(done, steps.length)}
          </Text>
        </Group>
        <Progress
          value={(done / steps.length) * 100}
          size="sm"
          radius="xl"
          aria-label={T.progress(done, steps.length)}
        />
        <Stack gap={0} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {steps.map((s) => (
            <Group
              key={s.key}
              component="li"
              justify="space-between"
              wrap="nowrap"
              py="sm"
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-done={s.done || undefined}
            >
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon
                  size={26}
                  radius="xl"
                  variant={s.done ? 'filled' : 'light'}
                  color={s.done ? 'teal' : 'gray'}
                  role="img"
                  aria-label={s.done ? 'done' : 'to do'}
                >
                  {s.done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
                </ThemeIcon>
                <div>
                  <Text fz="sm" fw={600} td={s.done ? 'line-through' : undefined} c={s.done ? 'dimmed' : undefined}>
                    {s.title}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {s.body}
                  </Text>
                </div>
              </Group>
              {s.cta && !s.done && (
                <Button component={Link} to={s.cta.to} size="xs" variant="light" style={{ flexShrink: 0 }}>
                  {s.cta.label}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
