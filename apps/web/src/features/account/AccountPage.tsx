import { useMemo } from 'react';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { z } from 'zod';
import { refinePasswordContext, ZPassword } from '@fortytwo/domain';
import { Link } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import type { User } from '../../api/types';
import { useMe } from '../../api/session';
import { confirmDanger } from '../../ui/confirm';
import { clearAllDrafts } from '../../ui/draft-store';
import { FormSection } from '../../ui/FormSection';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { Loading } from '../../ui/QueryState';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { ACCOUNT_TEXT as T } from './text';
import { SessionsSection } from './SessionsSection';
import { NotificationSettingsSection } from '../notifications/NotificationSettingsSection';

type Values = { currentPassword: string; newPassword: string; repeat: string };
const EMPTY: Values = { currentPassword: '', newPassword: '', repeat: '' };

/** The server's rule (ZChangePassword and the account's email and name), plus typing the new one twice. */
const changeFor = (user: User) =>
  z
    .object({
      currentPassword: z.string().min(1, 'Enter your current password'),
      newPassword: ZPassword,
      repeat: z.string(),
    })
    .superRefine(
      refinePasswordContext((v) => ({ password: v.newPassword, email: user.email, name: user.name }), 'newPassword'),
    )
    .refine((v) => v.repeat === v.newPassword, { path: ['repeat'], message: T.repeatDiffers });

export function AccountPage() {
  const me = useMe();
  if (!me.data) return <Loading />;
  return (
    <>
      <PageHeader title={T.title} description={T.description(me.data.user.name, me.data.user.email)} />
      <Stack gap="lg" maw={1000}>
        <ChangePassword user={me.data.user} />
        <NotificationSettingsSection />
        <SessionsSection />
        <SignOutEverywhere />
        <FormSection title={T.apiTokens} hint={T.apiTokensHint}>
          <Button
            component={Link}
            to="/account/tokens"
            variant="default"
            leftSection={<IconKey size={16} />}
            w="fit-content"
          >
            {T.openTokens}
          </Button>
        </FormSection>
      </Stack>
    </>
  );
}

function ChangePassword({ user }: { user: User }) {
  const schema = useMemo(() => changeFor(user), [user]);
  const form = useZodForm(schema, EMPTY);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<{ otherSessionsEnded: number }>('/api/auth/password', body),
    onSuccess: (res) => {
      notifySuccess(T.changed(res.otherSessionsEnded));
      form.reset(EMPTY);
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <form
      noValidate
      aria-label={T.passwordTitle}
      onSubmit={(e) => {
        e.preventDefault();
        const body = form.validate();
        if (body) change.mutate({ currentPassword: body.currentPassword, newPassword: body.newPassword });
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <FormSection title={T.passwordTitle} hint={T.passwordHint}>
        {form.formError && (
          <Alert color="red" variant="light" role="alert">
            {form.formError}
          </Alert>
        )}
        {/* Lets password managers tie the new password to this account. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <PasswordInput
          {...form.field('currentPassword')}
          label={T.currentPassword}
          required
          autoComplete="current-password"
          maw={420}
        />
        <PasswordInput
          {...form.field('newPassword')}
          label={T.newPassword}
          description={T.newPasswordHint}
          required
          autoComplete="new-password"
          maw={420}
        />
        <PasswordInput
          {...form.field('repeat')}
          label={T.repeatPassword}
          required
          autoComplete="new-password"
          maw={420}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {T.change}
          </Button>
        </Group>
      </FormSection>
    </form>
  );
}

function SignOutEverywhere() {
  const qc = useQueryClient();
  const end = useMutation({
    mutationFn: () => api.post<{ sessionsEnded: number }>('/api/auth/logout-everywhere'),
    // This session has ended too: forget everything of it, as signing out does, and start at sign-in.
    onSuccess: () => {
      setCsrfToken(null);
      qc.clear();
      clearAllDrafts();
      window.location.assign('/login');
    },
    onError: (e) => notifyError(e),
  });
  return (
    <FormSection title={T.everywhereTitle} hint={T.sessionsHint}>
      <Button
        color="red"
        variant="light"
        leftSection={<IconLogout size={16} />}
        loading={end.isPending}
        w="fit-content"
        onClick={() =>
          void confirmDanger({ title: T.confirmTitle, message: T.confirmBody, confirmLabel: T.signOutEverywhere }).then(
            (ok) => ok && end.mutate(),
          )
        }
      >
        {T.signOutEverywhere}
      </Button>
    </FormSection>
  );
}
