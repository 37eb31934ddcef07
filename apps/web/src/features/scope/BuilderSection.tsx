import { useId, type ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';

/**
 * A group of the builder's fields, title and hint above them: the builder shares the width with the
 * statement, so FormSection's side-by-side hint would leave the fields too narrow.
 */
export function BuilderSection({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="md" id={id}>
        {title}
      </Title>
      <Text fz="sm" c="dimmed" mt={4} mb="md">
        {hint}
      </Text>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
