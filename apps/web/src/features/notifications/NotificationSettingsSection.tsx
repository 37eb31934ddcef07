import { Stack, Switch } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { FormSection } from '../../ui/FormSection';
import { notifyError, notifySuccess } from '../../ui/notify';
import { Loading } from '../../ui/QueryState';
import { notificationSettingsKey, useNotificationSettings, type NotificationSettings } from './api';
import { NOTIFICATIONS_TEXT as T } from './text';

/** On the account page: the daily digest and the immediate reminders, each on or off. */
export function NotificationSettingsSection() {
  const qc = useQueryClient();
  const settings = useNotificationSettings();
  const save = useMutation({
    mutationFn: (patch: Partial<Pick<NotificationSettings, 'digest' | 'reminders'>>) =>
      api.put<NotificationSettings>('/api/me/notification-settings', { version: settings.data!.version, ...patch }),
    onSuccess: (saved) => {
      qc.setQueryData(notificationSettingsKey, saved);
      notifySuccess(T.saved);
    },
    onError: async (e) => {
      notifyError(e);
      await qc.invalidateQueries({ queryKey: notificationSettingsKey });
    },
  });
  return (
    <FormSection title={T.settingsTitle} hint={T.settingsHint(settings.data?.email ?? false)}>
      {!settings.data ? (
        <Loading />
      ) : (
        <Stack gap="sm">
          <Switch
            label={T.reminders}
            checked={settings.data.reminders}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ reminders: e.currentTarget.checked })}
          />
          <Switch
            label={T.digest}
            checked={settings.data.digest}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ digest: e.currentTarget.checked })}
          />
        </Stack>
      )}
    </FormSection>
  );
}
