import { personOf, type People } from '../../api/people';
import { Alert, Anchor, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AuditEvent } from '../../api/types';
import { formatDate, formatDateTime } from '../../ui/format';
import { HistoryTimeline, useAuditTrail, type EntryView } from '../../ui/History';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  documentHref,
  documentsHref,
  masterListHref,
  useDocument,
  useDocumentTypes,
  useVersion,
  type DocumentDetail,
  type VersionDetail,
} from './api';
import { DraftEditor } from './DraftEditor';
import { DocumentStateBadge, entityWords } from './labels';
import { LifecyclePanel } from './LifecyclePanel';
import { RegisterView, RichText, type RegisterRendering } from './ReadSections';
import { AwarenessPanel, RegisterLink, ReviewsPanel, VersionDownloads, VersionsPanel } from './SidePanels';
import classes from './documents.module.css';

const ACTIONS: Record<string, string> = {
  'document.created': 'Created',
  'document.updated': 'Changed',
  'document_version.created': 'Draft started',
  'document_version.updated': 'Draft edited',
  'document_version.regenerated': 'Rewritten from records',
  'document_version.submitted': 'Submitted for review',
  'document_version.recalled': 'Recalled',
  'document_version.reviewed': 'Reviewed',
  'document_version.sent_back': 'Sent back',
  'document_version.approved': 'Approved',
  'document_version.published': 'Published',
  'document_version.withdrawn': 'Withdrawn',
  'document_version.superseded': 'Superseded',
  'document_version.acknowledged': 'Acknowledged',
};

function describe(e: AuditEvent): EntryView {
  const after = (e.after ?? {}) as { version?: unknown; comment?: string; decision?: string; changeSummary?: string };
  const detail = [
    typeof after.version === 'string' ? `Version ${after.version}` : null,
    after.decision === 'changes_requested' ? 'asked for changes' : after.decision === 'agree' ? 'agreed' : null,
    after.comment ? `“${after.comment}”` : null,
    e.action.endsWith('submitted') && after.changeSummary ? after.changeSummary : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    label: ACTIONS[e.action] ?? e.action,
    detail: detail || null,
    tone:
      e.action.endsWith('approved') || e.action.endsWith('published')
        ? 'approved'
        : e.action.endsWith('withdrawn')
          ? 'removed'
          : undefined,
  };
}

/** One controlled document: the shown version's sections (edited while a draft), its life cycle, reviews, versions, awareness and history. */
export function DocumentPage() {
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const doc = useDocument(orgId, id);
  if (doc.isPending) return <Loading />;
  if (doc.isError) return <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />;
  return <DocumentView orgId={orgId} doc={doc.data} />;
}

/** Who `id` names in the answer's people; someone no longer a member is not in it. */
const nameOf = (people: People, id: string | null) => (id ? (personOf(people, id)?.name ?? 'a former member') : null);

function DocumentView({ orgId, doc }: { orgId: string; doc: DocumentDetail }) {
  const { can } = useOrg();
  const [params] = useSearchParams();
  const versionId = params.get('version') ?? doc.latest.id;
  const version = useVersion(orgId, doc.id, versionId);
  const types = useDocumentTypes(orgId);
  const type = types.data?.find((t) => t.id === doc.typeId);
  const trail = useAuditTrail(orgId, 'document', doc.id, can('audit_event.read'));
  const v = version.data;
  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Plan' },
          { label: 'Documentation', to: masterListHref(orgId) },
          { label: 'Documents', to: documentsHref(orgId) },
        ]}
        title={doc.title}
        badge={<DocumentStateBadge doc={doc} />}
        description={
          <>
            <span className={classes.mono}>{doc.code}</span> · {doc.typeTitle} · {doc.refs.join(', ')} · Owner:{' '}
            {nameOf(doc.people, doc.ownerId) ?? 'not named yet'} · Approver:{' '}
            {nameOf(doc.people, doc.approverId) ?? 'any owner of the organization'}
          </>
        }
        actions={v && <VersionDownloads orgId={orgId} doc={doc} version={v} />}
      />
      <Stack gap="lg">
        {doc.stale && <StaleBanner doc={doc} />}
        {doc.reviewOverdue && (
          <Alert color="red" variant="light" icon={<IconClockExclamation size={18} />} title="Review overdue">
            Version {doc.inForce?.label} was due for review on {formatDate(doc.inForce?.nextReviewAt)}. Start the next
            draft, or publish it again unchanged as a minor version to record the review.
          </Alert>
        )}
        {v && v.id !== doc.latest.id && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            You are reading version {v.label}.{' '}
            <Anchor component={Link} to={documentHref(orgId, doc.id)} inherit>
              Show the newest, version {doc.latest.label}
            </Anchor>
            .
          </Alert>
        )}
        {version.isPending ? (
          <Loading />
        ) : version.isError ? (
          <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
              <Body orgId={orgId} doc={doc} version={version.data} canWrite={can('document.write')} type={type} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
              <Stack gap="lg">
                <LifecyclePanel
                  key={`${version.data.id}-${version.data.version}`}
                  orgId={orgId}
                  doc={doc}
                  version={version.data}
                />
                <ReviewsPanel version={version.data} />
                <AwarenessPanel orgId={orgId} doc={doc} />
                <VersionsPanel orgId={orgId} doc={doc} shown={version.data.id} />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
        {can('audit_event.read') && (
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="history-title">
            <Title order={2} fz="md" id="history-title" mb="md">
              History
            </Title>
            <HistoryTimeline trail={trail} describe={describe} />
          </Paper>
        )}
      </Stack>
    </>
  );
}

function StaleBanner({ doc }: { doc: DocumentDetail }) {
  const stale = doc.stale!;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`Stale: ${stale.count} change${stale.count === 1 ? '' : 's'} to its records since version ${doc.inForce?.label ?? ''} was published`}
      data-testid="stale-banner"
    >
      <Stack gap={4}>
        {stale.changes.slice(0, 8).map((c, i) => (
          <Text key={i} fz="sm">
            {formatDateTime(c.at)}: {entityWords(c.entityType)}{' '}
            {c.action.slice(c.action.indexOf('.') + 1).replace(/_/g, ' ')} by {c.actor}
          </Text>
        ))}
        {stale.count > 8 && <Text fz="sm">and {stale.count - 8} more.</Text>}
        <Text fz="sm" mt={4}>
          Start the next draft to bring it up to date: its sections can be written again from the records.
        </Text>
      </Stack>
    </Alert>
  );
}

function Body({
  orgId,
  doc,
  version,
  canWrite,
  type,
}: {
  orgId: string;
  doc: DocumentDetail;
  version: VersionDetail;
  canWrite: boolean;
  type: Parameters<typeof DraftEditor>[0]['type'];
}) {
  if (version.content.kind === 'record')
    return (
      <Stack gap="sm">
        <Alert color="teal" variant="light">
          A record: frozen when it was signed off, kept as it is. Download it to read the signed-off file.
        </Alert>
        <RegisterView rendering={version.content.frozen as RegisterRendering} />
      </Stack>
    );
  if (version.content.kind === 'register') {
    const frozen = version.content.frozen as RegisterRendering | null;
    return frozen ? (
      <RegisterView rendering={frozen} />
    ) : (
      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Text fz="sm">
            This document is rendered from its register and frozen when it goes to review, so what is approved is
            exactly what was reviewed. Download it to read the rendering as it stands today.
          </Text>
          <RegisterLink orgId={orgId} typeId={doc.typeId} />
        </Stack>
      </Paper>
    );
  }
  if (version.state === 'draft' && canWrite)
    return <DraftEditor key={version.id} orgId={orgId} documentId={doc.id} version={version} type={type} />;
  return (
    <Stack gap="lg">
      {version.placeholders.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title={`${version.placeholders.length} placeholder${version.placeholders.length === 1 ? '' : 's'} still to write`}
          data-testid="placeholder-list"
        >
          {version.placeholders.map((p, i) => (
            <Text key={i} fz="sm">
              <strong>{p.section}:</strong> {p.text}
            </Text>
          ))}
        </Alert>
      )}
      {version.content.sections.map((s) => (
        <Paper key={s.key} withBorder radius="md" p="lg" component="section" aria-labelledby={`section-${s.key}`}>
          <Title order={2} fz="md" id={`section-${s.key}`} mb="xs">
            {s.title}
          </Title>
          <RichText doc={s.body} />
        </Paper>
      ))}
    </Stack>
  );
}
