import type { Actor } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { inTransaction, type Deps } from '../../platform/transaction';
import { listMembers } from '../orgs/members';
import { findAssessment, itemsOf } from './repository';
import type { GapItem } from './schema';
import { applyPatch, assertWorking, problemsWithPatch } from './service';
import {
  columnOfPatchKey,
  issueAt,
  readWorkbook,
  rejectFile,
  rowPatch,
  shown,
  type ImportIssue,
  type ImportPatch,
} from './workbook-parse';

// Importing an edited gap workbook: every row is checked before any is applied, and the changes
// are applied in one transaction, so a file with one bad cell changes nothing at all.
//
// Decisions about rows:
// - rows are matched by Ref, in any order (people sort and filter);
// - a requirement with no row is left as it is: deleting a row is not a way to clear an answer;
// - an unknown ref, a ref twice or a row without a ref is an error (we cannot tell what it meant);
// - a row that changes nothing is fine even when the item changed in Fortytwo since the export;
//   a row that changes something must carry the item's current Version, or it is stale.

export type ImportSummary = { updated: number; unchanged: number; items: string[] };

/** The most issues listed in the answer; the message counts them all. */
const MAX_LISTED_ISSUES = 200;

function rowsRejected(issues: ImportIssue[]) {
  const rows = new Set(issues.map((i) => i.row)).size;
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AppError(
    'IMPORT_REJECTED',
    `The workbook was not imported: ${issues.length} problem${issues.length > 1 ? 's' : ''} in ${rows} row${rows > 1 ? 's' : ''}; nothing was changed. Row ${first.row}${first.ref ? ` (${first.ref})` : ''}, ${first.column}: ${first.message}${more}`,
    {
      reason: 'rows',
      issues: issues.slice(0, MAX_LISTED_ISSUES),
      ...(issues.length > MAX_LISTED_ISSUES ? { unlisted: issues.length - MAX_LISTED_ISSUES } : {}),
    },
  );
}

async function activeMemberIds(deps: Deps, orgId: string): Promise<Map<string, string>> {
  const members = await listMembers(deps, orgId);
  return new Map(members.filter((m) => !m.expired).map((m) => [m.user.email.toLowerCase(), m.user.id]));
}

export async function importWorkbook(
  deps: Deps,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  bytes: Buffer,
): Promise<ImportSummary> {
  // The target first: a missing assessment is a 404 and a snapshot is frozen, whatever the file.
  const target = await findAssessment(deps.db, orgId, assessmentId);
  if (!target) throw notFound('Gap assessment');
  assertWorking(target);
  // Unzipping happens before the transaction, so a large file never holds a database lock.
  const { meta, rows } = await readWorkbook(bytes);
  if (meta.assessmentId !== assessmentId) {
    throw rejectFile(
      'other_assessment',
      `This workbook was exported from another assessment ("${meta.assessmentName}"), not from "${target.name}". Export "${target.name}" and import that file.`,
    );
  }
  const members = await activeMemberIds(deps, orgId);

  return inTransaction(deps, async (tx, audit) => {
    const a = await findAssessment(tx, orgId, assessmentId);
    if (!a) throw notFound('Gap assessment');
    assertWorking(a);
    const items = await itemsOf(tx, orgId, assessmentId);
    const byRef = new Map(items.map((i) => [i.ref, i]));
    const seen = new Map<string, number>();
    const issues: ImportIssue[] = [];
    const planned: { current: GapItem; patch: ImportPatch }[] = [];

    for (const r of rows) {
      if (!r.ref) {
        issues.push(issueAt(r.row, null, 'Ref', 'Ref is empty: every row needs the ref it was exported with'));
        continue;
      }
      const current = byRef.get(r.ref);
      if (!current) {
        issues.push(
          issueAt(
            r.row,
            r.ref,
            'Ref',
            `"${shown(r.ref, 40)}" is not a requirement of this assessment: keep the refs as exported`,
          ),
        );
        continue;
      }
      const first = seen.get(r.ref);
      if (first !== undefined) {
        issues.push(
          issueAt(
            r.row,
            r.ref,
            'Ref',
            `${shown(r.ref, 40)} appears twice (rows ${first} and ${r.row}): keep one row per requirement`,
          ),
        );
        continue;
      }
      seen.set(r.ref, r.row);
      const { patch, issues: rowIssues } = rowPatch(r, current, members);
      issues.push(...rowIssues);
      if (rowIssues.length || Object.keys(patch).length === 0) continue;
      for (const p of await problemsWithPatch(tx, orgId, current, patch))
        issues.push(issueAt(r.row, r.ref, columnOfPatchKey(p.field), p.message));
      planned.push({ current, patch });
    }
    if (issues.length) throw rowsRejected(issues.sort((x, y) => x.row - y.row));

    for (const { current, patch } of planned) {
      // The file shows the whole row, status included: keep the status it says instead of the
      // single-answer PATCH's convenience of moving "not started" along when a result arrives.
      const exact =
        patch.result !== undefined &&
        patch.result !== null &&
        patch.status === undefined &&
        current.status === 'not_started'
          ? { ...patch, status: current.status }
          : patch;
      await applyPatch(tx, audit, actor, orgId, assessmentId, current, exact);
    }
    return {
      updated: planned.length,
      unchanged: items.length - planned.length,
      items: planned.map((p) => p.current.ref),
    };
  });
}
