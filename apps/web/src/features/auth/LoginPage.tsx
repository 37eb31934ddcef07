import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZLogin } from '@fortytwo/domain';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { useMe, useSetupStatus, useSignedIn } from '../../api/session';
import { useZodForm } from '../../ui/use-zod-form';
import { Loading } from '../../ui/QueryState';
import { AuthLayout } from './AuthLayout';
import { AUTH_TEXT } from './text';

/** Only same-app paths are followed after sign-in (never another site). */
export const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const status = useSetupStatus();
  const me = useMe();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const form = useZodForm(ZLogin, { email: '', password: '' });
  const sso = useQuery({
    queryKey: ['sso'],
    queryFn: () => api.get<{ enabled: boolean; label: string | null }>('/api/auth/sso'),
    staleTime: Infinity,
  });
  const ssoError = params.get('sso_error');
  const login = useMutation({
    mutationFn: (body: z.output<typeof ZLogin>) => api.post<{ user: User; csrfToken: string }>('/api/auth/login', body),
    onSuccess: async (res) => {
      await signedIn(res.csrfToken);
      void navigate(next, { replace: true });
    },
    onError: (e) => form.showServerError(e),
  });

  if (status.isPending || me.isPending) return <Loading />;
  if (status.data?.setUp === false) return <Navigate to="/setup" replace />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  return (
    <AuthLayout title={AUTH_TEXT.loginTitle} intro={AUTH_TEXT.loginIntro}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.validate();
          if (body) login.mutate(body);
        }}
      >
        <Stack gap="md">
          {notice && !form.formError && (
            <Alert color="blue" variant="light">
              {notice}
            </Alert>
          )}
          {ssoError && !form.formError && (
            <Alert color="red" variant="light" role="alert">
              {AUTH_TEXT.ssoErrors[ssoError] ?? AUTH_TEXT.ssoErrorFallback}
            </Alert>
          )}
          {sso.data?.enabled && (
            <>
              {/* A full page load: the identity provider's pages are not part of this app. */}
              <Button
                component="a"
                href={`/api/auth/sso/start?returnTo=${encodeURIComponent(next)}`}
                variant="default"
                leftSection={<IconKey size={16} aria-hidden />}
                fullWidth
              >
                {AUTH_TEXT.ssoButton(sso.data.label ?? 'single sign-on')}
              </Button>
              <Divider label={AUTH_TEXT.ssoOr} labelPosition="center" />
            </>
          )}
          {form.formError && (
            <Alert color="red" variant="light" role="alert">
              {form.formError}
            </Alert>
          )}
          <TextInput {...form.field('email')} label={AUTH_TEXT.email} type="email" required autoComplete="username" />
          <PasswordInput
            {...form.field('password')}
            label={AUTH_TEXT.password}
            required
            autoComplete="current-password"
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            {AUTH_TEXT.loginSubmit}
          </Button>
          <Anchor component={Link} to="/forgot-password" fz="sm" ta="center">
            {AUTH_TEXT.forgotLink}
          </Anchor>
          <Text fz="xs" c="dimmed" ta="center">
            {AUTH_TEXT.invitedHint}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
