import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

// Notifications (apps/server/src/modules/notifications): reminders and digests, under the bell;
// emailed too when the server sends email.

export type Notification = {
  id: string;
  orgId: string | null;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  emailed: boolean;
};
export type NotificationSettings = { digest: boolean; reminders: boolean; version: number; email: boolean };

export const notificationsKey = ['notifications'] as const;
export const notificationSettingsKey = ['notification-settings'] as const;

export function useNotifications() {
  // Reminders arrive from the scheduled jobs, not from this browser: look again now and then.
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get<{ items: Notification[]; unread: number }>('/api/me/notifications'),
    refetchInterval: 5 * 60_000,
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationSettingsKey,
    queryFn: () => api.get<NotificationSettings>('/api/me/notification-settings'),
  });
}
