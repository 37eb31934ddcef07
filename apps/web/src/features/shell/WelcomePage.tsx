import { useState } from 'react';
import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMe } from '../../api/session';
import { SHELL_TEXT } from './text';
import { lazyPage } from '../../ui/lazy-page';

// Loaded when first opened: it brings zod and the domain's schemas, which the shell does without.
const CreateOrgModal = lazyPage(() => import('./CreateOrgModal'), 'CreateOrgModal');

/**
 * Where "/" lands without an organization to open, and where anyone may come back to: a member of
 * organizations sees them to choose from (it told a member of two that they belonged to none, issue 18);
 * a user in none (every membership expired or removed) is offered to create one.
 */
export function WelcomePage() {
  const [creating, setCreating] = useState(false);
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const member = memberships.length > 0;
  return (
    <Paper withBorder radius="md" p="xl" maw={640}>
      <Stack align="flex-start">
        <Title order={1} fz={24}>
          {member ? SHELL_TEXT.yourOrgs : SHELL_TEXT.noOrgTitle}
        </Title>
        <Text c="dimmed">{member ? SHELL_TEXT.chooseOrg : SHELL_TEXT.noOrg}</Text>
        {member && (
          <List spacing="xs" listStyleType="none" aria-label={SHELL_TEXT.yourOrgs} data-testid="welcome-orgs">
            {memberships.map((m) => (
              <List.Item key={m.organization.id} icon={<IconBuilding size={18} aria-hidden />}>
                <Anchor component={Link} to={`/orgs/${m.organization.id}`} fw={600}>
                  {m.organization.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        <Button
          variant={member ? 'default' : 'filled'}
          leftSection={<IconPlus size={16} />}
          onClick={() => setCreating(true)}
        >
          {SHELL_TEXT.createOrg}
        </Button>
      </Stack>
      {creating && <CreateOrgModal opened onClose={() => setCreating(false)} />}
    </Paper>
  );
}
