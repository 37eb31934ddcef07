import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { CreateOrgModal } from './CreateOrgModal';
import { SHELL_TEXT } from './text';

/** Signed in, but in no organization (e.g. every membership expired or was removed). */
export function WelcomePage() {
  const [creating, setCreating] = useState(false);
  return (
    <Paper withBorder radius="md" p="xl" maw={640}>
      <Stack align="flex-start">
        <Title order={1} fz={24}>
          {SHELL_TEXT.noOrgTitle}
        </Title>
        <Text c="dimmed">{SHELL_TEXT.noOrg}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {SHELL_TEXT.createOrg}
        </Button>
      </Stack>
      <CreateOrgModal opened={creating} onClose={() => setCreating(false)} />
    </Paper>
  );
}
