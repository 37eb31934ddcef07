import { useRef } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ANNEX_C_RISK_SOURCES, RISK_KINDS, ZRiskFields, type RiskKind } from '@fortytwo/domain';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { formatDate } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm } from '../../ui/use-zod-form';
import { differingOf } from '../../ui/differing';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { useAiSystemChoices } from '../impact/api';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { refreshRisks, riskHref, riskPath, risksHref, risksPath, useCriteria, useRisk } from './api';
import { LevelBadge, RatingPicker } from './levels';
import { RISK_TEXT as T } from './text';
import type { Criteria, Risk, RiskDetail } from './types';

type Values = {
  title: string;
  kind: RiskKind;
  aiSystemId: string | null;
  sourceChoice: string; // a C.3 ref, or "other"
  sourceCustom: string;
  description: string;
  consequencesOrganization: string;
  consequencesIndividuals: string;
  consequencesSociety: string;
  likelihood: number | null;
  consequence: number | null;
  ownerId: string | null;
  reviewDate: string;
};

const OTHER = 'other';
// The fields an edit can change (the rating changes through a re-assessment, the kind never).
const EDITABLE = [
  'title',
  'aiSystemId',
  'sourceChoice',
  'sourceCustom',
  'description',
  'consequencesOrganization',
  'consequencesIndividuals',
  'consequencesSociety',
  'ownerId',
  'reviewDate',
] as const satisfies readonly (keyof Values)[];
type Editable = (typeof EDITABLE)[number];
const differing = differingOf<Values, Editable>(EDITABLE);
const isAnnexC = (s: string) => ANNEX_C_RISK_SOURCES.some((x) => x.ref === s);
const valuesOf = (r: Risk | null, aiSystemId: string | null): Values => ({
  title: r?.title ?? '',
  kind: r?.kind ?? 'risk',
  aiSystemId: r ? r.aiSystemId : aiSystemId,
  sourceChoice: r ? (isAnnexC(r.source) ? r.source : OTHER) : '',
  sourceCustom: r && !isAnnexC(r.source) ? r.source : '',
  description: r?.description ?? '',
  consequencesOrganization: r?.consequencesOrganization ?? '',
  consequencesIndividuals: r?.consequencesIndividuals ?? '',
  consequencesSociety: r?.consequencesSociety ?? '',
  // No default rating: an untouched picker leaves the risk unrated (and flagged), never "medium".
  likelihood: r ? r.likelihood : null,
  consequence: r ? r.consequence : null,
  ownerId: r?.ownerId ?? null,
  reviewDate: r?.reviewDate ?? '',
});
const toInput = (v: Values) => ({
  title: v.title,
  kind: v.kind,
  aiSystemId: v.aiSystemId,
  source: v.sourceChoice === OTHER ? v.sourceCustom : v.sourceChoice,
  description: v.description,
  consequencesOrganization: v.consequencesOrganization,
  consequencesIndividuals: v.consequencesIndividuals,
  consequencesSociety: v.consequencesSociety,
  likelihood: v.likelihood,
  consequence: v.consequence,
  ownerId: v.ownerId,
  reviewDate: v.reviewDate || null,
});
// The source field's message shows on whichever input the person is using.
const fieldOf = (path: string[]) => (path[0] === 'source' ? 'sourceChoice' : (path[0] ?? ''));

function RiskForm({ risk, criteria }: { risk: RiskDetail | null; criteria: Criteria }) {
  const { orgId } = useOrg();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const systems = useAiSystemChoices(orgId);
  const members = useMembers(orgId);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useZodForm(ZRiskFields, valuesOf(risk, params.get('aiSystemId')), toInput, fieldOf);
  const v = form.values;
  const systemName = (id: string | null) =>
    id ? ((systems.data ?? []).find((s) => s.id === id)?.name ?? id) : T.filters.orgWide;
  const memberName = (id: string | null) =>
    id ? ((members.data ?? []).find((m) => m.user.id === id)?.user.name ?? id) : '—';
  const display = (f: Editable, x: Values): string => {
    if (f === 'aiSystemId') return systemName(x.aiSystemId);
    if (f === 'ownerId') return memberName(x.ownerId);
    if (f === 'reviewDate') return x.reviewDate ? formatDate(x.reviewDate) : '—';
    if (f === 'sourceChoice')
      return x.sourceChoice === OTHER
        ? T.fields.sourceOther
        : (ANNEX_C_RISK_SOURCES.find((s) => s.ref === x.sourceChoice)?.title ?? (x.sourceChoice || '—'));
    return x[f] || '—';
  };
  const label = (f: Editable) =>
    ({ ...T.fields, aiSystemId: T.fields.aiSystem, ownerId: T.fields.owner, sourceChoice: T.fields.source })[f];

  const saver = useVersionedSave({
    record: risk,
    form,
    valuesOf: (r: Risk) => valuesOf(r, null),
    differing,
    label,
    show: display,
    create: (input: ReturnType<typeof toInput>) => api.post<Risk>(risksPath(orgId), input),
    // The rating changes through a re-assessment and the kind never, so an edit leaves them out.
    update: (base, { likelihood: _l, consequence: _c, kind: _k, ...changes }) =>
      api.patch<Risk>(riskPath(orgId, base.id), { version: base.version, ...changes }),
    onSaved: async (saved, created) => {
      await refreshRisks(qc, orgId);
      notifySuccess(created ? T.created(saved.ref) : T.saved);
      void navigate(riskHref(orgId, saved.id));
    },
    onRebased: () => void refreshRisks(qc, orgId),
    draftKey: `risk:${orgId}:${risk?.id ?? 'new'}`,
  });
  const { save, conflict } = saver;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    saver.setNotice(null);
    const input = form.validate();
    if (!input) return focusFirstInvalid(formRef.current);
    save.mutate(toInput(v));
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md" maw={900}>
        <FormAlerts saver={saver} staleTitle={T.staleTitle} formError={form.formError} />
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <TextInput {...form.field('title')} label={T.fields.title} required />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                {...form.field('kind')}
                label={T.fields.kind}
                data={RISK_KINDS.map((k) => ({ value: k, label: T.kinds[k] }))}
                allowDeselect={false}
                disabled={!!risk}
              />
              <Select
                {...form.field('aiSystemId')}
                label={T.fields.aiSystem}
                description={T.fields.aiSystemHint}
                clearable
                searchable
                data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={T.fields.source}
                description={T.fields.sourceHint}
                required
                data={[
                  ...ANNEX_C_RISK_SOURCES.map((s) => ({ value: s.ref, label: `${s.ref} ${s.title}` })),
                  { value: OTHER, label: T.fields.sourceOther },
                ]}
                value={v.sourceChoice || null}
                onChange={(x) => form.setValue('sourceChoice', x ?? '')}
                onBlur={() => form.touch('sourceChoice')}
                error={v.sourceChoice === OTHER ? undefined : form.errorFor('sourceChoice')}
              />
              {v.sourceChoice === OTHER && (
                <TextInput
                  label={T.fields.sourceCustom}
                  required
                  value={v.sourceCustom}
                  onChange={(e) => form.setValue('sourceCustom', e.currentTarget.value)}
                  error={form.errorFor('sourceChoice')}
                />
              )}
            </SimpleGrid>
            <Textarea {...form.field('description')} label={T.fields.description} autosize minRows={2} />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Textarea
              {...form.field('consequencesOrganization')}
              label={T.fields.consequencesOrganization}
              autosize
              minRows={2}
            />
            <Textarea
              {...form.field('consequencesIndividuals')}
              label={T.fields.consequencesIndividuals}
              autosize
              minRows={2}
            />
            <Textarea
              {...form.field('consequencesSociety')}
              label={T.fields.consequencesSociety}
              autosize
              minRows={2}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          {risk ? (
            <Stack gap={6}>
              <Group gap="xs">
                <LevelBadge level={risk.inherentLevel} score={risk.inherentScore} unrated={!risk.rated} />
                {risk.rated && (
                  <Text fz="sm">
                    {risk.likelihood} × {risk.consequence}
                  </Text>
                )}
              </Group>
              <Text fz="sm" c="dimmed">
                {T.ratingLocked}
              </Text>
            </Stack>
          ) : (
            <Stack gap={4}>
              <RatingPicker
                criteria={criteria}
                likelihood={v.likelihood}
                consequence={v.consequence}
                onChange={(l, c) => {
                  form.setValue('likelihood', l);
                  form.setValue('consequence', c);
                }}
                labels={{ likelihood: T.fields.likelihood, consequence: T.fields.consequence }}
                error={form.errorFor('likelihood') ?? form.errorFor('consequence')}
              />
              <Text fz="xs" c="dimmed">
                {T.criteriaNote(criteria.number)}
              </Text>
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              {...form.field('ownerId')}
              label={T.fields.owner}
              clearable
              searchable
              data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            />
            <TextInput {...form.field('reviewDate')} type="date" label={T.fields.reviewDate} />
          </SimpleGrid>
        </Paper>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!!conflict}>
            {risk ? T.save : T.create}
          </Button>
          <Button variant="default" component={Link} to={risk ? riskHref(orgId, risk.id) : risksHref(orgId)}>
            {T.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewRiskPage() {
  const { orgId } = useOrg();
  const criteria = useCriteria(orgId);
  return (
    <>
      <PageHeader
        title={T.newTitle}
        crumbs={[{ label: T.registerTitle, to: risksHref(orgId) }, { label: T.newTitle }]}
      />
      {criteria.isPending ? (
        <Loading />
      ) : criteria.isError ? (
        <ErrorAlert error={criteria.error} />
      ) : (
        <RiskForm risk={null} criteria={criteria.data.inForce} />
      )}
    </>
  );
}

export function EditRiskPage() {
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const risk = useRisk(orgId, id);
  const criteria = useCriteria(orgId);
  const title = risk.data ? T.editTitle(risk.data.ref) : T.edit;
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: T.registerTitle, to: risksHref(orgId) },
          ...(risk.data ? [{ label: risk.data.ref, to: riskHref(orgId, id) }] : []),
          { label: T.edit },
        ]}
      />
      {risk.isPending || criteria.isPending ? (
        <Loading />
      ) : risk.isError ? (
        <ErrorAlert error={risk.error} />
      ) : criteria.isError ? (
        <ErrorAlert error={criteria.error} />
      ) : (
        <RiskForm key={risk.data.id} risk={risk.data} criteria={criteria.data.inForce} />
      )}
    </>
  );
}
