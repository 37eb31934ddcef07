import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { RegisterView, RichText, type RegisterRendering } from '../documents/ReadSections';
import { useOrg } from '../shell/org-context';
import {
  documentPdfHref,
  evidenceFileHref,
  useWorkspace,
  workspacePath,
  type EvidenceRequest,
  type SoaVersion,
  type WorkspaceDocumentDetail,
} from './api';
import { RequestForm } from './RequestForm';
import { AUDITOR_WORKSPACE_TEXT as T } from './text';

// Where an external auditor lands: the curated set, read-only, and their requests. Opening a
// document or the SoA here is what the access log records.

function DocumentModal({ orgId, id, onClose }: { orgId: string; id: string; onClose: () => void }) {
  const doc = useQuery({
    queryKey: ['auditor-workspace', orgId, 'document', id],
    queryFn: () => api.get<WorkspaceDocumentDetail>(`${workspacePath(orgId)}/documents/${id}`),
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={doc.data ? `${doc.data.code} ${doc.data.title}` : T.view}>
      {doc.isPending ? (
        <Loading />
      ) : doc.isError ? (
        <ErrorAlert error={doc.error} />
      ) : doc.data.content.kind === 'register' ? (
        doc.data.content.frozen ? (
          <RegisterView rendering={doc.data.content.frozen as RegisterRendering} />
        ) : null
      ) : (
        <Stack gap="md">
          {doc.data.content.sections.map((s) => (
            <div key={s.key}>
              <Title order={3} fz="md" mb="xs">
                {s.title}
              </Title>
              <RichText doc={s.body} />
            </div>
          ))}
        </Stack>
      )}
    </Modal>
  );
}

function SoaModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const soa = useQuery({
    queryKey: ['auditor-workspace', orgId, 'soa'],
    queryFn: () => api.get<SoaVersion>(`${workspacePath(orgId)}/soa`),
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={T.soa}>
      {soa.isPending ? (
        <Loading />
      ) : soa.isError ? (
        <ErrorAlert error={soa.error} />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Included</Table.Th>
              <Table.Th>Justification</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {soa.data.items.map((i) => (
              <Table.Tr key={i.ref}>
                <Table.Td>
                  {i.ref} {i.title}
                </Table.Td>
                <Table.Td>{i.included === null ? '—' : i.included ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>{i.justification}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}

export function RequestStatus({ r }: { r: EvidenceRequest }) {
  return (
    <Badge color={r.status === 'answered' ? 'teal' : 'orange'} variant="light">
      {T.status[r.status]}
    </Badge>
  );
}

export function WorkspacePage() {
  const { orgId, can } = useOrg();
  const ws = useWorkspace(orgId);
  const [doc, setDoc] = useState<string | null>(null);
  const [soa, setSoa] = useState(false);
  const [asking, setAsking] = useState(false);
  if (ws.isPending) return <Loading />;
  if (ws.isError) return <ErrorAlert error={ws.error} />;
  const w = ws.data;
  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <Group>
            {can('auditor_workspace.manage') && (
              <Button component={Link} to={`/orgs/${orgId}/auditor-workspace/manage`} variant="default">
                {T.manageTitle}
              </Button>
            )}
            {can('evidence_request.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAsking(true)}>
                {T.newRequest}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {w.accessExpiresAt && <Text c="dimmed">{T.accessUntil(formatDate(w.accessExpiresAt))}</Text>}
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ws-documents">
          <Title order={2} fz="lg" id="ws-documents" mb="sm">
            {T.documents}
          </Title>
          {w.documents.length === 0 ? (
            <Text c="dimmed">{T.noDocuments}</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {w.documents.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      {d.code} {d.title}
                    </Table.Td>
                    <Table.Td>
                      v{d.versionLabel} · {formatDate(d.publishedAt)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setDoc(d.id)}
                          aria-label={`${T.view} ${d.title}`}
                        >
                          {T.view}
                        </Button>
                        <Button size="xs" variant="default" component="a" href={documentPdfHref(orgId, d.id)} download>
                          {T.pdf}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ws-soa">
          <Group justify="space-between">
            <Title order={2} fz="lg" id="ws-soa">
              {T.soa}
            </Title>
            {w.soa && (
              <Button size="xs" variant="light" onClick={() => setSoa(true)}>
                {T.view}
              </Button>
            )}
          </Group>
          <Text c="dimmed" mt="xs">
            {w.soa ? T.soaApproved(w.soa.version, formatDate(w.soa.approvedAt)) : T.noSoa}
          </Text>
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ws-evidence">
          <Title order={2} fz="lg" id="ws-evidence" mb="sm">
            {T.evidence}
          </Title>
          {w.evidence.length === 0 ? (
            <Text c="dimmed">{T.noEvidence}</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {w.evidence.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {e.reference} {e.title}
                    </Table.Td>
                    <Table.Td>{e.expiresOn ? formatDate(e.expiresOn) : ''}</Table.Td>
                    <Table.Td align="right">
                      {e.kind === 'file' ? (
                        <Anchor href={evidenceFileHref(orgId, e.id)} download>
                          {T.download} {e.file?.name}
                        </Anchor>
                      ) : (
                        e.url && (
                          <Anchor href={e.url} target="_blank" rel="noreferrer">
                            {T.open}
                          </Anchor>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ws-requests">
          <Title order={2} fz="lg" id="ws-requests" mb="sm">
            {T.requests}
          </Title>
          {w.requests.length === 0 ? (
            <Text c="dimmed">{T.noRequests}</Text>
          ) : (
            <Stack gap="sm">
              {w.requests.map((r) => (
                <Paper key={r.id} withBorder p="sm" component="article" aria-label={`${r.ref} ${r.title}`}>
                  <Group gap="xs">
                    <RequestStatus r={r} />
                    <Text fw={600}>
                      {r.ref} {r.title}
                    </Text>
                    {r.subjectRef && <Text c="dimmed">{r.subjectRef}</Text>}
                  </Group>
                  {r.status === 'answered' && (
                    <Stack gap={4} mt="xs">
                      {r.answeredByName && <Text fz="sm">{T.answeredBy(r.answeredByName)}</Text>}
                      {r.answer && <Text fz="sm">{r.answer}</Text>}
                      {r.evidence.map((e) => (
                        <Text key={e.id} fz="sm">
                          {e.reference} {e.title}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Paper>
              ))}
            </Stack>
          )}
        </Paper>
      </Stack>
      {doc && <DocumentModal orgId={orgId} id={doc} onClose={() => setDoc(null)} />}
      {soa && <SoaModal orgId={orgId} onClose={() => setSoa(false)} />}
      {asking && <RequestForm orgId={orgId} onClose={() => setAsking(false)} />}
    </>
  );
}
