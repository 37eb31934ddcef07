import { useMemo } from 'react';
import { Alert, Button, DataList, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { refinePasswordContext, ROLE_LABELS, ZPassword, ZPersonName } from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { InvitationPreview, User } from '../../api/types';
import { meKey, useMe, useSignedIn, useSignOut } from '../../api/session';
import { formatDate } from '../../ui/format';
import { Loading, errorMessage } from '../../ui/QueryState';
import { useZodForm } from '../../ui/use-zod-form';
import { AuthLayout } from '../auth/AuthLayout';
import { INVITATION_TEXT as T } from './text';

const ZNewAccount = z.object({ name: ZPersonName, password: ZPassword });
/** The password rule with the invited email and the name being typed, as the server applies it. */
const newAccountFor = (email: string) =>
  ZNewAccount.superRefine(refinePasswordContext((v) => ({ password: v.password, name: v.name, email })));
type Accepted = { user: User; organization: { id: string; name: string } };

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const path = `/api/invitations/${encodeURIComponent(token)}`;
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(path),
    retry: false,
  });
  const me = useMe();
  const signedIn = useSignedIn();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const schema = useMemo(() => newAccountFor(preview.data?.email ?? ''), [preview.data?.email]);
  const form = useZodForm(schema, { name: '', password: '' });

  const accept = useMutation({
    mutationFn: async (account: z.output<typeof ZNewAccount> | null) => {
      const res = await api.post<Accepted>(`${path}/accept`, account ?? {});
      if (account) {
        const login = await api.post<{ csrfToken: string }>('/api/auth/login', {
          email: res.user.email,
          password: account.password,
        });
        await signedIn(login.csrfToken);
      } else await qc.invalidateQueries({ queryKey: meKey });
      return res;
    },
    onSuccess: (res) => void navigate(`/orgs/${res.organization.id}`, { replace: true }),
    onError: (e) => form.showServerError(e),
  });

  if (preview.isPending || me.isPending) return <Loading />;
  if (preview.isError)
    return (
      <AuthLayout title={T.invalidTitle} intro={errorMessage(preview.error)}>
        <Button component={Link} to="/" variant="default">
          {T.goHome}
        </Button>
      </AuthLayout>
    );

  const inv = preview.data;
  const user = me.data?.user;
  const summary = (
    <DataList size="sm" labelWidth={120}>
      <DataList.Item>
        <DataList.ItemLabel>{T.invitedEmail}</DataList.ItemLabel>
        <DataList.ItemValue>{inv.email}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{T.role}</DataList.ItemLabel>
        <DataList.ItemValue>{ROLE_LABELS[inv.role]}</DataList.ItemValue>
      </DataList.Item>
      {inv.accessExpiresAt && (
        <DataList.Item>
          <DataList.ItemLabel>{T.accessUntil}</DataList.ItemLabel>
          <DataList.ItemValue>{formatDate(inv.accessExpiresAt)}</DataList.ItemValue>
        </DataList.Item>
      )}
    </DataList>
  );
  const problem = form.formError && (
    <Alert color="red" variant="light" role="alert">
      {form.formError}
    </Alert>
  );

  let body;
  if (user && user.email !== inv.email) {
    body = (
      <Stack>
        <Alert color="orange" variant="light">
          {T.wrongUser(user.email, inv.email)}
        </Alert>
        <Button variant="default" onClick={() => void signOut(`/invitations/${token}`)}>
          {T.signOut}
        </Button>
      </Stack>
    );
  } else if (user) {
    body = (
      <Stack>
        {problem}
        <Button onClick={() => accept.mutate(null)} loading={accept.isPending}>
          {T.accept}
        </Button>
      </Stack>
    );
  } else if (inv.accountExists) {
    body = (
      <Stack>
        <Alert color="blue" variant="light">
          {T.signInToAccept(inv.email)}
        </Alert>
        <Button component={Link} to={`/login?next=${encodeURIComponent(`/invitations/${token}`)}`}>
          {T.signIn}
        </Button>
      </Stack>
    );
  } else {
    body = (
      <form
        noValidate
        aria-label={T.createAccount}
        onSubmit={(e) => {
          e.preventDefault();
          const account = form.validate();
          if (account) accept.mutate(account);
        }}
      >
        <Stack>
          {problem}
          <TextInput {...form.field('name')} label={T.name} required autoComplete="name" />
          <PasswordInput
            {...form.field('password')}
            label={T.password}
            description={T.passwordHint}
            required
            autoComplete="new-password"
          />
          <Button type="submit" loading={accept.isPending}>
            {T.acceptAndCreate}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <AuthLayout title={T.title(inv.organization.name)} intro={T.intro(ROLE_LABELS[inv.role])}>
      {summary}
      {body}
    </AuthLayout>
  );
}
