import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MySession, Page } from '../../api/types';
import { confirmDanger } from '../../ui/confirm';
import { FormSection } from '../../ui/FormSection';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { ACCOUNT_TEXT as T } from './text';

const key = ['auth', 'sessions'] as const;

/** The person's sessions with device, address and last use; each other one can be signed out. */
export function SessionsSection() {
  const qc = useQueryClient();
  const sessions = useQuery({
    queryKey: key,
    queryFn: async () => (await api.get<Page<MySession>>('/api/auth/sessions')).items,
  });
  const end = useMutation({
    mutationFn: (s: MySession) => api.delete(`/api/auth/sessions/${s.id}`),
    onSuccess: (_r, s) => {
      notifySuccess(T.signedOutOne(s.device));
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => notifyError(e),
  });
  return (
    <FormSection title={T.sessionsTitle} hint={T.sessionsListHint}>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label={T.sessionsTitle}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.device}</Table.Th>
                  <Table.Th>{T.address}</Table.Th>
                  <Table.Th>{T.how}</Table.Th>
                  <Table.Th>{T.signedIn}</Table.Th>
                  <Table.Th>{T.lastUsed}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{T.signOutOne}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.map((s) => (
                  <Table.Tr key={s.id} data-testid="session-row" data-current={s.current || undefined}>
                    <Table.Td fw={600} title={s.userAgent ?? undefined}>
                      {s.device}
                      {s.current && (
                        <Badge ml="xs" size="xs" variant="light" tt="none">
                          {T.thisSession}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{s.ip ?? '—'}</Table.Td>
                    <Table.Td>{s.via ? (T.via[s.via] ?? s.via) : '—'}</Table.Td>
                    <Table.Td>{formatDateTime(s.signedInAt)}</Table.Td>
                    <Table.Td>{formatDateTime(s.lastUsedAt)}</Table.Td>
                    <Table.Td ta="right">
                      {!s.current && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={T.signOutOneLabel(s.device, formatDateTime(s.signedInAt))}
                          loading={end.isPending && end.variables?.id === s.id}
                          onClick={() =>
                            void confirmDanger({
                              title: T.signOutOneTitle,
                              message: T.signOutOneBody(s.device),
                              confirmLabel: T.signOutOne,
                            }).then((ok) => ok && end.mutate(s))
                          }
                        >
                          {T.signOutOne}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {sessions.data.length <= 1 && (
            <Text size="sm" c="dimmed">
              {T.noSessions}
            </Text>
          )}
        </Stack>
      )}
    </FormSection>
  );
}
