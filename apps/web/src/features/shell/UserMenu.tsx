import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useMe, useSignOut } from '../../api/session';
import { SHELL_TEXT } from './text';
import classes from './shell.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');

export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = me.data?.user;
  if (!user) return null;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.switcher}>
          <VisuallyHidden>User menu:</VisuallyHidden>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={28} radius="xl" color="indigo" variant="filled" aria-hidden>
              {initials(user.name)}
            </Avatar>
            {/* On a phone the initials stand for the name, leaving the top bar to the organization. */}
            <Text fz="sm" fw={500} truncate maw={160} visibleFrom="sm">
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => void navigate('/account')}>
          {SHELL_TEXT.passwordAndSessions}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => void navigate('/account/tokens')}>
          {SHELL_TEXT.apiTokens}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          {SHELL_TEXT.signOut}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
