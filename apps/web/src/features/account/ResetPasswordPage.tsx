import { useMemo } from 'react';
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { refinePasswordContext, ZPassword } from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api, setCsrfToken } from '../../api/client';
import type { User } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { errorMessage, Loading } from '../../ui/QueryState';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { AuthLayout } from '../auth/AuthLayout';
import { ACCOUNT_TEXT as T } from './text';

type Preview = { email: string; name: string; expiresAt: string };
type Values = { password: string; repeat: string };

const resetFor = (account: { email: string; name: string }) =>
  z
    .object({ password: ZPassword, repeat: z.string() })
    .superRefine(refinePasswordContext((v) => ({ password: v.password, ...account })))
    .refine((v) => v.repeat === v.password, { path: ['repeat'], message: T.repeatDiffers });

/** The page an owner's reset link opens (/reset-password/<token>): choose a new password, once. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const path = `/api/password-resets/${encodeURIComponent(token)}`;
  const preview = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.get<Preview>(path),
    retry: false,
  });
  const navigate = useNavigate();
  const qc = useQueryClient();
  const schema = useMemo(
    () => resetFor({ email: preview.data?.email ?? '', name: preview.data?.name ?? '' }),
    [preview.data?.email, preview.data?.name],
  );
  const form = useZodForm<Values, typeof schema>(schema, { password: '', repeat: '' });
  const reset = useMutation({
    mutationFn: (password: string) => api.post<{ user: User }>(path, { password }),
    onSuccess: () => {
      // Every session of the account has ended, perhaps this browser's: start again from sign-in.
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'password-reset' });
      void navigate('/login', { replace: true, state: { notice: T.resetDone } });
    },
    onError: (e) => form.showServerError(e),
  });

  if (preview.isPending) return <Loading />;
  if (preview.isError)
    return (
      <AuthLayout title={T.resetInvalidTitle} intro={errorMessage(preview.error)}>
        <Button component={Link} to="/login" variant="default">
          {T.goToSignIn}
        </Button>
      </AuthLayout>
    );

  return (
    <AuthLayout title={T.resetTitle} intro={T.resetIntro(preview.data.email)}>
      <form
        noValidate
        aria-label={T.resetTitle}
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.validate();
          if (body) reset.mutate(body.password);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="md">
          {form.formError && (
            <Alert color="red" variant="light" role="alert">
              {form.formError}
            </Alert>
          )}
          <input type="email" name="username" autoComplete="username" value={preview.data.email} readOnly hidden />
          <PasswordInput
            {...form.field('password')}
            label={T.newPassword}
            description={T.newPasswordHint}
            required
            autoComplete="new-password"
          />
          <PasswordInput {...form.field('repeat')} label={T.repeatPassword} required autoComplete="new-password" />
          <Button type="submit" loading={reset.isPending} fullWidth mt="xs">
            {T.resetSubmit}
          </Button>
          <Text fz="xs" c="dimmed" ta="center">
            {T.resetUntil(formatDateTime(preview.data.expiresAt))}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
