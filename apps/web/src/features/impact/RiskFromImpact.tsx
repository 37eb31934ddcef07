import { Anchor, Button, Grid, Group, List, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { ANNEX_C_RISK_SOURCES, DEFAULT_RISK_CRITERIA, ZRiskFields } from '@fortytwo/domain';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { impactPath, refreshImpacts, riskHref, useRiskScales, type CreatedRisk, type ImpactAssessment } from './api';
import { IMPACT_TEXT as T } from './text';

const OWN = 'own';
const schema = ZRiskFields.pick({ title: true, source: true, likelihood: true, consequence: true });
type Values = {
  title: string;
  source: string | null;
  ownSource: string;
  likelihood: string | null;
  consequence: string | null;
};
const toInput = (v: Values) => ({
  title: v.title,
  source: v.source === OWN ? v.ownSource : (v.source ?? ''),
  likelihood: v.likelihood ? Number(v.likelihood) : undefined,
  consequence: v.consequence ? Number(v.consequence) : undefined,
});
const SOURCE_OPTIONS = [
  ...ANNEX_C_RISK_SOURCES.map((s) => ({ value: s.ref, label: `${s.ref} ${s.title}` })),
  { value: OWN, label: T.ownWords },
];
const scale = (labels: readonly string[]) => labels.map((l, n) => ({ value: String(n + 1), label: `${n + 1} · ${l}` }));
const within = (n: number | null, max: number) => (n !== null && n <= max ? String(n) : null);

/** "Create a risk from this impact": title, source, likelihood and consequence; the risk links back to the assessment. */
function RiskForm({ orgId, a, onClose }: { orgId: string; a: ImpactAssessment; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const scales = useRiskScales(orgId).data ?? DEFAULT_RISK_CRITERIA;
  const initial: Values = {
    title: '',
    source: null,
    ownSource: '',
    likelihood: within(a.likelihood, scales.likelihoodLabels.length),
    consequence: within(a.severity, scales.consequenceLabels.length),
  };
  const form = useZodForm(schema, initial, toInput);
  const { values, setValue, errorFor, touch } = form;
  const create = useMutation({
    mutationFn: (input: ReturnType<typeof schema.parse>) =>
      api.post<CreatedRisk>(`${impactPath(orgId, a.id)}/risks`, input),
    onSuccess: async (risk) => {
      notifySuccess(T.riskCreated(risk.ref));
      await refreshImpacts(qc, orgId);
      onClose();
      void navigate(riskHref(orgId, risk.id));
    },
    onError: (e) => form.showServerError(e),
  });
  const sourceError = errorFor('source') && !toInput(values).source.trim() ? T.chooseSource : errorFor('source');

  return (
    <ValidatedForm label={T.riskFormTitle} form={form} save={create} gap="md">
      <TextInput {...form.field('title')} label={T.riskTitle} required maxLength={200} data-autofocus />
      <Select
        {...form.field('source')}
        label={T.riskSource}
        description={T.riskSourceHint}
        required
        data={SOURCE_OPTIONS}
        error={values.source === OWN ? undefined : sourceError}
        placeholder={T.chooseSource}
        comboboxProps={{ withinPortal: true }}
      />
      {values.source === OWN && (
        <TextInput
          label={T.riskSourceOwn}
          required
          value={values.ownSource}
          onChange={(e) => setValue('ownSource', e.currentTarget.value)}
          onBlur={() => touch('source')}
          error={sourceError}
          maxLength={300}
        />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            {...form.field('likelihood')}
            label={T.riskLikelihood}
            required
            data={scale(scales.likelihoodLabels)}
            error={errorFor('likelihood') && !values.likelihood ? T.chooseRating : errorFor('likelihood')}
            placeholder={T.chooseRating}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            {...form.field('consequence')}
            label={T.riskConsequence}
            required
            data={scale(scales.consequenceLabels)}
            error={errorFor('consequence') && !values.consequence ? T.chooseRating : errorFor('consequence')}
            placeholder={T.chooseRating}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {T.cancel}
        </Button>
        <Button type="submit" loading={create.isPending}>
          {T.createRiskButton}
        </Button>
      </Group>
    </ValidatedForm>
  );
}

/** The risks created from this assessment (linked both ways), and the button to create one. */
export function ImpactRisks({ orgId, a, canWrite }: { orgId: string; a: ImpactAssessment; canWrite: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="impact-risks-title"
      data-testid="impact-risks"
    >
      <Stack gap="sm">
        <div>
          <Title order={2} fz="md" id="impact-risks-title">
            {T.risks}
          </Title>
          <Text fz="xs" c="dimmed">
            {T.risksHint}
          </Text>
        </div>
        {a.risks.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {T.noRisks}
          </Text>
        ) : (
          <List fz="sm" spacing={4}>
            {a.risks.map((r) => (
              <List.Item key={r.id}>
                <Anchor component={Link} to={riskHref(orgId, r.id)} fw={600} fz="sm">
                  {r.ref}
                </Anchor>{' '}
                {r.title}
              </List.Item>
            ))}
          </List>
        )}
        {canWrite && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={open}
            style={{ alignSelf: 'flex-start' }}
          >
            {T.createRisk}
          </Button>
        )}
      </Stack>
      <Modal opened={opened} onClose={close} title={T.riskFormTitle} size="lg">
        {opened && <RiskForm orgId={orgId} a={a} onClose={close} />}
      </Modal>
    </Paper>
  );
}
