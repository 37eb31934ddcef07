import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { placeholdersIn, type RichDoc } from '@fortytwo/domain';
import { api, isApiError } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useLeaveGuard } from '../../ui/use-leave-guard';
import {
  documentsKey,
  refreshDocuments,
  versionPath,
  type DocumentType,
  type Section,
  type VersionDetail,
} from './api';
import { SectionEditor } from './SectionEditor';

const same = (a: Section[], b: Section[]) =>
  JSON.stringify(a.map((s) => s.body)) === JSON.stringify(b.map((s) => s.body));

/**
 * A draft's sections in the rich-text editor: placeholders counted as you type, one section
 * rewritten from the records at a time, one save for the whole draft. When a colleague saved the
 * draft first (409), the author chooses: their version, or theirs with these sections saved over it.
 */
export function DraftEditor({
  orgId,
  documentId,
  version,
  type,
}: {
  orgId: string;
  documentId: string;
  version: VersionDetail;
  type: DocumentType | undefined;
}) {
  const qc = useQueryClient();
  const saved = version.content.kind === 'narrative' ? version.content.sections : [];
  const [sections, setSections] = useState<Section[]>(saved);
  const [conflict, setConflict] = useState<VersionDetail | null>(null);
  const dirty = !same(sections, saved);
  useLeaveGuard(dirty);
  const path = versionPath(orgId, documentId, version.id);
  const left = sections.flatMap((s) => placeholdersIn(s.body).map((text) => ({ section: s.title, text })));

  const accept = (v: VersionDetail, keep?: Section[]) => {
    qc.setQueryData([...documentsKey(orgId), 'version', v.id], v);
    if (keep) setSections(keep);
    else if (v.content.kind === 'narrative') setSections(v.content.sections);
  };

  const save = useMutation({
    mutationFn: (base: number) =>
      api.patch<VersionDetail>(path, {
        version: base,
        sections: sections.map((s) => ({ key: s.key, title: s.title, body: s.body })),
      }),
    onSuccess: async (v) => {
      setConflict(null);
      accept(v);
      notifySuccess(
        v.placeholders.length
          ? `Draft saved. ${v.placeholders.length} placeholder${v.placeholders.length === 1 ? '' : 's'} still to fill before approval.`
          : 'Draft saved. No placeholder left.',
      );
      await refreshDocuments(qc, orgId);
    },
    onError: async (e) => {
      if (isApiError(e, 'STALE_VERSION')) setConflict(await api.get<VersionDetail>(path));
      else notifyError(e, 'The draft was not saved');
    },
  });

  const regenerate = useMutation({
    mutationFn: (key: string) =>
      api.post<VersionDetail>(`${path}/regenerate`, { version: version.version, sectionKeys: [key] }),
    onSuccess: async (v, key) => {
      // Only the regenerated section takes the server's text: edits elsewhere stay unsaved here.
      const fresh = v.content.kind === 'narrative' ? v.content.sections.find((s) => s.key === key) : undefined;
      accept(
        v,
        sections.map((s) => (s.key === key && fresh ? fresh : s)),
      );
      notifySuccess(`“${fresh?.title ?? key}” written again from your records.`);
      await refreshDocuments(qc, orgId);
    },
    onError: (e) => notifyError(e, 'The section was not written again'),
  });
  const askRegenerate = async (s: Section) => {
    const ok = await confirmDanger({
      title: `Write “${s.title}” again?`,
      message:
        'The section is rewritten from your records as they are now. What you wrote in it is replaced (the previous text stays in the history of saved versions).',
      confirmLabel: 'Write it again',
    });
    if (ok) regenerate.mutate(s.key);
  };

  const material = useMutation({
    mutationFn: (next: boolean) => api.patch<VersionDetail>(path, { version: version.version, material: next }),
    onSuccess: async (v) => {
      qc.setQueryData([...documentsKey(orgId), 'version', v.id], v);
      await refreshDocuments(qc, orgId);
    },
    onError: (e) => notifyError(e),
  });

  const guidance = (key: string) => type?.sections.find((s) => s.key === key)?.guidance;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" style={{ position: 'sticky', top: 64, zIndex: 5 }}>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <Badge
              color={left.length ? 'yellow' : 'teal'}
              variant="light"
              size="lg"
              tt="none"
              data-testid="placeholder-count"
            >
              {left.length
                ? `${left.length} placeholder${left.length === 1 ? '' : 's'} to fill`
                : 'No placeholder left'}
            </Badge>
            <Text fz="sm" c={dirty ? undefined : 'dimmed'} aria-live="polite">
              {dirty ? 'Unsaved changes' : 'All changes saved'}
            </Text>
          </Group>
          <Group gap="sm">
            {/* The first version is always material: it needs approval before anything is in force. */}
            {version.label !== '1.0' && (
              <Switch
                label="Material change (new major version, needs approval)"
                checked={version.material}
                onChange={(e) => material.mutate(e.currentTarget.checked)}
                disabled={material.isPending || dirty}
                size="sm"
              />
            )}
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => save.mutate(version.version)}
              loading={save.isPending}
              disabled={!dirty}
            >
              Save draft
            </Button>
          </Group>
        </Group>
      </Paper>
      {conflict && (
        <Alert color="orange" variant="light" title="Someone saved this draft after you opened it" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">
              Their version is saved; yours is still here, unsaved. Keep yours to save your sections over theirs, or
              take theirs and drop your edits.
            </Text>
            <Group gap="sm">
              <Button size="xs" onClick={() => save.mutate(conflict.version)}>
                Save mine over theirs
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  accept(conflict);
                  setConflict(null);
                }}
              >
                Take theirs
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {left.length > 0 && (
        <Alert color="yellow" variant="light" title="Still to write" data-testid="placeholder-list">
          <Stack gap={2}>
            {left.map((p, i) => (
              <Text key={i} fz="sm">
                <strong>{p.section}:</strong> {p.text}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {sections.map((s) => (
        <Paper
          key={s.key}
          withBorder
          radius="md"
          p="lg"
          component="section"
          aria-labelledby={`section-${s.key}`}
          data-section={s.key}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
            <div style={{ minWidth: 0 }}>
              <Title order={2} fz="md" id={`section-${s.key}`}>
                {s.title}
              </Title>
              {guidance(s.key) && (
                <Text fz="xs" c="dimmed" mt={2}>
                  {guidance(s.key)}
                </Text>
              )}
            </div>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconRefresh size={14} />}
              onClick={() => void askRegenerate(s)}
              loading={regenerate.isPending && regenerate.variables === s.key}
              style={{ flexShrink: 0 }}
              aria-label={`From records: write “${s.title}” again`}
            >
              From records
            </Button>
          </Group>
          <SectionEditor
            label={s.title}
            value={s.body}
            onChange={(body: RichDoc) => setSections((all) => all.map((x) => (x.key === s.key ? { ...x, body } : x)))}
          />
        </Paper>
      ))}
    </Stack>
  );
}
