import { useId, type ReactNode } from 'react';
import { Paper, Select, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { COMPUTE_LOCATION_LABELS } from '@fortytwo/domain';
import { FormSection as Section } from '../../ui/FormSection';
import type { ZodForm } from '../../ui/use-zod-form';
import { options } from './labels';
import { FORM_HELP as H, FORM_LABELS as L, PROFILE_TEXT as T } from './profile-text';
import type { ProfileFormValues, RowList } from './profile-values';
import { DatasetRows, PersonRows, ToolRows } from './ProfileRows';

type TextField = 'computeDetails' | 'environmentalNotes' | 'intendedUse' | 'foreseeableMisuse' | 'humanOversight';
const MAX: Record<TextField, number> = {
  computeDetails: 2000,
  environmentalNotes: 2000,
  intendedUse: 4000,
  foreseeableMisuse: 4000,
  humanOversight: 4000,
};

/** A form section whose fields need the whole width (dataset cards): its title and hint above them. */
function WideSection({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="md" id={id}>
        {title}
      </Title>
      <Text fz="sm" c="dimmed" mt={4} mb="md">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

/** The fields of an AI system's profile; validation comes from the form (the domain schema). */
export function ProfileForm({
  form,
  setRows,
  messagesOf,
  onRowBlur,
}: {
  form: ZodForm<ProfileFormValues>;
  /** Replaces a list of rows (and drops the server's messages on the rows that changed). */
  setRows: <K extends RowList>(list: K, rows: ProfileFormValues[K]) => void;
  messagesOf: (key: string) => Partial<Record<string, string>>;
  onRowBlur: (key: string, field: string) => void;
}) {
  const { values } = form;
  const text = (key: TextField, minRows = 3) => (
    <Textarea
      {...form.field(key)}
      label={L[key]}
      description={H[key]}
      autosize
      minRows={minRows}
      maxRows={12}
      maxLength={MAX[key] + 50}
    />
  );
  const rows = { messagesOf, onBlur: onRowBlur };
  return (
    <Stack gap="lg">
      <WideSection title={`${T.sectionData} (A.4.3)`} hint={T.sectionDataHint}>
        <DatasetRows rows={values.dataResources} onChange={(r) => setRows('dataResources', r)} {...rows} />
      </WideSection>
      <Section title={`${T.sectionTooling} (A.4.4)`} hint={T.sectionToolingHint}>
        <ToolRows rows={values.tooling} onChange={(r) => setRows('tooling', r)} {...rows} />
      </Section>
      <Section title={`${T.sectionCompute} (A.4.5)`} hint={T.sectionComputeHint}>
        <Select
          {...form.field('computeLocation')}
          label={L.computeLocation}
          description={H.computeLocation}
          data={options(COMPUTE_LOCATION_LABELS)}
          placeholder={T.chooseLocation}
          clearable
          maw={360}
        />
        {text('computeDetails', 2)}
        {text('environmentalNotes', 2)}
      </Section>
      <Section title={`${T.sectionPeople} (A.4.6)`} hint={T.sectionPeopleHint}>
        <PersonRows rows={values.humanResources} onChange={(r) => setRows('humanResources', r)} {...rows} />
      </Section>
      <Section title={T.sectionUse} hint={T.sectionUseHint}>
        {text('intendedUse')}
        {text('foreseeableMisuse')}
      </Section>
      <Section title={T.sectionAffected} hint={T.sectionAffectedHint}>
        <TagsInput
          {...form.field('affectedGroups')}
          label={L.affectedGroups}
          description={`${H.affectedGroups} ${T.listHint}`}
          clearable
          acceptValueOnBlur
          splitChars={[',', ';']}
          maxTags={50}
        />
        {text('humanOversight')}
      </Section>
    </Stack>
  );
}
