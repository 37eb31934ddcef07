import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconEye } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import {
  documentHref,
  refreshDocuments,
  useAcknowledgements,
  versionDownloads,
  versionPath,
  type DocumentDetail,
  type VersionDetail,
} from './api';
import { VersionBadge } from './labels';
import classes from './documents.module.css';

/** The reviews of the version, round by round: who agreed, who asked for what. */
export function ReviewsPanel({ version }: { version: VersionDetail }) {
  if (version.reviews.length === 0) return null;
  const rounds = [...new Set(version.reviews.map((r) => r.round))].sort((a, b) => b - a);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="reviews-title">
      <Title order={2} fz="md" id="reviews-title" mb="sm">
        Reviews
      </Title>
      <Stack gap="sm">
        {rounds.map((round) => (
          <Stack key={round} gap={6}>
            <Text fz="xs" fw={700} c="dimmed" tt="uppercase">
              Round {round}
            </Text>
            {version.reviews
              .filter((r) => r.round === round)
              .map((r, i) => (
                <div key={i} data-testid="review">
                  <Group gap={6} wrap="nowrap">
                    <Text fz="sm" fw={600}>
                      {r.reviewer?.name ?? 'A former member'}
                    </Text>
                    <Badge
                      size="xs"
                      tt="none"
                      variant="light"
                      color={r.decision === 'agree' ? 'teal' : r.decision === 'changes_requested' ? 'orange' : 'gray'}
                    >
                      {r.decision === 'agree'
                        ? 'Agreed'
                        : r.decision === 'changes_requested'
                          ? 'Asked for changes'
                          : 'Waiting'}
                    </Badge>
                  </Group>
                  {r.comment && (
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      “{r.comment}”
                    </Text>
                  )}
                  {r.decidedAt && (
                    <Text fz="xs" c="dimmed">
                      {formatDateTime(r.decidedAt)}
                    </Text>
                  )}
                </div>
              ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/** The revision table: every version, its state, who approved it, the SHA-256 of its files, and its downloads. */
export function VersionsPanel({ orgId, doc, shown }: { orgId: string; doc: DocumentDetail; shown: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="versions-title">
      <Title order={2} fz="md" id="versions-title" mb="sm">
        Versions
      </Title>
      <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {doc.versions.map((v) => (
          <Stack key={v.id} gap={4} component="li" data-testid="version" data-label={v.label}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap">
                <Text fz="sm" fw={600}>
                  {v.label}
                </Text>
                <VersionBadge state={v.state} size="xs" />
              </Group>
              {v.id === shown ? (
                <Text fz="xs" c="dimmed">
                  Shown
                </Text>
              ) : (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  component={Link}
                  to={documentHref(orgId, doc.id, v.id)}
                  leftSection={<IconEye size={12} />}
                  aria-label={`Show version ${v.label}`}
                >
                  Show
                </Button>
              )}
            </Group>
            {v.changeSummary && <Text fz="xs">{v.changeSummary}</Text>}
            <Text fz="xs" c="dimmed">
              {v.approvedAt
                ? `Approved by ${v.approvedBy?.name ?? '—'} on ${formatDate(v.approvedAt)}`
                : `Created ${formatDate(v.createdAt)}${v.createdBy ? ` by ${v.createdBy.name}` : ''}`}
              {v.publishedAt ? ` · published ${formatDate(v.publishedAt)}` : ''}
            </Text>
            <Group gap="sm">
              {(['docx', 'pdf'] as const).map((f) => (
                <Anchor
                  key={f}
                  href={`${versionPath(orgId, doc.id, v.id)}/export.${f}`}
                  download
                  fz="xs"
                  aria-label={`${f.toUpperCase()} of version ${v.label}`}
                >
                  {f.toUpperCase()}
                </Anchor>
              ))}
            </Group>
            {v.docxSha256 && (
              <Text className={classes.hash} c="dimmed" data-testid="docx-sha256">
                DOCX SHA-256 {v.docxSha256}
              </Text>
            )}
            {v.pdfSha256 && (
              <Text className={classes.hash} c="dimmed">
                PDF SHA-256 {v.pdfSha256}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

export function VersionDownloads({
  orgId,
  doc,
  version,
}: {
  orgId: string;
  doc: DocumentDetail;
  version: VersionDetail;
}) {
  const approved = !!version.docxSha256;
  return (
    <DownloadMenu
      label="Download"
      hint={
        approved
          ? 'The approved files themselves, as their SHA-256 records.'
          : `Before approval the files are marked “${version.state === 'in_review' ? 'In review' : 'Draft'}” on every page.`
      }
      items={versionDownloads(orgId, doc.id, version.id)}
    />
  );
}

/** Awareness (7.3): members acknowledge the version in force; the list is the evidence, with who has not yet. */
export function AwarenessPanel({ orgId, doc }: { orgId: string; doc: DocumentDetail }) {
  const inForce = doc.inForce;
  const acks = useAcknowledgements(orgId, doc.id, inForce?.id);
  const me = useMe();
  const qc = useQueryClient();
  const ack = useMutation({
    mutationFn: () => api.post(`${versionPath(orgId, doc.id, inForce!.id)}/acknowledgements`),
    onSuccess: async () => {
      notifySuccess(`You acknowledged ${doc.code} version ${inForce!.label}.`);
      await refreshDocuments(qc, orgId);
    },
    onError: (e) => notifyError(e),
  });
  if (!inForce) return null;
  const myId = me.data?.user.id;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="awareness-title">
      <Title order={2} fz="md" id="awareness-title">
        Awareness
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        Who has read version {inForce.label} (7.3). The list is kept as evidence.
      </Text>
      {acks.isPending ? (
        <Loading />
      ) : acks.isError ? (
        <ErrorAlert error={acks.error} onRetry={() => void acks.refetch()} />
      ) : (
        <Stack gap="xs">
          {acks.data.pending.some((p) => p.id === myId) && (
            <Button onClick={() => ack.mutate()} loading={ack.isPending} variant="light">
              I have read version {inForce.label}
            </Button>
          )}
          <Text fz="sm" fw={600}>
            Acknowledged ({acks.data.acknowledged.length})
          </Text>
          {acks.data.acknowledged.length === 0 ? (
            <Text fz="sm" c="dimmed">
              Nobody yet.
            </Text>
          ) : (
            acks.data.acknowledged.map((a) => (
              <Text key={a.user?.id ?? a.at} fz="sm" data-testid="acknowledged">
                {a.user?.name ?? 'A former member'}{' '}
                <Text span fz="xs" c="dimmed">
                  {formatDateTime(a.at)}
                </Text>
              </Text>
            ))
          )}
          {acks.data.pending.length > 0 && (
            <>
              <Text fz="sm" fw={600}>
                Not yet ({acks.data.pending.length})
              </Text>
              <Text fz="sm" c="dimmed">
                {acks.data.pending.map((p) => p.name).join(', ')}
              </Text>
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}

export function RegisterLink({ orgId, typeId }: { orgId: string; typeId: string }) {
  const page: Record<string, [string, string]> = {
    'aims-scope': ['scope', 'the scope'],
    'statement-of-applicability': ['soa', 'the Statement of Applicability'],
    'risk-treatment-plan': ['risk-treatment-plan', 'the risk treatment plan'],
    'roles-responsibilities': ['raci', 'the RACI'],
    'objectives-plan': ['governance', 'the governance framework'],
  };
  const p = page[typeId];
  if (!p) return null;
  return (
    <Anchor component={Link} to={`/orgs/${orgId}/${p[0]}`} fz="sm">
      Edit {p[1]}
    </Anchor>
  );
}
