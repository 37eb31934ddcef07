import { ActionIcon, Anchor, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconBell, IconMail } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { notificationsKey, useNotifications } from './api';
import { NOTIFICATIONS_TEXT as T } from './text';

/** The bell in the top bar: the latest reminders and digests, with how many are unread. */
export function NotificationBell() {
  const qc = useQueryClient();
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;
  const markAll = useMutation({
    mutationFn: () => api.post('/api/me/notifications/read', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
    onError: (e) => notifyError(e),
  });
  return (
    <Popover width={380} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        {/* The button is the target: it carries aria-expanded, which a plain div may not. */}
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={T.bell(unread)} data-testid="notification-bell">
          <Indicator disabled={unread === 0} label={unread > 99 ? '99+' : unread} size={16} offset={2} color="red">
            <IconBell size={20} />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{T.title}</Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {T.markAllRead}
            </Button>
          )}
        </Group>
        {(list.data?.items.length ?? 0) === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.empty}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap="sm">
              {list.data!.items.map((n) => (
                <Stack key={n.id} gap={2} data-testid="notification">
                  <Group gap={6} wrap="nowrap">
                    {!n.readAt && <Badge size="xs" color="red" variant="dot" aria-label="unread" />}
                    <Text fz="sm" fw={n.readAt ? 400 : 600}>
                      {n.subject}
                    </Text>
                    {n.emailed && <IconMail size={14} aria-label={T.emailed} />}
                  </Group>
                  <Text fz="xs" c="dimmed">
                    {new Date(n.createdAt).toLocaleString()}
                  </Text>
                  {n.link && (
                    <Anchor component={Link} to={n.link} fz="xs">
                      {T.open}
                    </Anchor>
                  )}
                </Stack>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
