import { Anchor, Badge, Button, FileButton, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import { EVIDENCE_SUBJECT_LABELS } from '@fortytwo/domain';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { personOf } from '../../api/people';
import { useMe } from '../../api/session';
import { confirmDanger } from '../../ui/confirm';
import { formatDate, formatDateTime } from '../../ui/format';
import { HistoryTimeline, toneOf, useAuditTrail } from '../../ui/History';
import { notifyError } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { evidenceFileHref, evidenceKey, evidencePath, postForm, useEvidenceDetail } from './api';
import { ExpiryBadge } from './ExpiryBadge';
import { EvidenceDetailsForm } from './EvidenceDetailsForm';
import { LIBRARY_TEXT } from './EvidencePage';

const T = {
  revisions: 'Revisions',
  attached: 'Attached to',
  notAttached: 'Not attached to any record yet: attach it from the record’s evidence panel.',
  crosswalk: 'Also serves (through the crosswalks)',
  history: 'History',
  newFile: 'Upload a new revision',
  delete: 'Delete',
  deleteTitle: 'Delete this evidence?',
  deleteBody: (ref: string) =>
    `${ref} and all its revisions are removed from the library. Evidence attached to records cannot be deleted.`,
  owner: 'Owner',
  effective: 'Effective date',
  expires: 'Review or expiry date',
  collected: 'Collected by',
};

/** One piece of evidence: its details, revisions, what it is attached to, crosswalk items, history. */
export function EvidenceDetailPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const detail = useEvidenceDetail(orgId, id);
  const trail = useAuditTrail(orgId, 'evidence', id, can('audit_event.read'));
  const refresh = () => qc.invalidateQueries({ queryKey: evidenceKey(orgId) });
  const revise = useMutation({
    mutationFn: (f: File) =>
      postForm(
        `${evidencePath(orgId, id)}/revisions/file`,
        f,
        { version: String(detail.data?.version ?? 0) },
        me.data?.csrfToken,
      ),
    onSuccess: () => void refresh(),
    onError: (e) => notifyError(e),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(evidencePath(orgId, id)),
    onSuccess: () => {
      void refresh();
      void navigate(`/orgs/${orgId}/evidence`);
    },
    onError: (e) => notifyError(e),
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const e = detail.data;
  const writable = can('evidence.write');
  return (
    <Stack>
      <PageHeader
        title={`${e.reference} ${e.title}`}
        crumbs={[{ label: LIBRARY_TEXT.title, to: `/orgs/${orgId}/evidence` }]}
        badge={<ExpiryBadge state={e.expiryState} expiresOn={e.expiresOn} />}
        description={e.description || undefined}
        actions={
          <Group gap="xs">
            {e.file ? (
              <Button
                component="a"
                href={evidenceFileHref(orgId, e.id)}
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                {e.file.name}
              </Button>
            ) : (
              e.url && (
                <Button component="a" href={e.url} target="_blank" rel="noopener noreferrer" variant="default">
                  {e.url}
                </Button>
              )
            )}
            {writable && (
              <FileButton onChange={(f) => f && revise.mutate(f)}>
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    leftSection={<IconUpload size={16} />}
                    loading={revise.isPending}
                  >
                    {T.newFile}
                  </Button>
                )}
              </FileButton>
            )}
            {writable && (
              <Button
                color="red"
                variant="subtle"
                leftSection={<IconTrash size={16} />}
                onClick={() =>
                  void confirmDanger({
                    title: T.deleteTitle,
                    message: T.deleteBody(e.reference),
                    confirmLabel: T.delete,
                  }).then((ok) => ok && remove.mutate())
                }
              >
                {T.delete}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="md" radius="md">
        <Group gap="xl" wrap="wrap">
          <Text fz="sm">
            <b>{T.owner}:</b> {personOf(e.people, e.ownerId)?.name ?? '—'}
          </Text>
          <Text fz="sm">
            <b>{T.effective}:</b> {formatDate(e.effectiveOn)}
          </Text>
          <Text fz="sm">
            <b>{T.expires}:</b> {formatDate(e.expiresOn)}
          </Text>
          <Text fz="sm">
            <b>{T.collected}:</b> {e.collectedBy ?? '—'} ({formatDateTime(e.createdAt)})
          </Text>
        </Group>
      </Paper>
      {writable && (
        <Paper withBorder p="md" radius="md">
          <EvidenceDetailsForm key={e.version} orgId={orgId} evidence={e} />
        </Paper>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="md" mb="xs">
          {T.attached}
        </Title>
        {e.links.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.notAttached}
          </Text>
        ) : (
          <List spacing={4} fz="sm">
            {e.links.map((l) => (
              <List.Item key={`${l.subjectType}:${l.subjectId}`}>
                <Badge variant="light" size="sm" mr={6}>
                  {EVIDENCE_SUBJECT_LABELS[l.subjectType]}
                </Badge>
                {l.label}
              </List.Item>
            ))}
          </List>
        )}
        {e.crosswalk.length > 0 && (
          <>
            <Title order={3} fz="sm" mt="md" mb={4}>
              {T.crosswalk}
            </Title>
            <List spacing={2} fz="sm">
              {e.crosswalk.map((c) => (
                <List.Item key={`${c.frameworkId}:${c.ref}`}>
                  {c.frameworkName}: <b>{c.ref}</b> {c.title}{' '}
                  <Text span c="dimmed" fz="xs">
                    (via {c.via}, {c.relationship})
                  </Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="md" mb="xs">
          {T.revisions}
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table data-testid="evidence-revisions">
            <Table.Tbody>
              {e.revisions.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.revision}</Table.Td>
                  <Table.Td>
                    {r.file ? (
                      <Anchor href={evidenceFileHref(orgId, e.id, r.revision)}>{r.file.name}</Anchor>
                    ) : (
                      <Anchor href={r.url ?? '#'} target="_blank" rel="noopener noreferrer">
                        {r.url}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{r.note || '—'}</Table.Td>
                  <Table.Td>
                    {r.createdBy ?? '—'}, {formatDateTime(r.createdAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {can('audit_event.read') && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="md" mb="xs">
            {T.history}
          </Title>
          <HistoryTimeline
            trail={trail}
            describe={(ev) => ({
              label: ev.action.replace('evidence.', '').replace(/_/g, ' '),
              tone: toneOf(ev.action),
            })}
            compact
          />
        </Paper>
      )}
    </Stack>
  );
}
