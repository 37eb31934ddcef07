import { useState } from 'react';
import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';
import { TOKEN_SCOPE_LABELS, TOKEN_SCOPES } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { ApiToken, Page } from '../../api/types';
import { confirmDanger } from '../../ui/confirm';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { SecretOnce } from '../../ui/SecretOnce';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { TOKENS_TEXT as T } from './text';

// The same rule as the server's body schema for POST /api/tokens.
const ZNewToken = z.object({
  name: z.string().trim().min(1, 'Name the token, e.g. "CI import"').max(100, 'Name must be at most 100 characters'),
  scope: z.enum(TOKEN_SCOPES),
});
const key = ['tokens'] as const;

export function TokensPage() {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: key, queryFn: async () => (await api.get<Page<ApiToken>>('/api/tokens')).items });
  const form = useZodForm(ZNewToken, { name: '', scope: 'full' });
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: z.output<typeof ZNewToken>) => api.post<ApiToken & { token: string }>('/api/tokens', body),
    onSuccess: async (res) => {
      setSecret(res.token);
      form.reset({ name: '', scope: 'full' });
      await qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => form.showServerError(e),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/tokens/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      notifySuccess(T.revoked);
      await qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => notifyError(e),
  });

  return (
    <>
      <PageHeader title={T.title} description={T.description} />
      <Stack gap="lg" maw={1000}>
        {secret && (
          <SecretOnce
            title={T.createdTitle}
            note={T.createdNote}
            value={secret}
            label={T.tokenLabel}
            onClose={() => setSecret(null)}
          />
        )}
        <Paper withBorder radius="md" p="lg">
          <ValidatedForm label={T.create} form={form} save={create}>
            <Group align="flex-end" gap="sm">
              <TextInput {...form.field('name')} label={T.name} description={T.nameHint} required w={360} />
              <Select
                {...form.field('scope')}
                label={T.scope}
                description={T.scopeHint}
                data={TOKEN_SCOPES.map((s) => ({ value: s, label: TOKEN_SCOPE_LABELS[s] }))}
                allowDeselect={false}
                w={320}
              />
              <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
                {T.create}
              </Button>
            </Group>
          </ValidatedForm>
        </Paper>
        <Paper withBorder radius="md">
          {tokens.isPending ? (
            <Loading />
          ) : tokens.isError ? (
            <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : tokens.data.length === 0 ? (
            <Text c="dimmed" p="lg">
              {T.empty}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{T.name}</Table.Th>
                    <Table.Th>{T.prefix}</Table.Th>
                    <Table.Th>{T.created}</Table.Th>
                    <Table.Th>{T.lastUsed}</Table.Th>
                    <Table.Th>{T.status}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{T.actions}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td fw={600}>
                        {t.name}
                        {t.scope === 'measurements' && (
                          <Badge ml="xs" size="xs" variant="outline">
                            {T.measurementsOnly}
                          </Badge>
                        )}
                        {t.scope === 'releases' && (
                          <Badge ml="xs" size="xs" variant="outline">
                            {TOKEN_SCOPE_LABELS.releases}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code>{t.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>{formatDate(t.createdAt)}</Table.Td>
                      <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : T.never}</Table.Td>
                      <Table.Td>
                        {t.revokedAt ? (
                          <Badge color="gray" variant="light" tt="none">
                            {T.revokedOn(formatDate(t.revokedAt))}
                          </Badge>
                        ) : (
                          <Badge color="teal" variant="light" tt="none">
                            {T.active}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {!t.revokedAt && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`${T.revoke} ${t.name}`}
                            onClick={() =>
                              void confirmDanger({
                                title: T.revokeTitle,
                                message: T.revokeBody(t.name),
                                confirmLabel: T.revoke,
                              }).then((ok) => ok && revoke.mutate(t.id))
                            }
                          >
                            {T.revoke}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}
