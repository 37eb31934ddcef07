import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  AI_ACT_CLASS_LABELS,
  AI_ACT_ROLE_LABELS,
  AI_ACT_ROLES,
  ANNEX_III_CATEGORIES,
  ANNEX_III_LABELS,
  FRIA_STATE_LABELS,
  PROHIBITED_PRACTICE_LABELS,
  PROHIBITED_PRACTICES,
  TRANSPARENCY_TRIGGER_LABELS,
  TRANSPARENCY_TRIGGERS,
  type AiActClass,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { impactHref, newImpactHref, useImpacts } from '../impact/api';
import { useOrg } from '../shell/org-context';
import { aiActPath, refreshThirdParties, useAiAct, type AiAct } from './api';
import { Warnings } from './SupplierPage';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.aiAct;
const F = T.fields;

const CLASS_COLORS: Record<AiActClass, string> = {
  unscreened: 'gray',
  prohibited: 'red',
  high_risk: 'orange',
  limited_risk: 'yellow',
  minimal_risk: 'teal',
};

type Answers = Omit<
  AiAct,
  'aiSystemId' | 'version' | 'friaImpactAssessment' | 'class' | 'fria' | 'obligations' | 'warnings' | 'updatedAt'
>;
const answersOf = (a: AiAct): Answers => ({
  prohibitedScreened: a.prohibitedScreened,
  prohibitedPractices: a.prohibitedPractices,
  annexIProduct: a.annexIProduct,
  annexIIICategory: a.annexIIICategory,
  derogationReason: a.derogationReason,
  profilesPeople: a.profilesPeople,
  roles: a.roles,
  transparencyTriggers: a.transparencyTriggers,
  publicService: a.publicService,
  friaImpactAssessmentId: a.friaImpactAssessmentId,
  notes: a.notes,
});

function Editor({ orgId, a, canWrite }: { orgId: string; a: AiAct; canWrite: boolean }) {
  const qc = useQueryClient();
  const impacts = useImpacts(orgId, a.aiSystemId);
  const [v, setV] = useState<Answers>(answersOf(a));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Answers>(k: K, value: Answers[K]) => setV((x) => ({ ...x, [k]: value }));
  const save = useMutation({
    mutationFn: () => api.put<AiAct>(aiActPath(orgId, a.aiSystemId), { ...v, version: a.version }),
    onSuccess: async () => {
      setError(null);
      await refreshThirdParties(qc, orgId);
      notifySuccess(T.saved);
    },
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  const disabled = !canWrite;
  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Checkbox
        label={F.prohibitedScreened}
        checked={v.prohibitedScreened}
        onChange={(e) => set('prohibitedScreened', e.currentTarget.checked)}
        disabled={disabled}
      />
      <Checkbox.Group
        label={F.prohibitedPractices}
        value={v.prohibitedPractices}
        onChange={(x) => set('prohibitedPractices', x)}
      >
        <Stack gap={4} mt="xs">
          {PROHIBITED_PRACTICES.map((p) => (
            <Checkbox key={p} value={p} label={PROHIBITED_PRACTICE_LABELS[p]} disabled={disabled} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox
        label={F.annexIProduct}
        checked={v.annexIProduct}
        onChange={(e) => set('annexIProduct', e.currentTarget.checked)}
        disabled={disabled}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={F.annexIIICategory}
          placeholder="None"
          data={ANNEX_III_CATEGORIES.map((c) => ({ value: c, label: ANNEX_III_LABELS[c] }))}
          value={v.annexIIICategory}
          onChange={(x) => set('annexIIICategory', x)}
          clearable
          disabled={disabled}
        />
        <Checkbox.Group label={F.roles} value={v.roles} onChange={(x) => set('roles', x)}>
          <Group gap="md" mt="xs">
            {AI_ACT_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={AI_ACT_ROLE_LABELS[r]} disabled={disabled} />
            ))}
          </Group>
        </Checkbox.Group>
      </SimpleGrid>
      <Textarea
        label={F.derogationReason}
        value={v.derogationReason}
        onChange={(e) => set('derogationReason', e.currentTarget.value)}
        autosize
        minRows={1}
        readOnly={disabled}
      />
      <Group gap="xl">
        <Checkbox
          label={F.profilesPeople}
          checked={v.profilesPeople}
          onChange={(e) => set('profilesPeople', e.currentTarget.checked)}
          disabled={disabled}
        />
        <Checkbox
          label={F.publicService}
          checked={v.publicService}
          onChange={(e) => set('publicService', e.currentTarget.checked)}
          disabled={disabled}
        />
      </Group>
      <Checkbox.Group
        label={F.transparencyTriggers}
        value={v.transparencyTriggers}
        onChange={(x) => set('transparencyTriggers', x)}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={4}>
          {TRANSPARENCY_TRIGGERS.map((t) => (
            <Checkbox key={t} value={t} label={TRANSPARENCY_TRIGGER_LABELS[t]} disabled={disabled} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group align="flex-end">
        <Select
          label={F.friaImpactAssessmentId}
          placeholder="None linked"
          data={(impacts.data ?? []).map((i) => ({ value: i.id, label: `${i.ref} ${i.title}` }))}
          value={v.friaImpactAssessmentId}
          onChange={(x) => set('friaImpactAssessmentId', x)}
          clearable
          disabled={disabled}
          w={420}
        />
        {canWrite && (
          <Button variant="default" component={Link} to={newImpactHref(orgId, a.aiSystemId)}>
            {T.startIa}
          </Button>
        )}
      </Group>
      <Textarea
        label={F.notes}
        value={v.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        autosize
        minRows={2}
        readOnly={disabled}
      />
      {canWrite && (
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {THIRD_PARTY_TEXT.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The AI system page's EU AI Act tab: the answers, then the class, the FRIA prompt and the obligations. */
export function AiActTab({ aiSystemId }: { aiSystemId: string }) {
  const { orgId, can } = useOrg();
  const one = useAiAct(orgId, aiSystemId);
  if (one.isPending) return <Loading />;
  if (one.isError) return <ErrorAlert error={one.error} />;
  const a = one.data;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Group gap="lg" mb="sm">
          <Group gap="xs">
            <Text fw={500}>{T.class}:</Text>
            <Badge size="lg" variant="light" color={CLASS_COLORS[a.class]} tt="none" data-testid="ai-act-class">
              {AI_ACT_CLASS_LABELS[a.class]}
            </Badge>
          </Group>
          <Group gap="xs">
            <Text fw={500}>{T.fria}:</Text>
            <Badge
              variant="outline"
              color={a.fria === 'required' ? 'red' : a.fria === 'recommended' ? 'orange' : 'gray'}
              tt="none"
            >
              {FRIA_STATE_LABELS[a.fria]}
            </Badge>
            {a.friaImpactAssessment && (
              <Anchor component={Link} to={impactHref(orgId, a.friaImpactAssessment.id)} fz="sm">
                {a.friaImpactAssessment.ref} {a.friaImpactAssessment.title}
              </Anchor>
            )}
          </Group>
        </Group>
        <Warnings items={a.warnings} />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Title order={2} fz="lg" mb={4}>
          {T.title}
        </Title>
        <Text c="dimmed" fz="sm" mb="md" maw={760}>
          {T.description}
        </Text>
        <Editor key={a.version} orgId={orgId} a={a} canWrite={can('ai_system.write')} />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Title order={2} fz="lg" mb="sm">
          {T.obligations}
        </Title>
        {a.obligations.length === 0 ? (
          <Text c="dimmed">{T.obligationsEmpty}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table aria-label={T.obligations}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Article</Table.Th>
                  <Table.Th>{T.because}</Table.Th>
                  <Table.Th>{T.iso}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.obligations.map((o) => (
                  <Table.Tr key={o.ref}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {o.ref}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {o.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{o.because}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {o.iso42001.map((l) => (
                          <Badge key={l.ref} variant="default" tt="none" title={`${l.title} (${l.relationship})`}>
                            {l.ref}
                          </Badge>
                        ))}
                        {o.iso42001.length === 0 && THIRD_PARTY_TEXT.none}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
