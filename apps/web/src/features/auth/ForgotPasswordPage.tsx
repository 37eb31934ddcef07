import { useState } from 'react';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { ZEmail } from '@fortytwo/domain';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { AuthLayout } from './AuthLayout';
import { AUTH_TEXT } from './text';

const ZForgot = z.object({ email: ZEmail });

/** "Forgot your password": asks the server to mail a one-time link (when it sends email). */
export function ForgotPasswordPage() {
  const form = useZodForm(ZForgot, { email: '' });
  const [sent, setSent] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (body: z.output<typeof ZForgot>) => api.post<{ message: string }>('/api/password-resets', body),
    onSuccess: (res) => setSent(res.message),
    onError: (e) => form.showServerError(e),
  });
  return (
    <AuthLayout title={AUTH_TEXT.forgotTitle} intro={AUTH_TEXT.forgotIntro}>
      {sent ? (
        <Stack>
          <Alert color="green" variant="light" role="status">
            {sent}
          </Alert>
          <Anchor component={Link} to="/login" fz="sm">
            {AUTH_TEXT.backToLogin}
          </Anchor>
        </Stack>
      ) : (
        <ValidatedForm form={form} save={ask} gap="md">
          <TextInput {...form.field('email')} label={AUTH_TEXT.email} type="email" autoComplete="email" required />
          <Button type="submit" loading={ask.isPending} fullWidth>
            {AUTH_TEXT.forgotSubmit}
          </Button>
          <Anchor component={Link} to="/login" fz="sm" ta="center">
            {AUTH_TEXT.backToLogin}
          </Anchor>
        </ValidatedForm>
      )}
    </AuthLayout>
  );
}
