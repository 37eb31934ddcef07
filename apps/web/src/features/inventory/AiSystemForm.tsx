import { Grid, MultiSelect, Select, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { AI_ROLE_LABELS, AI_SYSTEM_STATUS_LABELS, LIFECYCLE_STAGE_LABELS, RISK_TIER_LABELS } from '@fortytwo/domain';
import type { Member } from '../../api/types';
import { FormSection as Section } from '../../ui/FormSection';
import type { ZodForm } from '../../ui/use-zod-form';
import { LIMITS, type AiSystemFormValues } from './form-values';
import { options } from './labels';
import { FIELD_HELP as H, FIELD_LABELS as L, INVENTORY_TEXT as T } from './text';

/** The fields of an AI system; validation comes from the form (the domain schema). */
export function AiSystemForm({
  form,
  members,
  currentOwner,
}: {
  form: ZodForm<AiSystemFormValues>;
  members: Member[];
  currentOwner: { id: string; name: string } | null;
}) {
  const { values } = form;
  const ownerOptions = members
    .filter((m) => !m.expired)
    .map((m) => ({ value: m.user.id, label: `${m.user.name} (${m.user.email})` }));
  if (currentOwner && !ownerOptions.some((o) => o.value === currentOwner.id))
    ownerOptions.push({ value: currentOwner.id, label: currentOwner.name });
  const text = (
    key: 'name' | 'description' | 'intendedPurpose',
    max: number,
    multiline: boolean,
    required: boolean,
  ) => {
    const common = { ...form.field(key), label: L[key], description: H[key], required, maxLength: max + 50 };
    return multiline ? <Textarea {...common} autosize minRows={3} maxRows={10} /> : <TextInput {...common} />;
  };
  const list = (key: 'jurisdictions' | 'thirdParties' | 'tags') => (
    <TagsInput
      {...form.field(key)}
      label={L[key]}
      description={`${H[key]} ${T.listHint}`}
      clearable
      acceptValueOnBlur
      splitChars={[',', ';']}
    />
  );

  return (
    <Stack gap="lg">
      <Section title={T.sectionWhat} hint={T.sectionWhatHint}>
        {text('name', LIMITS.name, false, true)}
        {text('intendedPurpose', LIMITS.intendedPurpose, true, true)}
        {text('description', LIMITS.description, true, false)}
      </Section>
      <Section title={T.sectionRole} hint={T.sectionRoleHint}>
        <MultiSelect
          {...form.field('aiRoles')}
          label={L.aiRoles}
          description={H.aiRoles}
          required
          data={options(AI_ROLE_LABELS)}
          placeholder={values.aiRoles.length ? undefined : 'Choose one or more'}
        />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              {...form.field('lifecycleStage')}
              label={L.lifecycleStage}
              description={H.lifecycleStage}
              required
              data={options(LIFECYCLE_STAGE_LABELS)}
              placeholder="Choose a stage"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={L.riskTier}
              description={H.riskTier}
              data={options(RISK_TIER_LABELS)}
              {...form.field('riskTier')}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={L.status}
              description={H.status}
              data={options(AI_SYSTEM_STATUS_LABELS)}
              {...form.field('status')}
              allowDeselect={false}
            />
          </Grid.Col>
        </Grid>
      </Section>
      <Section title={T.sectionContext} hint={T.sectionContextHint}>
        <Select
          {...form.field('ownerId')}
          label={L.ownerId}
          description={H.ownerId}
          data={ownerOptions}
          placeholder={T.noOwner}
          searchable
          clearable
          nothingFoundMessage="No member with that name"
        />
        {list('jurisdictions')}
        {list('thirdParties')}
        {list('tags')}
      </Section>
    </Stack>
  );
}
