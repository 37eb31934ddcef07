import { Anchor, Button, Center, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconFilePlus, IconFiles } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { FirstVisit } from '../../ui/FirstVisit';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { documentHref, masterListHref, newDocumentHref, useDocuments, type DocumentOut } from './api';
import { DocumentStateBadge, documentState, MASTER_STATE_LABELS } from './labels';
import classes from './documents.module.css';

const STATES = ['draft', 'in_review', 'approved', 'published', 'stale', 'withdrawn'] as const;

/** The register of the organization's controlled documents, filtered by type, state, owner and staleness (kept in the URL). */
export function DocumentsPage() {
  const { orgId, can } = useOrg();
  const docs = useDocuments(orgId);
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
  const all = docs.data ?? [];
  const shown = all.filter(
    (d) =>
      (!f.type || d.typeId === f.type) &&
      (!f.state || documentState(d) === f.state) &&
      (!f.owner || d.owner?.id === f.owner) &&
      (!f.stale || !!d.stale),
  );
  const types = [...new Map(all.map((d) => [d.typeId, d.typeTitle])).entries()];
  const owners = [...new Map(all.filter((d) => d.owner).map((d) => [d.owner!.id, d.owner!.name])).entries()];
  const filtered = !!(f.type || f.state || f.owner || f.stale);

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
          <Group align="flex-end" gap="md" wrap="wrap">
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
          </Group>
          <Group gap="xs" mih={28}>
            <Text fz="sm" c="dimmed" aria-live="polite">
              Showing {shown.length} of {all.length} documents
            </Text>
            {filtered && (
              <Button variant="subtle" size="compact-sm" onClick={() => setParams({}, { replace: true })}>
                Clear filters
              </Button>
            )}
          </Group>
          <Paper withBorder radius="md">
            {shown.length === 0 ? (
              <Center py={48}>
                <Stack align="center" gap={4}>
                  <Text fw={600}>No document matches these filters</Text>
                  <Button variant="subtle" onClick={() => setParams({}, { replace: true })}>
                    Clear filters
                  </Button>
                </Stack>
              </Center>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing="sm" className={classes.table} data-testid="documents-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={140}>Code</Table.Th>
                      <Table.Th>Title</Table.Th>
                      <Table.Th w={120}>State</Table.Th>
                      <Table.Th w={110}>In force</Table.Th>
                      <Table.Th w={110}>Newest</Table.Th>
                      <Table.Th w={150}>Owner</Table.Th>
                      <Table.Th w={130}>Next review</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((d) => (
                      <Row key={d.id} orgId={orgId} d={d} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}

function Row({ orgId, d }: { orgId: string; d: DocumentOut }) {
  return (
    <Table.Tr data-testid="document-row" data-code={d.code}>
      <Table.Td>
        <Anchor component={Link} to={documentHref(orgId, d.id)} className={classes.mono} fw={600}>
          {d.code}
        </Anchor>
      </Table.Td>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <DocumentStateBadge doc={d} />
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{d.inForce?.label ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{d.latest.id === d.inForce?.id ? '—' : d.latest.label}</Text>
      </Table.Td>
      <Table.Td>
        <Text fz="sm" c={d.owner ? undefined : 'dimmed'}>
          {d.owner?.name ?? 'No owner'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text fz="sm" className={d.reviewOverdue ? classes.danger : undefined}>
          {formatDate(d.inForce?.nextReviewAt)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
