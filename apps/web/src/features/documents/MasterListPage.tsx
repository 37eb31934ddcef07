import { Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFilePlus, IconFiles, IconSettings } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  documentHref,
  documentsHref,
  masterListDownloads,
  newDocumentHref,
  settingsHref,
  useDocumentTypes,
  useMasterList,
  type DocumentType,
  type MasterItem,
} from './api';
import { StateBadge } from './labels';
import { masterProgress } from './progress';
import classes from './documents.module.css';

// How the standard words each item: information to keep available, to document, or records to retain.
const BASIS: Record<string, string> = {
  available: 'to keep available',
  document: 'to document',
  retain: 'records to retain',
};

// Where the records that meet a "records" line live in Fortytwo.
const RECORD_PAGES: Record<string, string> = {
  'ai-risk-opportunity-actions': 'risks',
  'ai-risk-assessment-results': 'risks',
  'ai-risk-treatment-results': 'risk-treatment-plan',
  'ai-system-impact-assessments': 'impact-assessments',
};

function Where({
  orgId,
  item,
  type,
  canWrite,
}: {
  orgId: string;
  item: MasterItem;
  type: DocumentType | undefined;
  canWrite: boolean;
}) {
  if (item.documentId && item.code)
    return (
      <Anchor component={Link} to={documentHref(orgId, item.documentId)} fz="sm" fw={600} className={classes.mono}>
        {item.code}
      </Anchor>
    );
  if (item.records !== null || RECORD_PAGES[item.key]) {
    const page = RECORD_PAGES[item.key];
    return page ? (
      <Anchor component={Link} to={`/orgs/${orgId}/${page}`} fz="sm">
        {item.records ?? 'Open the register'}
      </Anchor>
    ) : (
      <Text fz="sm">{item.records}</Text>
    );
  }
  if (type && canWrite)
    return (
      <Button
        component={Link}
        to={newDocumentHref(orgId, type.id)}
        size="compact-sm"
        variant="light"
        leftSection={<IconFilePlus size={14} />}
        aria-label={`Create from template: ${type.title}`}
      >
        Create from template
      </Button>
    );
  return (
    <Text fz="sm" c="dimmed">
      {type ? 'Not created yet' : 'Kept outside Fortytwo'}
    </Text>
  );
}

function Lines({
  orgId,
  items,
  types,
  canWrite,
  caption,
}: {
  orgId: string;
  items: MasterItem[];
  types: DocumentType[];
  canWrite: boolean;
  caption: string;
}) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" className={classes.table} data-testid="master-list">
          <caption className={classes.caption}>{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Documented information</Table.Th>
              <Table.Th w={190}>Met by</Table.Th>
              <Table.Th w={124}>State</Table.Th>
              <Table.Th w={76}>Version</Table.Th>
              <Table.Th w={130}>Owner</Table.Th>
              <Table.Th w={116}>Next review</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.key} data-key={i.key} data-testid="master-line">
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {i.title}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {i.refs.join(', ')}
                    {` · ${BASIS[i.basis] ?? 'the organization\u2019s own'}`}
                  </Text>
                  {i.problems.map((p) => (
                    <Text key={p} fz="xs" className={classes.danger} mt={2} data-testid="master-problem">
                      {p}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Where orgId={orgId} item={i} type={types.find((t) => t.meets.includes(i.key))} canWrite={canWrite} />
                </Table.Td>
                <Table.Td>
                  <StateBadge state={i.state} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{i.version ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={i.owner ? undefined : 'dimmed'}>
                    {i.owner ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{i.nextReviewAt ? formatDate(i.nextReviewAt) : '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Step 3's landing page: the master list of documented information (7.5.1), what meets each line and what is missing. */
export function MasterListPage() {
  const { orgId, can } = useOrg();
  const list = useMasterList(orgId);
  const types = useDocumentTypes(orgId);
  const canWrite = can('document.write');
  const p = list.data ? masterProgress(list.data) : null;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Plan' }, { label: 'Step 3' }]}
        title="Documentation"
        description="The master list of documented information: every document and record ISO/IEC 42001 requires, what meets it in your organization, and what is still missing, unapproved, stale or overdue. An auditor asks for this first."
        actions={
          <DownloadMenu
            label="Export"
            hint="The evidence package holds every document in force with its SHA-256, for an auditor to check offline."
            items={masterListDownloads(orgId)}
          />
        }
      />
      {list.isPending || types.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : types.isError ? (
        <ErrorAlert error={types.error} onRetry={() => void types.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="docs-progress">
              <Stack gap="xs">
                <Title order={2} fz="md" id="docs-progress">
                  Mandatory documented information
                </Title>
                <Text fz="sm" data-testid="docs-progress-text">
                  <Text span fw={700} fz={24}>
                    {p!.met}
                  </Text>{' '}
                  of {p!.required} met without a problem · {p!.inForce} documents in force
                </Text>
                <Progress
                  value={p!.required ? (p!.met / p!.required) * 100 : 0}
                  color="teal"
                  size="lg"
                  aria-label={`${p!.met} of ${p!.required} mandatory items met`}
                />
                <Text fz="xs" c="dimmed">
                  {p!.withProblems
                    ? `${p!.withProblems} lines need attention: their problems are listed in red below.`
                    : 'No line has a problem.'}
                </Text>
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="docs-next">
              <Stack gap="xs">
                <Title order={2} fz="md" id="docs-next">
                  What to do next
                </Title>
                <Text fz="sm">
                  Each document is written from your registers (scope, risks, controls, roles), then reviewed, approved
                  and published. Fill the few [[placeholders]] left for you, and send it to a reviewer.
                </Text>
                <Group gap="sm" mt={4}>
                  {canWrite && (
                    <Button component={Link} to={newDocumentHref(orgId)} leftSection={<IconFilePlus size={16} />}>
                      New document
                    </Button>
                  )}
                  <Button
                    component={Link}
                    to={documentsHref(orgId)}
                    variant="default"
                    leftSection={<IconFiles size={16} />}
                  >
                    All documents
                  </Button>
                  <Button
                    component={Link}
                    to={settingsHref(orgId)}
                    variant="subtle"
                    leftSection={<IconSettings size={16} />}
                  >
                    Document settings
                  </Button>
                </Group>
              </Stack>
            </Paper>
          </SimpleGrid>
          <Lines
            orgId={orgId}
            items={list.data.filter((i) => i.mandatory)}
            types={types.data}
            canWrite={canWrite}
            caption="Required by ISO/IEC 42001"
          />
          {list.data.some((i) => !i.mandatory) && (
            <Lines
              orgId={orgId}
              items={list.data.filter((i) => !i.mandatory)}
              types={types.data}
              canWrite={canWrite}
              caption="The organization's other documents"
            />
          )}
        </Stack>
      )}
    </>
  );
}
