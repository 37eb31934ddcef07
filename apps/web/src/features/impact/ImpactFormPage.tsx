import { Alert, Button, Grid, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import {
  IMPACT_TRIGGER_LABELS,
  IMPACT_TRIGGERS,
  SOCIETAL_EFFECT_AREAS,
  SOCIETAL_EFFECT_LABELS,
  type ImpactTrigger,
} from '@fortytwo/domain';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { FormSection } from '../../ui/FormSection';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { FormAlerts } from '../../ui/FormAlerts';
import { focusFirstInvalid, useZodForm, type ZodForm } from '../../ui/use-zod-form';
import { useVersionedSave } from '../../ui/use-versioned-save';
import { useOrg } from '../shell/org-context';
import { AffectedGroupsEditor } from './AffectedGroupsEditor';
import {
  impactHref,
  impactOneKey,
  impactPath,
  impactsHref,
  impactsPath,
  refreshImpacts,
  useAiSystemChoices,
  useImpact,
  type ImpactAssessment,
} from './api';
import {
  changedFields,
  differingFields,
  display,
  emptyValues,
  fieldLabel,
  fieldOf,
  schema,
  toInput,
  valuesOf,
  type ImpactFormValues,
  type ImpactInput,
} from './impact-values';
import { IMPACT_TEXT as T, LIKELIHOOD_LABELS, SEVERITY_LABELS } from './text';

const scale = (labels: readonly string[]) => labels.map((l, n) => ({ value: String(n + 1), label: `${n + 1} · ${l}` }));
const TRIGGER_OPTIONS = IMPACT_TRIGGERS.map((t) => ({ value: t, label: IMPACT_TRIGGER_LABELS[t] }));

export function NewImpactPage() {
  const [params] = useSearchParams();
  const trigger = params.get('trigger');
  return (
    <ImpactEditor
      record={null}
      preset={{
        aiSystemId: params.get('aiSystemId'),
        trigger: (IMPACT_TRIGGERS as readonly string[]).includes(trigger ?? '') ? (trigger as ImpactTrigger) : null,
      }}
    />
  );
}

export function EditImpactPage() {
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const record = useImpact(orgId, id);
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} title={T.notFound} />;
  return <ImpactEditor key={record.data.id} record={record.data} preset={null} />;
}

function ImpactEditor({
  record,
  preset,
}: {
  record: ImpactAssessment | null;
  preset: { aiSystemId: string | null; trigger: ImpactTrigger | null } | null;
}) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const systems = useAiSystemChoices(orgId);
  const form = useZodForm(
    schema,
    record ? valuesOf(record) : { ...emptyValues(preset?.aiSystemId ?? null), trigger: preset?.trigger ?? null },
    toInput,
    fieldOf,
  );
  const { values, setValue, errorFor } = form;

  const saver = useVersionedSave({
    record,
    form,
    valuesOf,
    differing: differingFields,
    label: fieldLabel,
    show: display,
    create: (parsed: ImpactInput) => api.post<ImpactAssessment>(impactsPath(orgId), parsed),
    update: async (base, parsed) => {
      const changes = changedFields(parsed, base, values);
      return Object.keys(changes).length === 0
        ? null
        : api.patch<ImpactAssessment>(impactPath(orgId, base.id), { version: base.version, ...changes });
    },
    onSaved: async (saved, created) => {
      qc.setQueryData(impactOneKey(orgId, saved.id), saved);
      await refreshImpacts(qc, orgId);
      notifySuccess(created ? T.created(saved.ref) : T.saved(saved.ref));
      void navigate(impactHref(orgId, saved.id));
    },
    onRebased: (current) => qc.setQueryData(impactOneKey(orgId, current.id), current),
    draftKey: `impact:${orgId}:${record?.id ?? 'new'}`,
  });
  const { base, save, conflict } = saver;

  const listHref = impactsHref(orgId);
  const title = record ? T.editTitle(record.ref) : T.newTitle;
  const locked = base?.status === 'signed_off';
  // The domain's messages for an empty pick list the ids; a person needs "choose one".
  const systemError = errorFor('aiSystemId') && !values.aiSystemId ? T.chooseSystem : errorFor('aiSystemId');
  const triggerError = errorFor('trigger') && !values.trigger ? T.chooseTrigger : errorFor('trigger');
  const systemOptions = (systems.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  if (record && !systemOptions.some((o) => o.value === record.aiSystemId))
    systemOptions.push({ value: record.aiSystemId, label: record.aiSystem?.name ?? T.deletedSystem });

  return (
    <>
      <PageHeader
        crumbs={[
          { label: 'Do' },
          { label: T.title, to: listHref },
          ...(record ? [{ label: record.ref, to: impactHref(orgId, record.id) }] : []),
        ]}
        title={title}
        description={record ? record.title || undefined : T.description}
      />
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          saver.setNotice(null);
          const parsed = form.validate();
          if (parsed) save.mutate(parsed);
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack gap="lg" maw={1080}>
          {locked && (
            <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
              {T.signedOffLocked}
            </Alert>
          )}
          <FormAlerts saver={saver} staleTitle={T.staleTitle} formError={form.formError} />
          <FormSection title={T.sectionSystem} hint={T.sectionSystemHint}>
            <Select
              {...form.field('aiSystemId')}
              label={T.aiSystem}
              description={record ? T.systemFixed : T.aiSystemHint}
              required
              searchable
              data={systemOptions}
              error={systemError}
              placeholder={T.chooseSystem}
              disabled={!!record}
              nothingFoundMessage={T.emptyNoSystems}
              comboboxProps={{ withinPortal: true }}
            />
            <Grid>
              <Grid.Col span={{ base: 12, sm: 7 }}>
                <TextInput
                  {...form.field('title')}
                  label={T.assessmentTitle}
                  description={T.assessmentTitleHint}
                  maxLength={200}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <Select
                  {...form.field('trigger')}
                  label={T.trigger}
                  required
                  data={TRIGGER_OPTIONS}
                  error={triggerError}
                  placeholder={T.chooseTrigger}
                  comboboxProps={{ withinPortal: true }}
                />
              </Grid.Col>
            </Grid>
          </FormSection>
          <FormSection title={T.sectionUse} hint={T.sectionUseHint}>
            <LongText form={form} field="intendedUse" label={T.intendedUse} hint={T.intendedUseHint} />
            <LongText
              form={form}
              field="foreseeableMisuse"
              label={T.foreseeableMisuse}
              hint={T.foreseeableMisuseHint}
            />
          </FormSection>
          <FormSection title={T.sectionGroups} hint={T.sectionGroupsHint}>
            <AffectedGroupsEditor form={form} />
          </FormSection>
          <FormSection title={T.sectionSociety} hint={T.sectionSocietyHint}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              {SOCIETAL_EFFECT_AREAS.map((area) => (
                <Textarea
                  key={area}
                  label={SOCIETAL_EFFECT_LABELS[area]}
                  value={values.societalEffects[area]}
                  onChange={(e) =>
                    setValue('societalEffects', { ...values.societalEffects, [area]: e.currentTarget.value })
                  }
                  autosize
                  minRows={1}
                  maxRows={6}
                  maxLength={3000}
                />
              ))}
            </SimpleGrid>
            <Textarea
              {...form.field('societalNotApplicable')}
              label="Not applicable: why"
              description="Only when the societal section does not apply to this AI system at all: say why. Otherwise answer each area above (“none expected” with the reason is an answer)."
              autosize
              minRows={1}
              maxRows={4}
              maxLength={2000}
            />
          </FormSection>
          <FormSection title={T.sectionRating} hint={T.sectionRatingHint}>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  {...form.field('severity')}
                  label={T.severity}
                  data={scale(SEVERITY_LABELS)}
                  placeholder={T.notRated}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  {...form.field('likelihood')}
                  label={T.likelihood}
                  data={scale(LIKELIHOOD_LABELS)}
                  placeholder={T.notRated}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              </Grid.Col>
            </Grid>
            <LongText form={form} field="mitigations" label={T.mitigations} hint={T.mitigationsHint} />
          </FormSection>
          <FormSection title={T.sectionConclusion} hint={T.sectionConclusionHint}>
            <LongText form={form} field="conclusion" label={T.conclusion} hint={T.conclusionHint} />
            <TextInput
              {...form.field('retentionUntil')}
              type="date"
              label={T.retentionUntil}
              description={T.retentionHint}
              maw={240}
            />
          </FormSection>
          <Group justify="flex-end" gap="sm">
            {!record && systems.isSuccess && systems.data.length === 0 && (
              <Text fz="sm" c="dimmed" mr="auto">
                {T.emptyNoSystems}
              </Text>
            )}
            <Button variant="default" component={Link} to={record ? impactHref(orgId, record.id) : listHref}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!conflict || locked}>
              {record ? T.save : T.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

type TextField = 'intendedUse' | 'foreseeableMisuse' | 'mitigations' | 'conclusion';

function LongText({
  form,
  field,
  label,
  hint,
}: {
  form: ZodForm<ImpactFormValues>;
  field: TextField;
  label: string;
  hint: string;
}) {
  return (
    <Textarea
      {...form.field(field)}
      label={label}
      description={hint}
      autosize
      minRows={3}
      maxRows={12}
      maxLength={5000}
    />
  );
}
