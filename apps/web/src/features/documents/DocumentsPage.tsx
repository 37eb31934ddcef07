import { Anchor, Button, Checkbox, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { IconFilePlus, IconFiles } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { RegisterTable, type RegisterColumn } from '../../ui/register';
import { FirstVisit } from '../../ui/FirstVisit';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { documentHref, masterListHref, newDocumentHref, useDocumentRegister, type DocumentOut } from './api';
import { personOf, type People } from '../../api/people';
import { DocumentStateBadge, documentState, MASTER_STATE_LABELS } from './labels';
import classes from './documents.module.css';

const STATES = ['draft', 'in_review', 'approved', 'published', 'stale', 'withdrawn'] as const;

/** The register of the organization's controlled documents, filtered by type, state, owner and staleness (kept in the URL). */
export function DocumentsPage() {
  const { orgId, can } = useOrg();
  const docs = useDocumentRegister(orgId);
  const [params, setParams] = useSearchParams();
  const f = {
    type: params.get('type'),
    state: params.get('state'),
    owner: params.get('owner'),
    stale: params.get('stale') === '1',
  };
  const update = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v) p.set(k, v);
        else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const all = docs.data?.items ?? [];
  const people = docs.data?.people;
  const shown = all.filter(
    (d) =>
      (!f.type || d.typeId === f.type) &&
      (!f.state || documentState(d) === f.state) &&
      (!f.owner || d.ownerId === f.owner) &&
      (!f.stale || !!d.stale),
  );
  const types = [...new Map(all.map((d) => [d.typeId, d.typeTitle])).entries()];
  const owners = [
    ...new Map(
      all.flatMap((d) => {
        const owner = personOf(people, d.ownerId);
        return owner ? [[owner.id, owner.name] as const] : [];
      }),
    ).entries(),
  ];
  const navigate = useNavigate();
  const columns = useMemo(() => columns_(orgId, people ?? {}), [orgId, people]);

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Plan' }, { label: 'Documentation', to: masterListHref(orgId) }]}
        title="Documents"
        description="Every controlled document of the organization: its code, the version in force and the one being worked on, who owns it, and whether its records changed since it was published."
        actions={
          can('document.write') && (
            <Button component={Link} to={newDocumentHref(orgId)} leftSection={<IconFilePlus size={16} />}>
              New document
            </Button>
          )
        }
      />
      {docs.isPending ? (
        <Loading />
      ) : docs.isError ? (
        <ErrorAlert error={docs.error} onRetry={() => void docs.refetch()} />
      ) : all.length === 0 ? (
        <FirstVisit
          icon={<IconFiles size={32} />}
          title="No document yet"
          body="Create a document from its template: Fortytwo writes the first draft from your scope, risks, controls and roles, and leaves [[placeholders]] where only you can answer."
          why="ISO/IEC 42001 asks for documented information under control (7.5): identified, reviewed, approved, versioned and available to those who need it."
          readOnlyNote={
            can('document.write')
              ? undefined
              : 'Your role can read documents; a contributor, manager or owner creates them.'
          }
          actions={
            can('document.write') && (
              <Button component={Link} to={newDocumentHref(orgId)} leftSection={<IconFilePlus size={16} />}>
                Create from template
              </Button>
            )
          }
        />
      ) : (
        <Stack gap="md">
          <RegisterTable
            orgId={orgId}
            register="documents"
            label="Documents"
            testId="documents-table"
            rows={shown}
            columns={columns}
            getRowId={(d) => d.id}
            onOpen={(d) => void navigate(documentHref(orgId, d.id))}
            rowAttributes={(d) => ({ 'data-testid': 'document-row', 'data-code': d.code })}
            countText={`Showing ${shown.length} of ${all.length} documents`}
            noMatch={{ title: 'No document matches these filters', body: 'Change a filter or clear them all.' }}
            exportName="documents"
            minWidth={900}
            filters={
              <>
                <Select
                  label="Type"
                  placeholder="Any type"
                  data={types.map(([value, label]) => ({ value, label }))}
                  value={f.type}
                  onChange={(v) => update('type', v)}
                  clearable
                  w={240}
                />
                <Select
                  label="State"
                  placeholder="Any state"
                  data={STATES.map((s) => ({ value: s, label: MASTER_STATE_LABELS[s] }))}
                  value={f.state}
                  onChange={(v) => update('state', v)}
                  clearable
                  w={160}
                />
                <Select
                  label="Owner"
                  placeholder="Anyone"
                  data={owners.map(([value, label]) => ({ value, label }))}
                  value={f.owner}
                  onChange={(v) => update('owner', v)}
                  clearable
                  w={200}
                />
                <Checkbox
                  label="Stale only"
                  checked={f.stale}
                  onChange={(e) => update('stale', e.currentTarget.checked ? '1' : null)}
                  mb={8}
                />
              </>
            }
          />
        </Stack>
      )}
    </>
  );
}

const columns_ = (orgId: string, people: People): RegisterColumn<DocumentOut>[] => [
  {
    id: 'code',
    header: 'Code',
    width: 140,
    alwaysVisible: true,
    sortValue: (d) => d.code,
    cell: (d) => (
      <Anchor component={Link} to={documentHref(orgId, d.id)} className={classes.mono} fw={600}>
        {d.code}
      </Anchor>
    ),
  },
  {
    id: 'title',
    header: 'Title',
    sortValue: (d) => d.title.toLowerCase(),
    text: (d) => d.title,
    cell: (d) => (
      <>
        <Text fz="sm" fw={600}>
          {d.title}
        </Text>
        <Text fz="xs" c="dimmed">
          {d.typeTitle} · {d.refs.join(', ')}
        </Text>
        {d.reviewOverdue && (
          <Text fz="xs" className={classes.danger}>
            Review overdue
          </Text>
        )}
      </>
    ),
  },
  {
    id: 'state',
    header: 'State',
    width: 120,
    sortValue: (d) => MASTER_STATE_LABELS[documentState(d)],
    cell: (d) => <DocumentStateBadge doc={d} />,
  },
  {
    id: 'inForce',
    header: 'In force',
    width: 110,
    sortValue: (d) => d.inForce?.label ?? null,
    cell: (d) => <Text fz="sm">{d.inForce?.label ?? '—'}</Text>,
  },
  {
    id: 'newest',
    header: 'Newest',
    width: 110,
    text: (d) => (d.latest.id === d.inForce?.id ? '' : d.latest.label),
    cell: (d) => <Text fz="sm">{d.latest.id === d.inForce?.id ? '—' : d.latest.label}</Text>,
  },
  {
    id: 'owner',
    header: 'Owner',
    width: 150,
    sortValue: (d) => personOf(people, d.ownerId)?.name ?? null,
    cell: (d) => (
      <Text fz="sm" c={d.ownerId ? undefined : 'dimmed'}>
        {d.ownerId ? (personOf(people, d.ownerId)?.name ?? 'a former member') : 'No owner'}
      </Text>
    ),
  },
  {
    id: 'nextReview',
    header: 'Next review',
    width: 130,
    sortValue: (d) => d.inForce?.nextReviewAt ?? null,
    cell: (d) => (
      <Text fz="sm" className={d.reviewOverdue ? classes.danger : undefined}>
        {formatDate(d.inForce?.nextReviewAt)}
      </Text>
    ),
  },
];
