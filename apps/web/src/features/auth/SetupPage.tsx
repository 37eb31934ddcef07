import { Button, PasswordInput, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { ZSetup } from '@fortytwo/domain';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Organization, User } from '../../api/types';
import { useSetupStatus, useSignedIn } from '../../api/session';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { AuthLayout } from './AuthLayout';
import { AUTH_TEXT } from './text';

type SetupAnswer = { user: User; organization: Organization; csrfToken: string };

export function SetupPage() {
  const status = useSetupStatus();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const form = useZodForm(ZSetup, { name: '', email: '', password: '', organizationName: '' });
  const setup = useMutation({
    mutationFn: (body: z.output<typeof ZSetup>) => api.post<SetupAnswer>('/api/setup', body),
    onSuccess: async (res) => {
      await signedIn(res.csrfToken);
      void navigate(`/orgs/${res.organization.id}`, { replace: true });
    },
    onError: (e) => form.showServerError(e),
  });

  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data.setUp && !setup.isPending && !setup.isSuccess)
    return <Navigate to="/login" replace state={{ notice: AUTH_TEXT.alreadySetUp }} />;

  return (
    <AuthLayout title={AUTH_TEXT.setupTitle} intro={AUTH_TEXT.setupIntro} width={480}>
      <ValidatedForm form={form} save={setup} gap="md">
        <TextInput {...form.field('name')} label={AUTH_TEXT.name} required autoComplete="name" />
        <TextInput {...form.field('email')} label={AUTH_TEXT.email} type="email" required autoComplete="email" />
        <PasswordInput
          {...form.field('password')}
          label={AUTH_TEXT.password}
          description={AUTH_TEXT.passwordHint}
          required
          autoComplete="new-password"
        />
        <TextInput
          {...form.field('organizationName')}
          label={AUTH_TEXT.organizationName}
          description={AUTH_TEXT.organizationHint}
          required
          autoComplete="organization"
        />
        <Button type="submit" loading={setup.isPending} fullWidth mt="xs">
          {AUTH_TEXT.setupSubmit}
        </Button>
      </ValidatedForm>
    </AuthLayout>
  );
}
