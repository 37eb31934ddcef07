import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Badge,
  Divider,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconFileDescription } from '@tabler/icons-react';
import {
  GAP_RESULTS,
  GAP_STATUS_LABELS,
  GAP_STATUSES,
  isAnnexA,
  MATURITY_LABELS,
  notApplicableProblem,
  ZGapItemPatch,
  type GapResult,
} from '@fortytwo/domain';
import type { AiSystem, Member } from '../../api/types';
import { personOf, type People } from '../../api/people';
import type { GapItem } from './api';
import { EvidenceFiles } from './EvidenceFiles';
import { EvidenceLinks } from './EvidenceLinks';
import { ItemConflict } from './ItemConflict';
import { ResultPicker } from './ResultPicker';
import type { ItemSaver, PatchField } from './use-item-saver';
import { useShortcuts } from './use-shortcuts';
import { useSyncedValue } from './use-synced-value';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

export type EditorProps = {
  orgId: string;
  assessmentId: string;
  item: GapItem;
  position: { n: number; total: number; section: string };
  saver: ItemSaver;
  readOnly: boolean;
  members: Member[];
  /** The assessment's `people`: the owners its items name. */
  people: People;
  systems: AiSystem[];
  /** Move the heading into focus on arrival (after J/K or the previous/next buttons). */
  focusOnArrival: boolean;
  onNext: () => void;
  onPrevious: () => void;
};

/** A text field's message from the same schema the server uses, or null. */
const schemaProblem = (field: 'notes' | 'justification', value: string) => {
  const r = ZGapItemPatch.shape[field].safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? null);
};

/** One requirement's answer. Every change is saved as you go: choices at once, text when you leave the field. */
export function ItemEditor({
  orgId,
  assessmentId,
  item,
  position,
  saver,
  readOnly,
  members,
  people,
  systems,
  focusOnArrival,
  onNext,
  onPrevious,
}: EditorProps) {
  const annex = isAnnexA(item.ref);
  const errors = saver.errors[item.ref] ?? {};
  const setError = (field: PatchField, message: string | null) => saver.setError(item.ref, field, message);
  const save = (patch: Parameters<ItemSaver['save']>[1]) => saver.save(item.ref, patch);
  const [notes, setNotes] = useSyncedValue(item.notes);
  const [justification, setJustification] = useSyncedValue(item.justification);
  const [targetDate, setTargetDate] = useSyncedValue(item.targetDate ?? '');
  // Not applicable chosen without a justification yet: shown as chosen, saved with the justification.
  const [heldResult, setHeldResult] = useState<GapResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const justificationRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusOnArrival) heading.current?.focus();
  }, [focusOnArrival]);

  const chooseResult = (result: GapResult | null) => {
    if (readOnly) return;
    setError('result', null);
    if (result === 'not_applicable') {
      const problem = notApplicableProblem(item.ref, result, justification);
      if (problem && !annex) {
        setError('result', problem);
        return;
      }
      if (problem) {
        // An Annex A control waits for its reason: the message and the cursor go where it is typed.
        setHeldResult(result);
        setError('justification', problem);
        justificationRef.current?.focus({ preventScroll: true });
        justificationRef.current?.scrollIntoView({ block: 'center' });
        return;
      }
      setHeldResult(null);
      save(justification.trim() !== item.justification ? { result, justification: justification.trim() } : { result });
      return;
    }
    setHeldResult(null);
    if (errors.justification && !justification.trim()) setError('justification', null);
    save({ result });
  };

  const saveJustification = () => {
    if (readOnly) return;
    const value = justification.trim();
    const tooLong = schemaProblem('justification', value);
    if (tooLong) {
      setError('justification', tooLong);
      return;
    }
    if (heldResult) {
      const problem = notApplicableProblem(item.ref, heldResult, value);
      setError('justification', problem);
      if (problem) return;
      setHeldResult(null);
      save({ result: heldResult, justification: value });
      return;
    }
    const problem = notApplicableProblem(item.ref, item.result, value);
    setError('justification', problem);
    if (!problem && value !== item.justification) save({ justification: value });
  };

  const saveNotes = () => {
    if (readOnly) return;
    const value = notes.trim();
    const problem = schemaProblem('notes', value);
    setError('notes', problem);
    if (!problem && value !== item.notes) save({ notes: value });
  };

  const saveTargetDate = () => {
    if (readOnly) return;
    const value = targetDate || null;
    const checked = ZGapItemPatch.shape.targetDate.safeParse(value);
    setError('targetDate', checked.success ? null : (checked.error.issues[0]?.message ?? null));
    if (checked.success && value !== item.targetDate) save({ targetDate: value });
  };

  // Esc leaves a text field (its value is saved on the way out), so the shortcuts work again.
  const leaveOnEscape = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.currentTarget.blur();
      heading.current?.focus();
    }
  };

  useShortcuts({
    '1': () => chooseResult(GAP_RESULTS[0]),
    '2': () => chooseResult(GAP_RESULTS[1]),
    '3': () => chooseResult(GAP_RESULTS[2]),
    '4': () => chooseResult(GAP_RESULTS[3]),
    j: onNext,
    k: onPrevious,
  });

  const ownerOptions = members.filter((m) => !m.expired).map((m) => ({ value: m.user.id, label: m.user.name }));
  // An owner who is no longer a member still shows by name.
  const owner = personOf(people, item.ownerId);
  if (owner && !ownerOptions.some((o) => o.value === owner.id))
    ownerOptions.push({ value: owner.id, label: owner.name });
  const systemOptions = systems.map((s) => ({ value: s.id, label: s.name }));
  for (const id of item.aiSystemIds)
    if (!systemOptions.some((o) => o.value === id)) systemOptions.push({ value: id, label: id });
  const conflict = saver.conflict?.ref === item.ref ? saver.conflict : null;

  return (
    <Stack gap="md" data-testid="item-editor" data-ref={item.ref}>
      <div>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={6}>
            <Badge variant="light" radius="sm" tt="none" className={classes.mono}>
              {item.ref}
            </Badge>
            {item.documentation && (
              <Badge
                variant="light"
                color="violet"
                tt="none"
                leftSection={<IconFileDescription size={12} />}
                title={T.documentedInfoHint}
                style={{ overflow: 'visible' }}
              >
                {T.documentedInfo}
              </Badge>
            )}
          </Group>
          <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {T.itemOf(position.n, position.total)}
          </Text>
        </Group>
        <Title
          order={2}
          fz="xl"
          mt={6}
          ref={heading}
          tabIndex={-1}
          className={classes.heading}
          data-testid="item-title"
        >
          {item.title}
        </Title>
        <Text fz="sm" c="dimmed">
          {position.section}
        </Text>
      </div>
      {conflict && (
        <ItemConflict
          conflict={conflict}
          members={members}
          people={people}
          systems={systems}
          onResolve={saver.resolveConflict}
        />
      )}
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <ResultPicker
            value={heldResult ?? item.result}
            allowNotApplicable={annex}
            onChange={chooseResult}
            disabled={readOnly}
            error={errors.result}
          />
          <div>
            <Text component="div" fz="sm" fw={500} id="gap-status-label" mb={4}>
              {T.status}
            </Text>
            <SegmentedControl
              aria-labelledby="gap-status-label"
              fullWidth
              size="sm"
              value={item.status}
              onChange={(v) => save({ status: v })}
              data={GAP_STATUSES.map((s) => ({ value: s, label: GAP_STATUS_LABELS[s] }))}
              disabled={readOnly}
              data-testid="status-control"
            />
          </div>
          <Select
            label={T.maturity}
            description={T.maturityHint}
            data={MATURITY_LABELS.map((label, n) => ({ value: String(n), label }))}
            value={item.maturity === null ? null : String(item.maturity)}
            onChange={(v) => save({ maturity: v === null ? null : Number(v) })}
            placeholder={T.maturityNone}
            clearable
            disabled={readOnly}
            maw={320}
          />
          <Textarea
            label={T.notes}
            description={T.notesHint}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            onBlur={saveNotes}
            onKeyDown={leaveOnEscape}
            error={errors.notes}
            autosize
            minRows={3}
            maxRows={12}
            readOnly={readOnly}
          />
          <Textarea
            ref={justificationRef}
            label={T.justification}
            description={annex ? T.justificationHintAnnex : T.justificationHintClause}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            onBlur={saveJustification}
            onKeyDown={leaveOnEscape}
            error={errors.justification}
            autosize
            minRows={2}
            maxRows={8}
            readOnly={readOnly}
            required={(heldResult ?? item.result) === 'not_applicable'}
          />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <Select
                label={T.owner}
                description={T.ownerHint}
                data={ownerOptions}
                value={item.ownerId}
                onChange={(v) => save({ ownerId: v })}
                placeholder={T.noOwner}
                searchable
                clearable
                disabled={readOnly}
                error={errors.ownerId}
                nothingFoundMessage={T.noMember}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label={T.targetDate}
                description={T.targetDateHint}
                type="date"
                value={targetDate}
                onChange={(e) => setTargetDate(e.currentTarget.value)}
                onBlur={saveTargetDate}
                error={errors.targetDate}
                readOnly={readOnly}
              />
            </Grid.Col>
          </Grid>
          <MultiSelect
            label={T.aiSystems}
            description={systems.length ? T.aiSystemsHint : T.aiSystemsNone}
            data={systemOptions}
            value={item.aiSystemIds}
            onChange={(v) => save({ aiSystemIds: v })}
            searchable
            clearable
            disabled={readOnly || systemOptions.length === 0}
            error={errors.aiSystemIds}
          />
          <Divider />
          <EvidenceLinks
            links={item.evidenceLinks}
            onChange={(evidenceLinks) => save({ evidenceLinks })}
            readOnly={readOnly}
            error={errors.evidenceLinks}
            onError={(m) => setError('evidenceLinks', m)}
          />
          <EvidenceFiles orgId={orgId} assessmentId={assessmentId} item={item} readOnly={readOnly} />
        </Stack>
      </Paper>
    </Stack>
  );
}
