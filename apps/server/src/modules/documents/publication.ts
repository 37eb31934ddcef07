import type { z } from 'zod';
import { nextReviewDate, versionLabel, type ZVersionDecision } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { writeOne } from '../../platform/db/versioned';
import { ruleViolation, staleVersion } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { nowIso } from '../../platform/ids';
import { inTransaction, within, type Deps } from '../../platform/transaction';
import { completeActionsInTx } from '../actions/service';
import { readVersion } from './read';
import { liveRegister } from './render';
import { labelOf, parseContent, versionsOf } from './repository';
import { eventOf, load, lockOf, move, openReviewTasks, target } from './lifecycle-steps';
import { freezeFiles } from './approval';

export function publishVersion(
  deps: Deps,
  store: FileStore,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: { version: number },
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v, type } = await load(tx, orgId, documentId, versionId, input.version);
      await target(tx, orgId, d, v, 'publish');
      const now = nowIso();
      const stamp = {
        publishedAt: now,
        publishedByName: actor.name,
        nextReviewAt: nextReviewDate(now, type.reviewMonths),
      };
      // A non-material draft is published without approval: its files are made now instead.
      const files = v.docxSha256
        ? {}
        : await freezeFiles(deps, tx, store, actor, orgId, d, v, { ...stamp, state: 'published' });
      const content = parseContent(v);
      const frozen =
        content.kind === 'register' && !content.frozen
          ? { content: JSON.stringify({ kind: 'register', frozen: await liveRegister(within(deps, tx), orgId, type) }) }
          : {};
      const previous = (await versionsOf(tx, orgId, [documentId])).find((x) => x.state === 'published');
      await move(tx, orgId, d, v, 'publish', { ...stamp, ...files, ...frozen }, actor);
      if (previous)
        await writeOne(
          tx
            .updateTable('documentVersions')
            .set({
              state: 'superseded',
              endedAt: now,
              endReason: `Superseded by version ${versionLabel(v)}`,
              version: previous.version + 1,
              updatedAt: now,
              updatedBy: actor.userId,
            })
            .where('orgId', '=', orgId)
            .where('id', '=', previous.id)
            .where('version', '=', previous.version),
          () => staleVersion('document version', previous),
        );
      await audit(
        eventOf(orgId, actor, d, v, 'document_version.published', {
          nextReviewAt: stamp.nextReviewAt,
          supersedes: previous ? labelOf(previous) : null,
        }),
      );
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}

/** Takes a version out of use, with the reason; nothing is deleted. Withdrawing the version in force leaves the document with none. */
export function withdrawVersion(
  deps: Deps,
  actor: Actor,
  orgId: string,
  documentId: string,
  versionId: string,
  input: z.output<typeof ZVersionDecision>,
) {
  if (!input.comment) throw ruleViolation('Say why the version is withdrawn', { field: 'comment' });
  return inTransaction(
    deps,
    async (tx, audit) => {
      const { d, v, type } = await load(tx, orgId, documentId, versionId, input.version);
      if (type.kind === 'record')
        throw ruleViolation('This is a record, frozen when it was signed off: it is kept as it is, never withdrawn.');
      await move(tx, orgId, d, v, 'withdraw', { endedAt: nowIso(), endReason: input.comment }, actor);
      await completeActionsInTx(tx, audit, actor, orgId, await openReviewTasks(tx, orgId, versionId));
      await tx
        .updateTable('documentReviews')
        .set({ decision: 'changes_requested', comment: '(closed: the version was withdrawn)', decidedAt: nowIso() })
        .where('orgId', '=', orgId)
        .where('versionId', '=', versionId)
        .where('decision', 'is', null)
        .execute();
      await audit(eventOf(orgId, actor, d, v, 'document_version.withdrawn', { reason: input.comment }));
      return readVersion(tx, orgId, documentId, versionId);
    },
    lockOf(documentId),
  );
}
