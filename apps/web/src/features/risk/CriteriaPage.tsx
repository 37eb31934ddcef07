import { useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
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
import {
  criteriaProblem,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  riskLevel,
  ZRiskCriteriaContent,
  type RiskLevel,
} from '@fortytwo/domain';
import { api, ApiError } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { focusFirstInvalid } from '../../ui/use-zod-form';
import { useOrg } from '../shell/org-context';
import { criteriaKey, criteriaPath, useCriteria } from './api';
import { LEVEL_STYLE } from './levels';
import { ScaleEditor, ScaleMeanings, toSteps, type ScaleStep } from './ScaleEditor';
import { RISK_TEXT as T } from './text';
import type { Criteria, CriteriaState } from './types';

/** The matrix of a set of criteria: likelihood rows (highest on top) × consequence columns. */
function Matrix({ c }: { c: Pick<Criteria, 'likelihoodLabels' | 'consequenceLabels' | 'levels'> }) {
  const rows = [...c.likelihoodLabels.keys()].map((i) => c.likelihoodLabels.length - i);
  // On a phone the matrix scrolls sideways in its own box: squeezed, its cells' words ran into each other.
  return (
    <Table.ScrollContainer minWidth={130 + 95 * c.consequenceLabels.length} type="native">
      <Table withTableBorder withColumnBorders data-testid="criteria-matrix" style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>
              {T.fields.likelihood} \ {T.fields.consequence}
            </Table.Th>
            {c.consequenceLabels.map((l, i) => (
              <Table.Th key={i} fz="xs">
                {i + 1} {l}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((l) => (
            <Table.Tr key={l}>
              <Table.Th fz="xs">
                {l} {c.likelihoodLabels[l - 1]}
              </Table.Th>
              {c.consequenceLabels.map((_, i) => {
                const score = l * (i + 1);
                const level = riskLevel(c, score);
                return (
                  <Table.Td
                    key={i}
                    ta="center"
                    fz="sm"
                    fw={600}
                    style={LEVEL_STYLE[level]}
                    data-score={score}
                    data-level={level}
                  >
                    {score} · {RISK_LEVEL_LABELS[level]}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Summary({ c }: { c: Criteria }) {
  return (
    <Stack gap="sm">
      <Matrix c={c} />
      <ScaleMeanings
        scales={[
          { legend: T.fields.likelihood, labels: c.likelihoodLabels, descriptions: c.likelihoodDescriptions },
          { legend: T.fields.consequence, labels: c.consequenceLabels, descriptions: c.consequenceDescriptions },
        ]}
      />
      <Group gap="xs">
        <Text fz="sm" fw={600}>
          {T.bands}:
        </Text>
        {c.levels.map((l, i) => (
          <Badge key={l.level} radius="sm" style={{ ...LEVEL_STYLE[l.level], textTransform: 'none' }}>
            {RISK_LEVEL_LABELS[l.level]} {(c.levels[i - 1]?.maxScore ?? 0) + 1}–{l.maxScore}
          </Badge>
        ))}
      </Group>
      <Text fz="sm">{T.acceptanceLine(RISK_LEVEL_LABELS[c.acceptanceLevel])}</Text>
      {c.method && (
        <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {c.method}
        </Text>
      )}
    </Stack>
  );
}

type ScaleKey = 'likelihood' | 'consequence';
const SCALE_NAME: Record<ScaleKey, string> = { likelihood: 'Likelihood', consequence: 'Consequence' };

/** Messages by path ("likelihoodLabels.2"), the first for each, from the domain schema or the server's issues. */
const byPath = (issues: readonly { path: readonly PropertyKey[] | string; message: string }[]) => {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = typeof i.path === 'string' ? i.path.replace(/^body\./, '') : i.path.map(String).join('.');
    out[path] ??= i.message;
  }
  return out;
};

function DraftEditor({ state }: { state: CriteriaState }) {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const base = state.draft ?? state.inForce;
  const [scales, setScales] = useState<Record<ScaleKey, ScaleStep[]>>({
    likelihood: toSteps(base.likelihoodLabels, base.likelihoodDescriptions),
    consequence: toSteps(base.consequenceLabels, base.consequenceDescriptions),
  });
  const [levels, setLevels] = useState(base.levels);
  const [acceptanceLevel, setAcceptanceLevel] = useState<RiskLevel>(base.acceptanceLevel);
  const [method, setMethod] = useState(base.method);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const content = {
    likelihoodLabels: scales.likelihood.map((s) => s.label.trim()),
    consequenceLabels: scales.consequence.map((s) => s.label.trim()),
    likelihoodDescriptions: scales.likelihood.map((s) => s.description.trim()),
    consequenceDescriptions: scales.consequence.map((s) => s.description.trim()),
    levels,
    acceptanceLevel,
    method,
  };
  const parsed = ZRiskCriteriaContent.safeParse(content);
  const issues = { ...(parsed.success ? {} : byPath(parsed.error.issues)), ...serverIssues };
  const shown = (path: string) => (submitted || touched[path] || path in serverIssues ? issues[path] : undefined);
  const stepErrors = (key: ScaleKey) => {
    const out: Record<number, string> = {};
    scales[key].forEach((_, i) => {
      const m = shown(`${key}Labels.${i}`) ?? shown(`${key}Descriptions.${i}`);
      if (m) out[i] = m;
    });
    return out;
  };
  // The matrix and its bands are checked live: they only make sense once both scales have their levels.
  const problem =
    issues.levels || issues.acceptanceLevel
      ? { message: (issues.levels ?? issues.acceptanceLevel)! }
      : content.likelihoodLabels.length >= 3 && content.consequenceLabels.length >= 3
        ? criteriaProblem(content)
        : null;
  const setScale = (key: ScaleKey, next: ScaleStep[]) => {
    const other = scales[key === 'likelihood' ? 'consequence' : 'likelihood'].length;
    // The highest band must end at the top score: follow the matrix as levels are added or removed.
    if (next.length !== scales[key].length)
      setLevels((ls) => ls.map((l, i) => (i === ls.length - 1 ? { ...l, maxScore: next.length * other } : l)));
    setScales((s) => ({ ...s, [key]: next }));
    setServerIssues({});
  };
  const onSuccess = async (next: CriteriaState, message: string) => {
    qc.setQueryData(criteriaKey(orgId), next);
    await qc.invalidateQueries({ queryKey: ['risks', orgId] });
    notifySuccess(message);
  };
  const save = useMutation({
    mutationFn: () =>
      api.put<CriteriaState>(`${criteriaPath(orgId)}/draft`, {
        version: state.draft && state.draft.status === 'draft' ? state.draft.version : 0,
        ...content,
      }),
    onSuccess: (n) => onSuccess(n, T.saved),
    onError: (e) => {
      const onFields = e instanceof ApiError ? byPath(e.issues) : {};
      if (Object.keys(onFields).length === 0) return notifyError(e);
      setServerIssues(onFields);
      focusFirstInvalid(formRef.current);
    },
  });
  const approve = useMutation({
    mutationFn: () => api.post<CriteriaState>(`${criteriaPath(orgId)}/approve`, { version: state.draft!.version }),
    onSuccess: (n) => onSuccess(n, T.approved),
    onError: (e) => notifyError(e),
  });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      ref={formRef}
      noValidate
      aria-label={state.draft ? T.draft(state.draft.number) : T.startDraft}
      onSubmit={(e: React.FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        setSubmitted(true);
        if (parsed.success && !problem) save.mutate();
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {state.draft ? T.draft(state.draft.number) : T.startDraft}
        </Title>
        <SimpleGrid cols={1}>
          {(['likelihood', 'consequence'] as const).map((key) => (
            <ScaleEditor
              key={key}
              name={SCALE_NAME[key]}
              legend={key === 'likelihood' ? T.likelihoodLabels : T.consequenceLabels}
              steps={scales[key]}
              onChange={(next) => setScale(key, next)}
              errors={stepErrors(key)}
              scaleError={shown(`${key}Labels`) ?? shown(`${key}Descriptions`)}
              onBlurStep={(i) => setTouched((t) => ({ ...t, [`${key}Labels.${i}`]: true }))}
            />
          ))}
        </SimpleGrid>
        <Group gap="sm" align="flex-end">
          {levels.map((l, i) => (
            <NumberInput
              key={l.level}
              label={T.maxScore(RISK_LEVEL_LABELS[l.level])}
              w={150}
              min={1}
              value={l.maxScore}
              onChange={(v) => setLevels((xs) => xs.map((x, j) => (j === i ? { ...x, maxScore: Number(v) || 1 } : x)))}
            />
          ))}
          <Select
            label={T.acceptanceLevel}
            w={170}
            data={RISK_LEVELS.filter((l) => levels.some((x) => x.level === l)).map((l) => ({
              value: l,
              label: RISK_LEVEL_LABELS[l],
            }))}
            value={acceptanceLevel}
            onChange={(v) => v && setAcceptanceLevel(v)}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={T.method}
          autosize
          minRows={3}
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value)}
        />
        {problem ? (
          <Alert color="red" variant="light" role="alert">
            {problem.message}
          </Alert>
        ) : (
          <Matrix c={content} />
        )}
        <Group>
          {can('risk.write') && (
            <Button type="submit" loading={save.isPending}>
              {T.saveDraft}
            </Button>
          )}
          {can('risk.approve') && state.draft && (
            <Button
              variant="filled"
              loading={approve.isPending}
              onClick={() =>
                void confirmDanger({
                  title: T.approve,
                  message: T.approveCriteriaConfirm,
                  confirmLabel: T.approve,
                }).then((ok) => ok && approve.mutate())
              }
            >
              {T.approve}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function CriteriaPage() {
  const { orgId, can } = useOrg();
  const criteria = useCriteria(orgId);
  const [editing, setEditing] = useState(false);
  if (criteria.isPending) return <Loading />;
  if (criteria.isError) return <ErrorAlert error={criteria.error} />;
  const s = criteria.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: '4. Implementation' }]}
        title={T.criteriaTitle}
        description={T.criteriaDescription}
        badge={
          <Badge variant="filled" tt="none" color={s.inForce.status === 'approved' ? 'teal.9' : '#9c3d00'}>
            {T.inForce(s.inForce.number, s.inForce.status)}
          </Badge>
        }
        actions={
          can('risk.write') &&
          !editing && <Button onClick={() => setEditing(true)}>{s.draft ? T.editDraft : T.startDraft}</Button>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Summary c={s.inForce} />
          {s.inForce.approvedBy && s.inForce.approvedAt && (
            <Text fz="xs" c="dimmed" mt="sm">
              {T.approvedLine(s.inForce.approvedBy.name, formatDate(s.inForce.approvedAt))}
            </Text>
          )}
        </Paper>
        {/* The editor opens on request only: always open, it showed the same matrix twice (issue 18). */}
        {editing ? (
          <DraftEditor key={s.draft?.version ?? 0} state={s} />
        ) : (
          s.draft &&
          (can('risk.write') || can('risk.approve')) && (
            <Alert color="blue" variant="light" data-testid="criteria-draft-waiting">
              <Group justify="space-between" gap="sm">
                <Text fz="sm">{T.draftWaiting(s.draft.number)}</Text>
                <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
                  {T.reviewDraft}
                </Button>
              </Group>
            </Alert>
          )
        )}
        {s.history.length > 0 && (
          <Stack gap="xs">
            <Title order={2} fz="lg">
              {T.history}
            </Title>
            {s.history.map((c) => (
              <Text key={c.id} fz="sm">
                No. {c.number} ({c.status}){' '}
                {c.approvedBy && c.approvedAt ? T.approvedLine(c.approvedBy.name, formatDate(c.approvedAt)) : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
