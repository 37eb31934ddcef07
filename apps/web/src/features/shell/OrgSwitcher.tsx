import { useState } from 'react';
import { Badge, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBuilding, IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { ROLE_LABELS } from '@fortytwo/domain';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/session';
import { SHELL_TEXT } from './text';
import classes from './shell.module.css';
import { lazyPage } from '../../ui/lazy-page';

// Loaded when first opened: it brings zod and the domain's schemas, which the shell does without.
const CreateOrgModal = lazyPage(() => import('./CreateOrgModal'), 'CreateOrgModal');

/** Consultants hop between clients here; everyone can create another organization. */
export function OrgSwitcher({ orgId }: { orgId: string | undefined }) {
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const memberships = me.data?.memberships ?? [];
  const current = memberships.find((m) => m.organization.id === orgId);

  return (
    <>
      <Menu position="bottom-start" width={300} shadow="md">
        <Menu.Target>
          <UnstyledButton className={classes.switcher} style={{ minWidth: 0, maxWidth: '100%' }}>
            <VisuallyHidden>{SHELL_TEXT.switchOrg}:</VisuallyHidden>
            <Group gap="xs" wrap="nowrap">
              <IconBuilding size={18} aria-hidden />
              <Text fw={600} fz="sm" truncate maw={260}>
                {current?.organization.name ?? SHELL_TEXT.yourOrgs}
              </Text>
              {current && (
                <Badge size="xs" variant="light" color="gray" visibleFrom="xs">
                  {ROLE_LABELS[current.role]}
                </Badge>
              )}
              <IconSelector size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{SHELL_TEXT.yourOrgs}</Menu.Label>
          {memberships.map((m) => (
            <Menu.Item
              key={m.organization.id}
              onClick={() => void navigate(`/orgs/${m.organization.id}`)}
              rightSection={m.organization.id === orgId ? <IconCheck size={16} aria-label="current" /> : undefined}
            >
              <Text fz="sm" fw={500} truncate>
                {m.organization.name}
              </Text>
              <Text fz="xs" c="dimmed">
                {ROLE_LABELS[m.role]}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {SHELL_TEXT.createOrg}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {creating && <CreateOrgModal opened onClose={() => setCreating(false)} />}
    </>
  );
}
