import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REVIEW_INPUT_INFO, ZReviewAction, ZUpdateReview, type ReviewInput } from '@fortytwo/domain';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { personOf } from '../../api/people';
import { useMe } from '../../api/session';
import { confirmDanger } from '../../ui/confirm';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { minutesDownloads, refreshReviews, reviewPath, reviewsHref, useReview, type Review } from './api';
import { ReviewForm } from './ReviewForm';
import { statusColor } from './ReviewsPage';
import { REVIEWS_TEXT as T } from './text';

const stateColor = { present: 'teal', empty: 'yellow', missing: 'red' } as const;

function InputCard({ input, warning }: { input: ReviewInput; warning: string | null }) {
  const info = REVIEW_INPUT_INFO[input.key];
  const id = `input-${input.key}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} data-input={input.key}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="sm" id={id}>
            {info.clause} · {info.title}
          </Title>
          <Badge variant="light" color={stateColor[input.state]}>
            {T.inputState[input.state]}
          </Badge>
        </Group>
        <Text fz="sm">{input.summary}</Text>
        {warning && (
          <Text fz="sm" c="red.8">
            {warning}
          </Text>
        )}
        {input.figures.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={2} fz="sm" aria-label={info.title}>
            <Table.Tbody>
              {input.figures.map((f) => (
                <Table.Tr key={f.label}>
                  <Table.Td c="dimmed">{f.label}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {f.value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {input.items.length > 0 && (
          <List size="sm" spacing={2}>
            {input.items.slice(0, 20).map((item, i) => (
              <List.Item key={i}>{item}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

type OutputKey = 'improvementDecisions' | 'changeDecisions' | 'resourceNeeds' | 'conclusion' | 'notes';
const OUTPUTS: OutputKey[] = ['improvementDecisions', 'changeDecisions', 'resourceNeeds', 'conclusion', 'notes'];

function OutputsForm({ orgId, review, canWrite }: { orgId: string; review: Review; canWrite: boolean }) {
  const qc = useQueryClient();
  const initial = Object.fromEntries(OUTPUTS.map((k) => [k, review[k]])) as Record<OutputKey, string>;
  const form = useZodForm(ZUpdateReview, initial, (v) => ({ ...v, version: review.version }));
  const save = useMutation({
    mutationFn: (input: unknown) => api.patch<Review>(reviewPath(orgId, review.id), input),
    onSuccess: async () => {
      await refreshReviews(qc, orgId);
      notifySuccess(T.saved);
    },
    onError: (e) => form.showServerError(e),
  });
  const locked = !canWrite || review.status === 'signed_off';
  return (
    <ValidatedForm form={form} save={save}>
      {OUTPUTS.map((k) => (
        <Textarea {...form.field(k)} key={k} label={T.fields[k]} readOnly={locked} autosize minRows={2} />
      ))}
      {!locked && (
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {T.save}
          </Button>
        </Group>
      )}
    </ValidatedForm>
  );
}

function AddAction({ orgId, review }: { orgId: string; review: Review }) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const empty = { title: '', ownerId: null as string | null, dueDate: '' };
  const form = useZodForm(ZReviewAction, empty, (v) => ({ ...v, dueDate: v.dueDate || null }));
  const save = useMutation({
    mutationFn: (input: unknown) => api.post(`${reviewPath(orgId, review.id)}/actions`, input),
    onSuccess: async () => {
      await refreshReviews(qc, orgId);
      notifySuccess(T.actionAdded);
      form.reset(empty);
    },
    onError: (e) => form.showServerError(e),
  });
  return (
    <ValidatedForm form={form} save={save} gap="xs">
      <TextInput {...form.field('title')} label={T.actionTitle} />
      <Group grow align="flex-start">
        <Select
          {...form.field('ownerId')}
          label={T.actionOwner}
          data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
          clearable
          searchable
        />
        <TextInput {...form.field('dueDate')} label={T.actionDue} type="date" />
      </Group>
      <Group justify="flex-end">
        <Button type="submit" variant="light" loading={save.isPending}>
          {T.addAction}
        </Button>
      </Group>
    </ValidatedForm>
  );
}

export function ReviewPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const q = useReview(orgId, id);
  const [editing, setEditing] = useState(false);
  const canWrite = can('review.write');
  const advance = useMutation({
    mutationFn: ({ path, version }: { path: 'hold' | 'sign-off'; version: number }) =>
      api.post<Review>(`${reviewPath(orgId, id)}/${path}`, { version }),
    onSuccess: async (_r, { path }) => {
      await refreshReviews(qc, orgId);
      notifySuccess(path === 'hold' ? T.held : T.signedOff);
    },
    onError: (e) => notifyError(e),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(reviewPath(orgId, id)),
    onSuccess: async () => {
      await refreshReviews(qc, orgId);
      await navigate(reviewsHref(orgId));
    },
    onError: (e) => notifyError(e),
  });

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const isChair = !!me.data && r.chairId === me.data.user.id;
  const ask = (title: string, message: string, then: () => void) =>
    void confirmDanger({ title, message, confirmLabel: title }).then((ok) => ok && then());

  return (
    <>
      <PageHeader
        crumbs={[{ label: T.title, to: reviewsHref(orgId) }, { label: r.ref }]}
        title={`${r.ref} ${r.title}`}
        description={`${T.fields.meetingDate}: ${formatDate(r.meetingDate)}`}
        badge={
          <Badge variant="light" color={statusColor(r.status)}>
            {T.status[r.status]}
          </Badge>
        }
        actions={
          <>
            <DownloadMenu label={T.minutes} items={minutesDownloads(orgId, r.id)} />
            {canWrite && r.status === 'planned' && (
              <>
                <Button variant="default" onClick={() => setEditing(true)}>
                  {T.edit}
                </Button>
                <Button
                  loading={advance.isPending}
                  onClick={() => ask(T.hold, T.holdConfirm, () => advance.mutate({ path: 'hold', version: r.version }))}
                >
                  {T.hold}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  loading={remove.isPending}
                  onClick={() => ask(T.delete, T.deleteConfirm(r.ref), () => remove.mutate())}
                >
                  {T.delete}
                </Button>
              </>
            )}
            {can('review.approve') && r.status === 'held' && isChair && (
              <Button
                loading={advance.isPending}
                onClick={() =>
                  ask(T.signOff, T.signOffConfirm, () => advance.mutate({ path: 'sign-off', version: r.version }))
                }
              >
                {T.signOff}
              </Button>
            )}
          </>
        }
      />
      {canWrite && r.status === 'planned' && (
        <ReviewForm key={r.version} orgId={orgId} review={r} opened={editing} onClose={() => setEditing(false)} />
      )}
      {r.warnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={T.warningsTitle}
          mb="lg"
          data-testid="review-warnings"
        >
          <List size="sm" spacing={2}>
            {r.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {r.signedOffBy && (
        <Alert color="teal" variant="light" mb="lg">
          {T.signedOffBy(r.signedOffBy.name, formatDate(r.signedOffAt))}. {T.outputsLocked}{' '}
          {r.minutesDocumentId && (
            <Anchor component={Link} to={`/orgs/${orgId}/documents/${r.minutesDocumentId}`}>
              {T.minutesRecord}
            </Anchor>
          )}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm" component="section" aria-labelledby="review-pack">
            <Title order={2} fz="md" id="review-pack">
              {T.packTitle}
            </Title>
            <Text fz="sm" c="dimmed" data-testid="pack-state">
              {r.packFrozen ? T.packFrozen(formatDate(r.heldAt), r.packSince && formatDate(r.packSince)) : T.packLive}
            </Text>
            {r.pack.map((input) => (
              <InputCard
                key={input.key}
                input={input}
                warning={r.inputs.find((i) => i.key === input.key)?.warning ?? null}
              />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="review-attendees">
              <Title order={2} fz="md" id="review-attendees" mb="sm">
                {T.attendeesTitle}
              </Title>
              <SimpleGrid cols={1} spacing={6}>
                {r.attendees.map((a) => (
                  <Group key={a.id} gap={6}>
                    <Text fz="sm">{a.name}</Text>
                    {a.id === r.chairId && (
                      <Badge size="sm" variant="outline">
                        {T.chair}
                      </Badge>
                    )}
                    {a.topManagement && (
                      <Badge size="sm" variant="light">
                        {T.topManagement}
                      </Badge>
                    )}
                  </Group>
                ))}
              </SimpleGrid>
            </Paper>
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="review-outputs">
              <Title order={2} fz="md" id="review-outputs" mb="sm">
                {T.outputsTitle}
              </Title>
              <OutputsForm key={r.version} orgId={orgId} review={r} canWrite={canWrite} />
            </Paper>
            <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="review-actions">
              <Title order={2} fz="md" id="review-actions" mb="sm">
                {T.actionsTitle}
              </Title>
              {r.actions.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {T.actionsEmpty}
                </Text>
              ) : (
                <Table aria-label={T.actionsTitle} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{T.actionTitle}</Table.Th>
                      <Table.Th>{T.actionOwner}</Table.Th>
                      <Table.Th>{T.actionDue}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.actions.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{a.title}</Table.Td>
                        <Table.Td>{personOf(r.people, a.ownerId)?.name ?? T.none}</Table.Td>
                        <Table.Td>{a.dueDate ? formatDate(a.dueDate) : T.none}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {canWrite && r.status !== 'signed_off' && <AddAction orgId={orgId} review={r} />}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
