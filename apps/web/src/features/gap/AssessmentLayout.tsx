import { useState } from 'react';
import { Alert, Anchor, Badge, Group, Stack } from '@mantine/core';
import { IconCamera, IconClipboardCheck, IconGitCompare, IconListCheck, IconLock } from '@tabler/icons-react';
import { Link, Outlet, useMatch, useOutletContext, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { formatDateTime } from '../../ui/format';
import { useOrg } from '../shell/org-context';
import { compareHref, gapHref, gapListHref, useAssessment, type GapAssessment } from './api';
import { ExportMenu } from './ExportMenu';
import { ImportWorkbook } from './ImportWorkbook';
import { SaveIndicator } from './SaveIndicator';
import { SnapshotButton } from './SnapshotButton';
import { useItemSaver, type ItemSaver } from './use-item-saver';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

export type AssessmentOutlet = {
  assessment: GapAssessment;
  saver: ItemSaver;
  /** Why answers cannot change here, or null when they can. */
  readOnly: 'snapshot' | 'role' | null;
  /** The requirement last open in the questionnaire, to come back to it from the other tabs. */
  lastRef: string | undefined;
  setLastRef: (ref: string) => void;
};

export const useAssessmentOutlet = () => useOutletContext<AssessmentOutlet>();

/** One assessment: its header (snapshot, exports, import), the tabs, and the page of the tab. */
export function AssessmentLayout() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const record = useAssessment(orgId, id);
  const saver = useItemSaver(orgId, id);
  const [lastRef, setLastRef] = useState<string | undefined>();
  const onGaps = useMatch('/orgs/:orgId/gap-analysis/:id/gaps');
  const onCompare = useMatch('/orgs/:orgId/gap-analysis/:id/compare');

  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} title={T.notFound} />;
  const a = record.data;
  const snapshot = a.kind === 'snapshot';
  const canWrite = can('gap.write');
  const readOnly = snapshot ? 'snapshot' : canWrite ? null : 'role';
  const tab = onGaps ? 'gaps' : onCompare ? 'compare' : 'questionnaire';
  const tabs = [
    {
      key: 'questionnaire',
      to: gapHref(orgId, a.id, lastRef),
      label: T.tabs.questionnaire,
      icon: <IconClipboardCheck size={16} />,
    },
    { key: 'gaps', to: gapListHref(orgId, a.id), label: T.tabs.gaps, icon: <IconListCheck size={16} /> },
    { key: 'compare', to: compareHref(orgId, a.id), label: T.tabs.compare, icon: <IconGitCompare size={16} /> },
  ];
  const outlet: AssessmentOutlet = { assessment: a, saver, readOnly, lastRef, setLastRef };

  return (
    <>
      <PageHeader
        crumbs={[{ label: T.title, to: gapHref(orgId) }, { label: a.name }]}
        title={a.name}
        badge={
          snapshot ? (
            <Badge
              variant="outline"
              color="gray"
              tt="none"
              size="lg"
              leftSection={<IconCamera size={14} />}
              style={{ flexShrink: 0 }}
            >
              {T.snapshotBadge}
            </Badge>
          ) : (
            <Badge variant="light" color="indigo" tt="none" size="lg" style={{ flexShrink: 0 }}>
              {T.workingBadge}
            </Badge>
          )
        }
        actions={
          <>
            <ExportMenu orgId={orgId} assessmentId={a.id} />
            {!readOnly && <ImportWorkbook orgId={orgId} assessmentId={a.id} />}
          </>
        }
      />
      <Stack gap="md">
        {snapshot && (
          <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="snapshot-banner">
            {T.snapshotBanner(formatDateTime(a.frozenAt))}{' '}
            {a.sourceId && (
              <Anchor component={Link} to={gapHref(orgId, a.sourceId)} fz="sm">
                {T.openSource}
              </Anchor>
            )}
          </Alert>
        )}
        {readOnly === 'role' && (
          <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
            {T.readOnlyRole}
          </Alert>
        )}
        {/* On a phone the save state and snapshot button wrap under the tabs (issue 18). */}
        <Group justify="space-between" align="flex-end" wrap="wrap" className={classes.tabs}>
          <nav aria-label={a.name} style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            {tabs.map((t) => (
              <Link key={t.key} to={t.to} className={classes.tab} aria-current={tab === t.key ? 'page' : undefined}>
                {t.icon}
                {t.label}
              </Link>
            ))}
          </nav>
          {!readOnly && (
            <Group gap="md" wrap="wrap" pb={6}>
              <SaveIndicator state={saver.state} onRetry={saver.retry} />
              <SnapshotButton orgId={orgId} assessment={a} size="xs" />
            </Group>
          )}
        </Group>
        <Outlet context={outlet} />
      </Stack>
    </>
  );
}
