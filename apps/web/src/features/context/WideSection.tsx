import { useId, type ReactNode } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';

/** A form section whose fields need the whole width (cards, repeatable rows): title and hint on top. */
export function WideSection({
  title,
  hint,
  aside,
  children,
}: {
  title: string;
  hint: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <div>
            <Title order={2} fz="md" id={id}>
              {title}
            </Title>
            <Text fz="sm" c="dimmed" mt={4} maw={760}>
              {hint}
            </Text>
          </div>
          {aside}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
