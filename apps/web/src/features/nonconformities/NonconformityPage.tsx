import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CAUSE_CATEGORIES, type CauseCategory, type RootCauseMethod } from '@fortytwo/domain';
import { api } from '../../api/client';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { ncPath, ncsHref, refreshNonconformities, useNonconformity, type NonconformityRecord } from './api';
import { personOf } from '../../api/people';
import { NC_TEXT as T } from './text';

function Analysis({ orgId, nc, editable }: { orgId: string; nc: NonconformityRecord; editable: boolean }) {
  const qc = useQueryClient();
  const [f, setF] = useState({
    correction: nc.correction,
    whys: nc.whys.join('\n'),
    rootCause: nc.rootCause,
    similarCases: nc.similarCases,
  });
  const [method, setMethod] = useState<RootCauseMethod>(nc.rootCauseMethod);
  const [categories, setCategories] = useState<string[]>(nc.causeCategories);
  const [reviewAfterDays, setReviewAfterDays] = useState<number>(nc.reviewAfterDays);
  const [busy, setBusy] = useState(false);
  // Read the value now: React runs the updater later, when the event's currentTarget is already null.
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const save = async () => {
    setBusy(true);
    try {
      await api.patch(ncPath(orgId, nc.id), {
        version: nc.version,
        correction: f.correction,
        rootCauseMethod: method,
        whys: f.whys
          .split('\n')
          .map((w) => w.trim())
          .filter(Boolean),
        causeCategories: categories as CauseCategory[],
        rootCause: f.rootCause,
        similarCases: f.similarCases,
        reviewAfterDays,
      });
      await refreshNonconformities(qc, orgId);
      notifySuccess(`${nc.ref} saved`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Textarea
          label={T.fields.correction}
          autosize
          value={f.correction}
          onChange={set('correction')}
          disabled={!editable}
        />
        <SegmentedControl
          value={method}
          onChange={(v) => setMethod(v)}
          disabled={!editable}
          data={[
            { value: 'five_whys', label: '5 whys' },
            { value: 'categories', label: 'Cause categories' },
          ]}
          aria-label={T.fields.rootCauseMethod}
        />
        {method === 'five_whys' ? (
          <Textarea
            label={T.fields.whys}
            autosize
            minRows={3}
            value={f.whys}
            onChange={set('whys')}
            disabled={!editable}
          />
        ) : (
          <MultiSelect
            label={T.fields.causeCategories}
            data={CAUSE_CATEGORIES.map((c) => ({ value: c, label: T.category[c] }))}
            value={categories}
            onChange={setCategories}
            disabled={!editable}
          />
        )}
        <Textarea
          label={T.fields.rootCause}
          autosize
          value={f.rootCause}
          onChange={set('rootCause')}
          disabled={!editable}
        />
        <Textarea
          label={T.fields.similarCases}
          autosize
          value={f.similarCases}
          onChange={set('similarCases')}
          disabled={!editable}
        />
        <NumberInput
          label={T.fields.reviewAfterDays}
          min={1}
          max={730}
          value={reviewAfterDays}
          onChange={(v) => setReviewAfterDays(Number(v) || 1)}
          disabled={!editable}
          maw={280}
        />
        {editable && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={busy}>
              {T.save}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Actions({ orgId, nc, editable }: { orgId: string; nc: NonconformityRecord; editable: boolean }) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const add = async () => {
    try {
      await api.post(`${ncPath(orgId, nc.id)}/actions`, { title, ownerId, dueDate });
      setTitle('');
      await refreshNonconformities(qc, orgId);
    } catch (e) {
      notifyError(e);
    }
  };
  const done = async (a: NonconformityRecord['actions'][number]) => {
    try {
      await api.patch(`/api/orgs/${encodeURIComponent(orgId)}/actions/${a.id}`, { version: a.version, status: 'done' });
      await refreshNonconformities(qc, orgId);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={2} fz="lg">
        {T.actions}
      </Title>
      <Table aria-label={T.actions}>
        <Table.Tbody>
          {nc.actions.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.title}</Table.Td>
              <Table.Td>{personOf(nc.people, a.ownerId)?.name ?? T.none}</Table.Td>
              <Table.Td>{formatDate(a.dueDate)}</Table.Td>
              <Table.Td>
                {a.status === 'done' ? (
                  <Badge color="teal" variant="light">
                    Done
                  </Badge>
                ) : (
                  <Button size="xs" variant="light" onClick={() => void done(a)}>
                    Mark done
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && nc.status === 'open' && (
        <Group align="flex-end">
          <TextInput
            label="Action"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Select
            label="Owner"
            data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
            value={ownerId}
            onChange={setOwnerId}
            searchable
          />
          <TextInput type="date" label="Due date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
          <Button onClick={() => void add()}>{T.addAction}</Button>
        </Group>
      )}
    </Stack>
  );
}

function Steps({ orgId, nc }: { orgId: string; nc: NonconformityRecord }) {
  const { can } = useOrg();
  const qc = useQueryClient();
  const [notes, setNotes] = useState('');
  const run = async (path: string, body: Record<string, unknown> = {}) => {
    try {
      await api.post(`${ncPath(orgId, nc.id)}/${path}`, { version: nc.version, ...body });
      await refreshNonconformities(qc, orgId);
    } catch (e) {
      notifyError(e);
    }
  };
  const blockers = (list: string[]) =>
    list.length > 0 && (
      <Alert color="gray" variant="light">
        {list.join(' ')}
      </Alert>
    );
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        {nc.status === 'open' && can('nonconformity.write') && (
          <>
            {blockers(nc.blockers.plan)}
            <Button onClick={() => void run('plan')} disabled={nc.blockers.plan.length > 0}>
              {T.plan}
            </Button>
          </>
        )}
        {nc.status === 'actions_planned' && can('nonconformity.write') && (
          <>
            {blockers(nc.blockers.start_review)}
            <Button onClick={() => void run('start-review')} disabled={nc.blockers.start_review.length > 0}>
              {T.startReview}
            </Button>
          </>
        )}
        {nc.status === 'effectiveness_review' && can('nonconformity.close') && (
          <>
            <Text fz="sm">Effectiveness review due {formatDate(nc.reviewDue)}.</Text>
            <Textarea label={T.reviewNotes} autosize value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
            <Group>
              <Button onClick={() => void run('review', { effective: true, notes })}>{T.effective}</Button>
              <Button color="red" variant="light" onClick={() => void run('review', { effective: false, notes })}>
                {T.notEffective}
              </Button>
            </Group>
          </>
        )}
        {nc.status === 'verified' && can('nonconformity.close') && (
          <>
            {blockers(nc.blockers.close)}
            <Button onClick={() => void run('close')} disabled={nc.blockers.close.length > 0}>
              {T.close}
            </Button>
          </>
        )}
        {nc.reviewedAt && (
          <Text fz="sm">
            Reviewed by {nc.reviewedByName} on {formatDateTime(nc.reviewedAt)}:{' '}
            {nc.effective ? 'effective' : 'not effective'}. {nc.effectivenessNotes}
          </Text>
        )}
        {nc.closedAt && (
          <Text fz="sm">
            Closed by {nc.closedByName} on {formatDateTime(nc.closedAt)}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** One nonconformity: the analysis, corrective actions and the steps to closure. */
export function NonconformityPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const nc = useNonconformity(orgId, id);
  if (nc.isPending) return <Loading />;
  if (nc.isError) return <ErrorAlert error={nc.error} onRetry={() => void nc.refetch()} />;
  const n = nc.data;
  const editable = can('nonconformity.write') && n.status !== 'closed';
  return (
    <>
      <PageHeader
        title={`${n.ref} ${n.title}`}
        description={
          <>
            <Anchor component={Link} to={ncsHref(orgId)}>
              {T.title}
            </Anchor>{' '}
            · {n.grade} · {T.source[n.source]} {n.sourceRef ?? ''} {n.clauseRef ? `· ${n.clauseRef}` : ''}
          </>
        }
      />
      <Stack gap="lg">
        <Group gap="xs">
          <Badge variant="light" color={n.status === 'closed' ? 'teal' : 'blue'} data-testid="nc-status">
            {T.status[n.status]}
          </Badge>
          {n.overdue && <Badge color="red">Overdue</Badge>}
          <Text fz="sm">
            Owner: {personOf(n.people, n.ownerId)?.name ?? T.none} · Raised by{' '}
            {n.raisedBy?.name ?? (n.raisedByName || T.none)} · Response due {formatDate(n.responseDue)}
          </Text>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{n.statement}</Text>
        <Analysis key={n.version} orgId={orgId} nc={n} editable={editable} />
        <Actions orgId={orgId} nc={n} editable={editable} />
        <Steps orgId={orgId} nc={n} />
      </Stack>
    </>
  );
}
