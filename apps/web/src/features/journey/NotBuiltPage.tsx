import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconHammer } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { stepBySlug } from './steps';

/** A journey step that is planned but not built: says so plainly and what it will do. */
export function NotBuiltPage({ slug }: { slug: string }) {
  const { orgId } = useParams();
  const step = stepBySlug(slug);
  if (!step) return null;
  return (
    <>
      <PageHeader
        crumbs={[{ label: `${step.phase}` }, { label: `Step ${step.number}` }]}
        title={`${step.number}. ${step.title}`}
        badge={
          <Badge color="gray" variant="light" size="lg">
            Not built yet
          </Badge>
        }
      />
      <Paper withBorder radius="md" p="xl" maw={760}>
        <Stack gap="md">
          <Group gap="sm">
            <ThemeIcon variant="light" color="gray" size="lg" radius="md">
              <IconHammer size={20} />
            </ThemeIcon>
            <Title order={2} fz="lg">
              Not built yet
            </Title>
          </Group>
          <Text>This step of the journey is planned but not available in this version of Fortytwo. {step.summary}</Text>
          <Text fw={600} fz="sm">
            What it will cover
          </Text>
          <List spacing={4} fz="sm">
            {step.parts.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
          {step.slug === 'scope' ? (
            <Group>
              <Button component={Link} to={`/orgs/${orgId}/ai-systems`} rightSection={<IconArrowRight size={16} />}>
                Open the AI system inventory (available now)
              </Button>
            </Group>
          ) : (
            <Text fz="sm" c="dimmed">
              Meanwhile, start with the{' '}
              <Anchor component={Link} to={`/orgs/${orgId}/ai-systems`} fz="sm">
                AI system inventory
              </Anchor>
              : every later step builds on it.
            </Text>
          )}
        </Stack>
      </Paper>
    </>
  );
}
