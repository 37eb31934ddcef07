import { Checkbox, MultiSelect, SimpleGrid, Switch, TextInput, Textarea } from '@mantine/core';
import { PILLAR_LABELS, PILLARS } from '@fortytwo/catalog/browser';
import type { CatalogItem } from '../../api/types';
import { FormSection } from '../../ui/FormSection';
import type { ZodForm } from '../../ui/use-zod-form';
import type { CustomControlFormValues } from './custom-control-values';
import { CUSTOM_FIELD_HELP as H, CUSTOM_FIELD_LABELS as L, CUSTOM_TEXT as T } from './text';

/** "6.1.3 AI risk treatment": every assessable ISO/IEC 42001 item, plus refs the record already holds. */
function relatedOptions(isoItems: CatalogItem[], current: string[]) {
  const options = isoItems.filter((i) => i.assessable).map((i) => ({ value: i.ref, label: `${i.ref} ${i.title}` }));
  for (const ref of current) if (!options.some((o) => o.value === ref)) options.push({ value: ref, label: ref });
  return options;
}

/** The fields of a custom control; validation comes from the form (the catalogue's schema). */
export function CustomControlForm({
  form,
  isoItems,
  isoLoading,
}: {
  form: ZodForm<CustomControlFormValues>;
  isoItems: CatalogItem[];
  isoLoading: boolean;
}) {
  const { values } = form;
  const text = (key: 'ref' | 'title' | 'description' | 'asks' | 'auditorLooksFor', max: number, multiline: boolean) => {
    const common = { ...form.field(key), label: L[key], description: H[key], required: true, maxLength: max + 50 };
    return multiline ? <Textarea {...common} autosize minRows={3} maxRows={10} /> : <TextInput {...common} />;
  };

  return (
    <>
      <FormSection title={T.sectionWhat} hint={T.sectionWhatHint}>
        {text('ref', 40, false)}
        {text('title', 200, false)}
        {text('description', 4000, true)}
      </FormSection>
      <FormSection title={T.sectionGuidance} hint={T.sectionGuidanceHint}>
        <Switch label={T.withGuidance} description={T.withGuidanceHint} {...form.checkbox('withGuidance')} />
        {values.withGuidance && (
          <>
            {text('asks', 2000, true)}
            {text('auditorLooksFor', 2000, true)}
            <Textarea
              {...form.field('evidence')}
              label={L.evidence}
              description={T.evidenceHint}
              autosize
              minRows={3}
              maxRows={10}
            />
          </>
        )}
      </FormSection>
      <FormSection title={T.sectionLinks} hint={T.sectionLinksHint}>
        <MultiSelect
          {...form.field('relatedRefs')}
          label={L.relatedRefs}
          description={H.relatedRefs}
          data={relatedOptions(isoItems, values.relatedRefs)}
          placeholder={values.relatedRefs.length ? undefined : T.relatedPlaceholder}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage={isoLoading ? 'Loading…' : T.relatedNothing}
          maxDropdownHeight={280}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox.Group {...form.field('pillars')} label={L.pillars} description={H.pillars}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" mt="xs">
            {PILLARS.map((p) => (
              <Checkbox key={p} value={p} label={PILLAR_LABELS[p]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </FormSection>
    </>
  );
}
