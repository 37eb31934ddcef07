import type { ReactNode } from 'react';
import { DueReassessments } from '../ai-lifecycle/ReleasesTab';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCopyPlus, IconPencil, IconTrash } from '@tabler/icons-react';
import {
  IMPACT_TRIGGER_LABELS,
  impactLevel,
  INDIVIDUAL_EFFECT_AREAS,
  INDIVIDUAL_EFFECT_LABELS,
  RISK_LEVEL_LABELS,
  SOCIETAL_EFFECT_AREAS,
  SOCIETAL_EFFECT_LABELS,
} from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  aiSystemHref,
  impactDownloads,
  impactHref,
  impactPath,
  impactsHref,
  newImpactHref,
  refreshImpacts,
  useImpact,
  type ImpactAssessment,
} from './api';
import { ImpactHistory } from './ImpactHistory';
import { ImpactRisks } from './RiskFromImpact';
import { ImpactStatusBadge, SignOffPanel } from './SignOffPanel';
import { IMPACT_TEXT as T, LIKELIHOOD_LABELS, SEVERITY_LABELS } from './text';
import classes from './impact.module.css';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Title order={2} fz="md" mb="sm">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text fz="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      {typeof value === 'string' ? (
        <Text fz="sm" className={classes.prewrap} c={value.trim() ? undefined : 'dimmed'}>
          {value.trim() || T.nothingWritten}
        </Text>
      ) : (
        value
      )}
    </div>
  );
}

/** "4 × 3 = 12 · High" (long: with the scale words), or "Not rated yet": the level says how bad the score is. */
export function ratingText(a: Pick<ImpactAssessment, 'severity' | 'likelihood'>, long = false): string {
  const level = impactLevel(a.severity, a.likelihood);
  if (a.severity === null || a.likelihood === null || level === null) return T.notRatedYet;
  if (!long) return `${T.ratingValue(a.severity, a.likelihood)} · ${RISK_LEVEL_LABELS[level]}`;
  return `${T.severity} ${a.severity} (${SEVERITY_LABELS[a.severity - 1]}) × ${T.likelihood.toLowerCase()} ${a.likelihood} (${LIKELIHOOD_LABELS[a.likelihood - 1]}) = ${a.severity * a.likelihood} · ${RISK_LEVEL_LABELS[level]}`;
}

function Groups({ a }: { a: ImpactAssessment }) {
  if (a.affectedGroups.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {T.noGroups}
      </Text>
    );
  return (
    <Stack gap="md">
      {a.affectedGroups.map((g, n) => {
        const effects = INDIVIDUAL_EFFECT_AREAS.filter((k) => g.effects[k]?.trim());
        return (
          <Paper key={n} withBorder radius="sm" p="md" data-testid="impact-group">
            <Group gap="xs" mb={effects.length ? 'xs' : 0}>
              <Text fw={600} fz="sm">
                {g.group}
              </Text>
              {g.vulnerable && (
                <Badge color="red" variant="light" size="sm" tt="none">
                  {T.vulnerableBadge}
                </Badge>
              )}
            </Group>
            {effects.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {T.noEffects}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {effects.map((k) => (
                  <Field key={k} label={INDIVIDUAL_EFFECT_LABELS[k]} value={g.effects[k] ?? ''} />
                ))}
              </SimpleGrid>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** One impact assessment, readable end to end, with its sign-off, its risks and its history. */
export function ImpactDetailPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const query = useImpact(orgId, id);
  const remove = useMutation({
    mutationFn: (a: ImpactAssessment) => api.delete(impactPath(orgId, a.id)),
    onSuccess: async (_r, a) => {
      notifySuccess(T.deleted(a.ref));
      void navigate(impactsHref(orgId));
      await refreshImpacts(qc, orgId);
    },
    onError: (e) => notifyError(e),
  });

  const crumbs = [{ label: 'Do' }, { label: T.title, to: impactsHref(orgId) }];
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <>
        <PageHeader crumbs={crumbs} title={T.title} />
        <ErrorAlert error={query.error} title={T.notFound} onRetry={() => void query.refetch()} />
      </>
    );
  const a = query.data;
  const canWrite = can('risk.write');
  const draft = a.status === 'draft';
  const societal = SOCIETAL_EFFECT_AREAS.filter((k) => a.societalEffects[k]?.trim());
  const askDelete = async () => {
    if (await confirmDanger({ title: T.deleteTitle(a.ref), message: T.deleteBody, confirmLabel: T.delete }))
      remove.mutate(a);
  };

  return (
    <>
      <PageHeader
        crumbs={[...crumbs, { label: a.ref }]}
        title={`${a.ref} ${a.title || T.untitled}`}
        badge={<ImpactStatusBadge a={a} />}
        description={
          <>
            {a.aiSystem ? (
              <Anchor component={Link} to={aiSystemHref(orgId, a.aiSystem.id)} underline="always">
                {a.aiSystem.name}
              </Anchor>
            ) : (
              T.deletedSystem
            )}{' '}
            · {IMPACT_TRIGGER_LABELS[a.trigger]} · {T.updated} {formatDateTime(a.updatedAt)}
          </>
        }
        actions={
          <>
            <DownloadMenu label={T.export} hint={T.exportHint} items={impactDownloads(orgId, a.id)} />
            {canWrite &&
              (draft ? (
                <>
                  <Button
                    variant="default"
                    color="red"
                    leftSection={<IconTrash size={16} />}
                    onClick={() => void askDelete()}
                    loading={remove.isPending}
                  >
                    {T.delete}
                  </Button>
                  <Button
                    component={Link}
                    to={`${impactHref(orgId, a.id)}/edit`}
                    leftSection={<IconPencil size={16} />}
                  >
                    {T.edit}
                  </Button>
                </>
              ) : (
                <Button
                  variant="default"
                  component={Link}
                  to={`${newImpactHref(orgId, a.aiSystemId)}&trigger=significant_change`}
                  leftSection={<IconCopyPlus size={16} />}
                >
                  {T.newFromThis}
                </Button>
              ))}
          </>
        }
      />
      <DueReassessments orgId={orgId} aiSystemId={a.aiSystemId} kind="impact_assessment" canComplete={canWrite} />
      <div className={classes.layout}>
        <div className={classes.columns}>
          <Stack gap="lg" style={{ minWidth: 0 }}>
            <Block title={T.sectionUse}>
              <Field label={T.intendedUse} value={a.intendedUse} />
              <Field label={T.foreseeableMisuse} value={a.foreseeableMisuse} />
            </Block>
            <Block title={T.sectionGroups}>
              <Groups a={a} />
            </Block>
            <Block title={T.sectionSociety}>
              {societal.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {T.noEffects}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {societal.map((k) => (
                    <Field key={k} label={SOCIETAL_EFFECT_LABELS[k]} value={a.societalEffects[k] ?? ''} />
                  ))}
                </SimpleGrid>
              )}
            </Block>
            <Block title={T.sectionRating}>
              <Field
                label={T.rating}
                value={
                  <Text
                    fz="sm"
                    fw={a.severity !== null && a.likelihood !== null ? 600 : undefined}
                    c={a.severity !== null && a.likelihood !== null ? undefined : 'dimmed'}
                    data-testid="impact-rating"
                  >
                    {ratingText(a, true)}
                  </Text>
                }
              />
              <Field label={T.mitigations} value={a.mitigations} />
            </Block>
            <Block title={T.sectionConclusion}>
              <Field label={T.conclusion} value={a.conclusion} />
              <Field
                label={T.retentionUntil}
                value={a.retentionUntil ? formatDate(`${a.retentionUntil}T12:00:00`) : '—'}
              />
            </Block>
          </Stack>
          <aside className={classes.side} aria-label={T.signOff}>
            <SignOffPanel orgId={orgId} a={a} canSignOff={can('risk.approve')} />
            <ImpactRisks orgId={orgId} a={a} canWrite={canWrite} />
            {can('audit_event.read') && <ImpactHistory orgId={orgId} id={a.id} />}
          </aside>
        </div>
      </div>
    </>
  );
}
