import { useState } from 'react';
import {
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import type { ExpiryState } from '@fortytwo/domain';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { formatDate } from '../../ui/format';
import { notifyError } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { evidenceBase, evidenceKey, postForm, useEvidenceList, type Evidence } from './api';
import { ExpiryBadge } from './ExpiryBadge';

export const LIBRARY_TEXT = {
  title: 'Evidence library',
  description:
    'Every file and link that shows the management system works, with its owner, review date and the records it proves. Expiring (within 30 days) and expired evidence is flagged.',
  search: 'Search',
  all: 'All',
  expiring: 'Expiring',
  expired: 'Expired',
  upload: 'Upload a file',
  link: 'Add a link',
  linkTitle: 'Title',
  linkUrl: 'Link',
  save: 'Save',
  package: 'Evidence package (zip)',
  none: 'No evidence matches.',
  cols: ['Ref', 'Title', 'Owner', 'Review by', 'State', 'Attached to'],
};
const T = LIBRARY_TEXT;

/** The organization's evidence register (step 4), with filters, uploads and the package download. */
export function EvidencePage() {
  const { orgId, can } = useOrg();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [expiry, setExpiry] = useState<'all' | ExpiryState>('all');
  const list = useEvidenceList(orgId, {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(expiry !== 'all' ? { expiry } : {}),
  });
  const writable = can('evidence.write');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const open = (e: Evidence) => navigate(`/orgs/${orgId}/evidence/${e.id}`);
  const uploadFile = useMutation({
    mutationFn: (f: File) => postForm<Evidence>(`${evidenceBase(orgId)}/files`, f, {}, me.data?.csrfToken),
    onSuccess: (e) => {
      void qc.invalidateQueries({ queryKey: evidenceKey(orgId) });
      void open(e);
    },
    onError: (e) => notifyError(e),
  });
  const addLink = useMutation({
    mutationFn: () => api.post<Evidence>(evidenceBase(orgId), { title, url }),
    onSuccess: (e) => {
      void qc.invalidateQueries({ queryKey: evidenceKey(orgId) });
      void open(e);
    },
    onError: (e) => notifyError(e),
  });

  return (
    <Stack>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <Button
            component="a"
            href={`${evidenceBase(orgId)}/export.zip`}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {T.package}
          </Button>
        }
      />
      {writable && (
        <Paper withBorder p="md" radius="md">
          <Group align="flex-end" wrap="wrap" gap="sm">
            <FileButton onChange={(f) => f && uploadFile.mutate(f)}>
              {(props) => (
                <Button {...props} leftSection={<IconUpload size={16} />} loading={uploadFile.isPending}>
                  {T.upload}
                </Button>
              )}
            </FileButton>
            <form
              style={{ display: 'contents' }}
              onSubmit={(ev) => {
                ev.preventDefault();
                addLink.mutate();
              }}
            >
              <TextInput
                label={T.linkTitle}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                required
                style={{ flex: 1, minWidth: 160 }}
              />
              <TextInput
                label={T.linkUrl}
                type="url"
                placeholder="https://"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                required
                style={{ flex: 2, minWidth: 200 }}
              />
              <Button type="submit" variant="default" loading={addLink.isPending}>
                {T.link}
              </Button>
            </form>
          </Group>
        </Paper>
      )}
      <Group wrap="wrap">
        <TextInput
          aria-label={T.search}
          placeholder={`${T.search} (title, file, EV-12)`}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <SegmentedControl
          value={expiry}
          onChange={(v) => setExpiry(v)}
          data={[
            { value: 'all', label: T.all },
            { value: 'expiring', label: T.expiring },
            { value: 'expired', label: T.expired },
          ]}
        />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{T.none}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {T.cols.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.reference}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${orgId}/evidence/${e.id}`}>
                      {e.title}
                    </Anchor>
                    <Text fz="xs" c="dimmed" truncate maw={360}>
                      {e.file?.name ?? e.url}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.owner?.name ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(e.expiresOn)}</Table.Td>
                  <Table.Td>
                    <ExpiryBadge state={e.expiryState} expiresOn={null} />
                    {e.expiryState === 'current' && '—'}
                  </Table.Td>
                  <Table.Td>{e.linkCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
