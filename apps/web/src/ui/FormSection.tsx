import { useId, type ReactNode } from 'react';
import { Grid, Paper, Stack, Text, Title } from '@mantine/core';

/** A group of form fields: its title and a hint on the left, the fields on the right. */
export function FormSection({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Title order={2} fz="md" id={id}>
            {title}
          </Title>
          <Text fz="sm" c="dimmed" mt={4}>
            {hint}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">{children}</Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
