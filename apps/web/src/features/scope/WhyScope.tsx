import { Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { SCOPE_TEXT as T } from './text';

/** Why a scope and how to build it: shown until the first save. */
export function WhyScope() {
  return (
    <Paper withBorder radius="md" p="lg" mb="lg" data-testid="scope-teaching">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          <IconTargetArrow size={20} />
        </ThemeIcon>
        <Stack gap={6}>
          <Title order={2} fz="md">
            {T.whyTitle}
          </Title>
          <Text fz="sm">{T.whyBody}</Text>
          <Text fz="sm">{T.whyHow}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}
