import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconFileImport, IconReplace } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/client';
import type { CatalogImport, ImportIssue } from '../../api/types';
import { errorMessage } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { catalogHref, catalogKey, importsPath } from './api';
import { IMPORTS_TEXT as T } from './text';

type Source = 'file' | 'paste';
type Body = { content: string; fileName?: string; replace: boolean };
/** What the last attempt answered: the file's problems, an id imported before, or another error. */
type Outcome =
  | { kind: 'rejected'; issues: ImportIssue[]; message: string }
  | { kind: 'conflict'; message: string; body: Body }
  | { kind: 'error'; message: string }
  | { kind: 'done'; imported: CatalogImport; replaced: boolean };

const MAX_BYTES = 5_000_000;
/** NUL and other control bytes, or U+FFFD (bytes that are not UTF-8): an image or a PDF, not YAML or JSON. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const BINARY = /[\u0000-\u0008\u000E-\u001F\uFFFD]/;
const ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,text/yaml';

/** Upload or paste a framework or crosswalk file; a rejected file lists every problem with its line. */
export function ImportForm() {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [fileText, setFileText] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [pastedName, setPastedName] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = useMutation({
    mutationFn: (body: Body) => api.post<CatalogImport>(importsPath(orgId), body),
    onSuccess: async (imported, body) => {
      setOutcome({ kind: 'done', imported, replaced: body.replace });
      setFile(null);
      setFileText(null);
      setPasted('');
      setPastedName('');
      await qc.invalidateQueries({ queryKey: catalogKey(orgId) });
    },
    onError: (e, body) => {
      if (isApiError(e, 'IMPORT_REJECTED')) {
        const issues = (e.details as { issues?: ImportIssue[] } | undefined)?.issues ?? [];
        setOutcome({ kind: 'rejected', issues, message: e.message });
      } else if (isApiError(e, 'CONFLICT'))
        setOutcome({ kind: 'conflict', message: e.message, body: { ...body, replace: true } });
      else setOutcome({ kind: 'error', message: errorMessage(e) });
    },
  });

  const pick = async (f: File | null) => {
    setFile(f);
    setFileText(null);
    setOutcome(null);
    if (!f) return;
    if (f.size > MAX_BYTES) {
      setOutcome({ kind: 'error', message: T.tooLarge });
      return;
    }
    try {
      const text = await f.text();
      // Said before sending: the server would refuse its NUL bytes in words about characters (issue 18).
      if (BINARY.test(text.slice(0, 4096))) setOutcome({ kind: 'error', message: T.notText(f.name) });
      else setFileText(text);
    } catch {
      setOutcome({ kind: 'error', message: T.unreadable });
    }
  };

  const content = source === 'file' ? fileText : pasted.trim() ? pasted : null;
  const fileName = source === 'file' ? file?.name : pastedName.trim() || undefined;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="import-form-title">
      <form
        noValidate
        aria-labelledby="import-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!content) setOutcome({ kind: 'error', message: T.needContent });
          else submit.mutate({ content, ...(fileName ? { fileName } : {}), replace: false });
        }}
      >
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg" id="import-form-title">
              {T.formTitle}
            </Title>
            <Text fz="sm" c="dimmed" mt={4}>
              {T.formHint}
            </Text>
          </div>
          <SegmentedControl
            aria-label={T.source}
            value={source}
            onChange={(v) => {
              setSource(v);
              setOutcome(null);
            }}
            data={[
              { value: 'file', label: T.sourceFile },
              { value: 'paste', label: T.sourcePaste },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {source === 'file' ? (
            <FileInput
              label={T.file}
              description={T.fileHint}
              placeholder={T.filePlaceholder}
              accept={ACCEPT}
              value={file}
              onChange={(f) => void pick(f)}
              clearable
              clearButtonProps={{ 'aria-label': T.clearFile }}
              leftSection={<IconFileImport size={16} aria-hidden />}
              maw={520}
            />
          ) : (
            <>
              <Textarea
                label={T.paste}
                description={T.pasteHint}
                value={pasted}
                onChange={(e) => {
                  setPasted(e.currentTarget.value);
                  setOutcome(null);
                }}
                autosize
                minRows={8}
                maxRows={20}
                spellCheck={false}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              <TextInput
                label={T.fileName}
                description={T.fileNameHint}
                value={pastedName}
                onChange={(e) => setPastedName(e.currentTarget.value)}
                maxLength={200}
                maw={520}
              />
            </>
          )}
          {outcome && (
            <ImportOutcome
              outcome={outcome}
              orgId={orgId}
              onReplace={(body) => submit.mutate(body)}
              replacing={submit.isPending}
            />
          )}
          <Group>
            <Button type="submit" loading={submit.isPending} leftSection={<IconFileImport size={16} />}>
              {T.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The answer to the last attempt, brought into view: it may be long (every problem of a file). */
function ImportOutcome(props: {
  outcome: Outcome;
  orgId: string;
  onReplace: (body: Body) => void;
  replacing: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollIntoView({ block: el.offsetHeight < window.innerHeight * 0.6 ? 'center' : 'start' });
  }, [props.outcome]);
  return (
    <div
      ref={ref}
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 56px) + var(--mantine-spacing-md))' }}
    >
      <OutcomeAlert {...props} />
    </div>
  );
}

function OutcomeAlert({
  outcome,
  orgId,
  onReplace,
  replacing,
}: {
  outcome: Outcome;
  orgId: string;
  onReplace: (body: Body) => void;
  replacing: boolean;
}) {
  switch (outcome.kind) {
    case 'rejected':
      return (
        <Alert
          color="red"
          variant="light"
          title={T.rejectedTitle(outcome.issues.length || 1)}
          icon={<IconAlertTriangle size={18} />}
          role="alert"
          data-testid="import-issues"
        >
          {outcome.issues.length === 0 ? (
            <Text fz="sm">{outcome.message}</Text>
          ) : (
            <List fz="sm" spacing={4} mah={260} style={{ overflowY: 'auto' }}>
              {outcome.issues.map((i, n) => (
                <List.Item key={n}>{T.issue(i.line, i.path, i.message)}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      );
    case 'conflict':
      return (
        <Alert
          color="orange"
          variant="light"
          title={T.conflictTitle}
          icon={<IconAlertTriangle size={18} />}
          role="alert"
        >
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{outcome.message}</Text>
            <Button
              size="xs"
              leftSection={<IconReplace size={14} />}
              loading={replacing}
              onClick={() => onReplace(outcome.body)}
            >
              {T.replace}
            </Button>
          </Stack>
        </Alert>
      );
    case 'error':
      return (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {outcome.message}
        </Alert>
      );
    case 'done':
      return (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck size={18} />}
          title={outcome.replaced ? T.replaced(outcome.imported.name) : T.imported(outcome.imported.name)}
        >
          {outcome.imported.kind === 'framework' && (
            <Anchor component={Link} to={catalogHref(orgId, outcome.imported.key)} fz="sm">
              {T.open}
            </Anchor>
          )}
        </Alert>
      );
  }
}
