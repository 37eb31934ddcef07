import { lazy, Suspense } from 'react';
import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ModalsProvider } from '@mantine/modals';
import { Link, Outlet, useMatch } from 'react-router';
import { AccountNavigation, OrgNavigation } from './Navigation';
import { useOrganization } from './OrgScopeRoute';
import { SHELL_TEXT } from './text';
import classes from './shell.module.css';

// The header's menus bring Mantine's Menu and Popover with Floating UI (~30 KB gzip): they load
// beside the page rather than before it, so the first page draws without waiting for them (issue 20).
const OrgSwitcher = lazy(async () => ({ default: (await import('./OrgSwitcher')).OrgSwitcher }));
const UserMenu = lazy(async () => ({ default: (await import('./UserMenu')).UserMenu }));
const NotificationBell = lazy(async () => ({
  default: (await import('../notifications/NotificationBell')).NotificationBell,
}));

/** The signed-in frame: top bar (brand, organization switcher, user menu) and the journey navigation. */
export function AppFrame() {
  const [opened, { toggle, close }] = useDisclosure();
  const orgMatch = useMatch('/orgs/:orgId/*');
  const org = useOrganization(orgMatch?.params.orgId);
  // An organization that does not answer (unknown, or no longer a member) gets the account navigation.
  const orgId = org.isError ? undefined : orgMatch?.params.orgId;

  return (
    // The confirm dialogs (ui/confirm.tsx) are asked for in signed-in pages only: their provider, and
    // Mantine's Modal with it, stay out of the entry chunk (issue 20, item 6).
    <ModalsProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 284, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="xl"
      >
        <a href="#main" className={classes.skip}>
          {SHELL_TEXT.skipToContent}
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 auto' }}>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={SHELL_TEXT.openNav} />
              <Link to={orgId ? `/orgs/${orgId}` : '/'} className={classes.brand}>
                <span className={classes.mark} aria-hidden>
                  42
                </span>
                <Text fw={700} fz="md" visibleFrom="xs">
                  {SHELL_TEXT.product}
                </Text>
              </Link>
              <Text c="dimmed" fz="lg" aria-hidden visibleFrom="sm">
                /
              </Text>
              <Suspense fallback={null}>
                <OrgSwitcher orgId={orgId} />
              </Suspense>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Suspense fallback={null}>
                <NotificationBell />
                <UserMenu />
              </Suspense>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" className={classes.navbar}>
          {orgId ? <OrgNavigation orgId={orgId} onNavigate={close} /> : <AccountNavigation onNavigate={close} />}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </ModalsProvider>
  );
}
