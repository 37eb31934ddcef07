import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconFilePlus, IconWand } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, errorMessage, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import {
  documentHref,
  documentsPath,
  masterListHref,
  refreshDocuments,
  settingsHref,
  useDocumentSettings,
  useDocumentTypes,
  useDocuments,
  type DocumentDetail,
  type DocumentType,
  type Question,
} from './api';
import classes from './wizard.module.css';

type Answers = Record<string, string>;
const initialAnswer = (q: Question) => (Array.isArray(q.suggestion) ? q.suggestion.join('\n') : (q.suggestion ?? ''));

/** The create wizard: pick a type, answer the few questions its sections need, and get a first draft written from live data. */
export function NewDocumentPage() {
  const { orgId } = useOrg();
  const types = useDocumentTypes(orgId);
  const [params, setParams] = useSearchParams();
  const typeId = params.get('type');
  const type = types.data?.find((t) => t.id === typeId);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Plan' }, { label: 'Documentation', to: masterListHref(orgId) }]}
        title={type ? `New document: ${type.title}` : 'New document'}
        description={
          type
            ? type.summary
            : 'Choose what to write. Narrative documents get a first draft from your records that you then edit; register documents are always rendered from their register.'
        }
      />
      {types.isPending ? (
        <Loading />
      ) : types.isError ? (
        <ErrorAlert error={types.error} onRetry={() => void types.refetch()} />
      ) : type ? (
        <Questions key={type.id} orgId={orgId} type={type} onBack={() => setParams({})} />
      ) : (
        <TypePicker orgId={orgId} types={types.data} onPick={(id) => setParams({ type: id })} />
      )}
    </>
  );
}

function TypePicker({ orgId, types, onPick }: { orgId: string; types: DocumentType[]; onPick: (id: string) => void }) {
  const docs = useDocuments(orgId);
  const existing = new Set((docs.data ?? []).map((d) => d.typeId));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {/* Records (an audit report) are made by signing off their own page, never from a template. */}
      {types
        .filter((t) => t.kind !== 'record')
        .map((t) => (
          <UnstyledButton key={t.id} onClick={() => onPick(t.id)} className={classes.type} data-type={t.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
              <Text fw={600} fz="sm">
                {t.title}
              </Text>
              <Badge
                size="xs"
                variant="light"
                color={t.kind === 'register' ? 'grape' : 'blue'}
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {t.kind === 'register' ? 'From its register' : 'Narrative'}
              </Badge>
            </Group>
            <Text fz="xs" c="dimmed" lineClamp={3}>
              {t.summary}
            </Text>
            <Text fz="xs" c="dimmed" mt={6}>
              {t.refs.join(', ')}
              {existing.has(t.id) ? ' · one exists already' : ''}
            </Text>
          </UnstyledButton>
        ))}
    </SimpleGrid>
  );
}

function Questions({ orgId, type, onBack }: { orgId: string; type: DocumentType; onBack: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const settings = useDocumentSettings(orgId);
  const members = useMembers(orgId);
  const people = (members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }));
  const questions = type.sections.flatMap((s) => s.questions);
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(questions.map((q) => [q.key, initialAnswer(q)])),
  );
  const [title, setTitle] = useState(type.title);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [approverId, setApproverId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<DocumentDetail>(documentsPath(orgId), {
        typeId: type.id,
        title: title.trim() || undefined,
        ...(ownerId ? { ownerId } : {}),
        ...(approverId ? { approverId } : {}),
        answers: Object.fromEntries(
          questions.map((q) => {
            const v = answers[q.key] ?? '';
            return [
              q.key,
              q.kind === 'list'
                ? v
                    .split('\n')
                    .map((l) => l.trim())
                    .filter(Boolean)
                : v.trim(),
            ];
          }),
        ),
      }),
    onSuccess: async (doc) => {
      notifySuccess(`${doc.code} created: draft ${doc.latest.label}, written from your records.`);
      await refreshDocuments(qc, orgId);
      await navigate(documentHref(orgId, doc.id));
    },
  });
  const noFacts = settings.data && !settings.data.topManagement;
  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          Choose another type
        </Button>
      </Group>
      {noFacts && (
        <Alert color="blue" variant="light" title="Say once who top management is">
          Documents print your code prefix, classification and top management.{' '}
          <Anchor component={Link} to={settingsHref(orgId)} inherit>
            Open the document settings
          </Anchor>{' '}
          to set them; until then the draft leaves a placeholder for them.
        </Alert>
      )}
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={2} fz="md">
            The document
          </Title>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maw={520} />
          <Group grow align="flex-start" maw={720}>
            <Select
              label="Owner"
              placeholder={settings.data?.defaultOwnerId ? 'The usual owner (settings)' : 'Nobody yet'}
              data={people}
              value={ownerId}
              onChange={setOwnerId}
              clearable
              searchable
            />
            <Select
              label="Approver"
              placeholder={
                settings.data?.defaultApproverId ? 'The usual approver (settings)' : 'An owner of the organization'
              }
              data={people}
              value={approverId}
              onChange={setApproverId}
              clearable
              searchable
            />
          </Group>
          {type.kind === 'register' && (
            <Text fz="sm" c="dimmed">
              This document is rendered from its register and frozen when it goes to review: change the register, not
              the text.
            </Text>
          )}
        </Stack>
      </Paper>
      {type.sections.map((s) => (
        <Paper key={s.key} withBorder radius="md" p="lg" component="section" aria-labelledby={`sec-${s.key}`}>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: s.questions.length ? 5 : 12 }}>
              <Title order={3} fz="sm" id={`sec-${s.key}`}>
                {s.title}
              </Title>
              <Text fz="sm" c="dimmed" mt={4}>
                {s.guidance}
              </Text>
              {s.questions.length === 0 && (
                <Text fz="xs" mt={6} c="dimmed" fw={500}>
                  <IconWand size={12} aria-hidden style={{ verticalAlign: -1 }} /> Written from your records: nothing to
                  answer here.
                </Text>
              )}
            </Grid.Col>
            {s.questions.length > 0 && (
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack gap="sm">
                  {s.questions.map((q) => (
                    <Textarea
                      key={q.key}
                      label={q.label}
                      description={[q.help, q.kind === 'list' ? 'One per line.' : ''].filter(Boolean).join(' ')}
                      value={answers[q.key] ?? ''}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setAnswers((a) => ({ ...a, [q.key]: v }));
                      }}
                      autosize
                      minRows={2}
                      maxRows={10}
                    />
                  ))}
                </Stack>
              </Grid.Col>
            )}
          </Grid>
        </Paper>
      ))}
      {create.isError && (
        <Alert color="red" variant="light" role="alert" title="The document was not created">
          {errorMessage(create.error)}
        </Alert>
      )}
      <Group>
        <Button
          size="md"
          leftSection={<IconFilePlus size={18} />}
          loading={create.isPending}
          onClick={() => create.mutate()}
        >
          Write the first draft
        </Button>
        <Text fz="sm" c="dimmed">
          Questions left empty stay as [[placeholders]] in the draft, to fill before approval.
        </Text>
      </Group>
    </Stack>
  );
}
