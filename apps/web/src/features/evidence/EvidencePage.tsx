import { useMemo, useState } from 'react';
import { Anchor, Button, FileButton, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import type { ExpiryState } from '@fortytwo/domain';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { RegisterTable, type RegisterColumn } from '../../ui/register';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { formatDate } from '../../ui/format';
import { notifyError } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { evidenceBase, evidenceKey, postForm, useEvidenceRegister, type Evidence } from './api';
import { personOf, type People } from '../../api/people';
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
  noMatch: 'Change the search or the expiry filter, or clear them.',
  cols: ['Ref', 'Title', 'Owner', 'Review by', 'State', 'Attached to'],
};
const T = LIBRARY_TEXT;

const EXPIRIES = ['expiring', 'expired'] as const;

const evidenceColumns = (orgId: string, people: People): RegisterColumn<Evidence>[] => [
  { id: 'ref', header: T.cols[0]!, alwaysVisible: true, sortValue: (e) => e.reference, cell: (e) => e.reference },
  {
    id: 'title',
    header: T.cols[1]!,
    sortValue: (e) => e.title.toLowerCase(),
    text: (e) => e.title,
    cell: (e) => (
      <>
        <Anchor component={Link} to={`/orgs/${orgId}/evidence/${e.id}`}>
          {e.title}
        </Anchor>
        <Text fz="xs" c="dimmed" truncate maw={360}>
          {e.file?.name ?? e.url}
        </Text>
      </>
    ),
  },
  {
    id: 'owner',
    header: T.cols[2]!,
    sortValue: (e) => personOf(people, e.ownerId)?.name ?? null,
    cell: (e) => personOf(people, e.ownerId)?.name ?? '—',
  },
  { id: 'reviewBy', header: T.cols[3]!, sortValue: (e) => e.expiresOn, cell: (e) => formatDate(e.expiresOn) },
  {
    id: 'state',
    header: T.cols[4]!,
    sortValue: (e) => e.expiryState,
    cell: (e) => (
      <>
        <ExpiryBadge state={e.expiryState} expiresOn={null} />
        {e.expiryState === 'current' && '—'}
      </>
    ),
  },
  { id: 'links', header: T.cols[5]!, sortValue: (e) => e.linkCount, cell: (e) => e.linkCount },
];

/** The organization's evidence register (step 4), with filters, uploads and the package download. */
export function EvidencePage() {
  const { orgId, can } = useOrg();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // Search and expiry live in the address, like every register's filters (a saved view keeps them).
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const expiry = (EXPIRIES.find((x) => x === params.get('expiry')) ?? 'all') as 'all' | ExpiryState;
  const setFilter = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value && value !== 'all') next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const list = useEvidenceRegister(orgId, {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(expiry !== 'all' ? { expiry } : {}),
  });
  const writable = can('evidence.write');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const open = (e: Evidence) => navigate(`/orgs/${orgId}/evidence/${e.id}`);
  const people = list.data?.people;
  const columns = useMemo(() => evidenceColumns(orgId, people ?? {}), [orgId, people]);
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
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <RegisterTable
          orgId={orgId}
          register="evidence"
          label={T.title}
          testId="evidence-table"
          rows={list.data.items}
          columns={columns}
          getRowId={(e) => e.id}
          onOpen={(e) => void open(e)}
          emptyText={T.none}
          noMatch={{ title: T.none, body: T.noMatch }}
          exportName="evidence"
          minWidth={640}
          filters={
            <>
              <TextInput
                aria-label={T.search}
                placeholder={`${T.search} (title, file, EV-12)`}
                value={q}
                onChange={(e) => setFilter('q', e.currentTarget.value)}
                w={260}
              />
              <SegmentedControl
                value={expiry}
                onChange={(v) => setFilter('expiry', v)}
                data={[
                  { value: 'all', label: T.all },
                  { value: 'expiring', label: T.expiring },
                  { value: 'expired', label: T.expired },
                ]}
              />
            </>
          }
        />
      )}
    </Stack>
  );
}
