import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconExternalLink, IconLink, IconPaperclip, IconPlus, IconUpload, IconX } from '@tabler/icons-react';
import type { EvidenceSubjectType } from '@fortytwo/domain';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { confirmDanger } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  evidenceBase,
  evidenceFileHref,
  evidenceKey,
  evidencePath,
  postForm,
  useEvidenceList,
  useSubjectEvidence,
  type Evidence,
  type EvidenceSummary,
} from './api';
import { ExpiryBadge } from './ExpiryBadge';
import { EVIDENCE_TEXT as T } from './text';

type Props = {
  subjectType: EvidenceSubjectType;
  subjectId: string;
  /** Shown read-only when the page is (a frozen record) or the member may not write evidence. */
  readOnly?: boolean;
  title?: string;
  /** Without the frame and heading, to sit inside another form. */
  bare?: boolean;
};

/**
 * The evidence attached to one record, from the organization's evidence library: list, attach an
 * existing piece, upload a new file or add a link (both land in the library and are attached), detach.
 * Embed it on any page with the record's subject type and id.
 */
export function EvidencePanel({ subjectType, subjectId, readOnly = false, title = T.panelTitle, bare = false }: Props) {
  const { orgId, can } = useOrg();
  const me = useMe();
  const qc = useQueryClient();
  const writable = !readOnly && can('evidence.write');
  const list = useSubjectEvidence(orgId, subjectType, subjectId);
  const [picking, setPicking] = useState(false);
  const [linking, setLinking] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: evidenceKey(orgId) });

  const attach = useMutation({
    mutationFn: (id: string) => api.post(`${evidencePath(orgId, id)}/links`, { subjectType, subjectId }),
    onSuccess: () => {
      setPicking(false);
      void refresh();
    },
    onError: (e) => notifyError(e),
  });
  const uploadFile = useMutation({
    mutationFn: (file: File) =>
      postForm<Evidence>(`${evidenceBase(orgId)}/files`, file, { subjectType, subjectId }, me.data?.csrfToken),
    onSuccess: (ev) => {
      notifySuccess(T.uploaded(ev.file?.name ?? ev.title));
      void refresh();
    },
    onError: (e) => notifyError(e),
  });
  const detach = useMutation({
    mutationFn: (e: EvidenceSummary) =>
      api.delete(`${evidencePath(orgId, e.id)}/links/${subjectType}/${encodeURIComponent(subjectId)}`),
    onSuccess: () => void refresh(),
    onError: (e) => notifyError(e),
  });
  const askDetach = async (e: EvidenceSummary) => {
    if (
      await confirmDanger({
        title: T.detachTitle,
        message: T.detachBody(e.reference, e.title),
        confirmLabel: T.detachConfirm,
      })
    )
      detach.mutate(e);
  };

  const body = (
    <Stack gap="xs">
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.none}
        </Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={title}>
          {list.data.map((e) => (
            <Group key={e.id} component="li" gap={6} wrap="nowrap">
              {e.kind === 'file' ? (
                <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
              ) : (
                <IconLink size={14} aria-hidden style={{ flexShrink: 0 }} />
              )}
              <Text fz="sm" c="dimmed" style={{ flexShrink: 0 }}>
                {e.reference}
              </Text>
              <Anchor
                component={Link}
                to={`/orgs/${orgId}/evidence/${e.id}`}
                fz="sm"
                truncate
                style={{ flex: 1, minWidth: 0 }}
              >
                {e.title}
              </Anchor>
              <ExpiryBadge state={e.expiryState} expiresOn={e.expiresOn} />
              {e.kind === 'file' ? (
                <ActionIcon
                  component="a"
                  href={evidenceFileHref(orgId, e.id)}
                  download
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`${T.download} ${e.fileName ?? e.title}`}
                >
                  <IconPaperclip size={14} />
                </ActionIcon>
              ) : (
                e.url && (
                  <ActionIcon
                    component="a"
                    href={e.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`${T.open} ${e.title}`}
                  >
                    <IconExternalLink size={14} />
                  </ActionIcon>
                )
              )}
              {writable && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={T.detach(e.reference)}
                  onClick={() => void askDetach(e)}
                  loading={detach.isPending && detach.variables?.id === e.id}
                >
                  <IconX size={14} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {writable && picking && (
        <AttachExisting
          orgId={orgId}
          exclude={list.data?.map((e) => e.id) ?? []}
          pending={attach.isPending}
          onPick={(id) => attach.mutate(id)}
          onCancel={() => setPicking(false)}
        />
      )}
      {writable && linking && (
        <AddLink
          orgId={orgId}
          subjectType={subjectType}
          subjectId={subjectId}
          onDone={() => {
            setLinking(false);
            void refresh();
          }}
        />
      )}
      {writable && !picking && !linking && (
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setPicking(true)}>
            {T.attachExisting}
          </Button>
          <FileButton onChange={(f) => f && uploadFile.mutate(f)}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                size="xs"
                leftSection={<IconUpload size={14} />}
                loading={uploadFile.isPending}
              >
                {T.upload}
              </Button>
            )}
          </FileButton>
          <Button variant="default" size="xs" leftSection={<IconLink size={14} />} onClick={() => setLinking(true)}>
            {T.addLink}
          </Button>
        </Group>
      )}
    </Stack>
  );
  if (bare) return body;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} fz="md" mb={4}>
        {title}
      </Title>
      <Text fz="xs" c="dimmed" mb="xs">
        {T.panelHint}
      </Text>
      {body}
    </Paper>
  );
}

function AttachExisting({
  orgId,
  exclude,
  pending,
  onPick,
  onCancel,
}: {
  orgId: string;
  exclude: string[];
  pending: boolean;
  onPick: (id: string) => void;
  onCancel: () => void;
}) {
  const [search, setSearch] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const found = useEvidenceList(orgId, search.trim() ? { q: search.trim() } : {});
  const options = (found.data ?? [])
    .filter((e) => !exclude.includes(e.id))
    .slice(0, 50)
    .map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={T.attachExisting}
        placeholder={T.attachPlaceholder}
        data={options}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        value={value}
        onChange={setValue}
        filter={({ options: o }) => o}
        nothingFoundMessage={found.isPending ? '…' : '—'}
        style={{ flex: 1, minWidth: 220 }}
      />
      <Button size="sm" disabled={!value} loading={pending} onClick={() => value && onPick(value)}>
        {T.attach}
      </Button>
      <Button size="sm" variant="subtle" onClick={onCancel}>
        {T.cancel}
      </Button>
    </Group>
  );
}

function AddLink({
  orgId,
  subjectType,
  subjectId,
  onDone,
}: {
  orgId: string;
  subjectType: EvidenceSubjectType;
  subjectId: string;
  onDone: () => void;
}) {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const save = useMutation({
    mutationFn: () => api.post(evidenceBase(orgId), { title, url, subjectType, subjectId }),
    onSuccess: onDone,
    onError: (e) => notifyError(e),
  });
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate();
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
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
        <Button type="submit" size="sm" loading={save.isPending}>
          {T.save}
        </Button>
        <Button size="sm" variant="subtle" onClick={onDone}>
          {T.cancel}
        </Button>
      </Group>
    </form>
  );
}
