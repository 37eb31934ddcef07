import { CONTROL_STATUS_LABELS, operationFacts, type ControlStatus } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { builtinCatalog } from '../catalog/builtin';
import { listCustomControls } from '../catalog/custom-controls';
import { factsOf, listImplementations, occurrenceFactsByRef } from './repository';
import { today } from './status';

// What controls put on people's plates, for the one task list ("my tasks", reminders). Declared
// here on purpose: the task aggregation unifies the shape; this module does not depend on it.
export interface DueItem {
  kind: 'control_occurrence' | 'control_implementation';
  id: string;
  title: string;
  dueOn: string | null /* YYYY-MM-DD */;
  assigneeUserId: string | null;
  href: string /* UI path */;
}

/**
 * Every open due thing of an organization's controls: the next run of each operating control with
 * a cadence, and the implementation of each planned, implementing or reworked control (with its
 * due date, or none yet). Sorted by date, undated last.
 */
export async function dueItems(db: Db | Tx, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  const [rows, facts, custom] = await Promise.all([
    listImplementations(db, orgId, assigneeUserId),
    occurrenceFactsByRef(db, orgId),
    listCustomControls(db, orgId),
  ]);
  const iso = builtinCatalog().framework('iso42001')!;
  const titles = new Map<string, string>([
    ...iso.items.filter((i) => i.kind === 'control').map((i): [string, string] => [i.ref, i.title]),
    ...custom.map((c): [string, string] => [c.ref, c.title]),
  ]);
  const now = today();
  const out: DueItem[] = [];
  for (const r of rows) {
    const title = `${r.ref} ${titles.get(r.ref) ?? ''}`.trim();
    const href = `/orgs/${orgId}/controls/${encodeURIComponent(r.ref)}`;
    const status = r.status as ControlStatus;
    if (status === 'operating') {
      const { nextDue } = operationFacts(factsOf(r), facts.get(r.ref) ?? [], now);
      if (nextDue !== null)
        out.push({
          kind: 'control_occurrence',
          id: r.id,
          title: `Run control ${title}`,
          dueOn: nextDue,
          assigneeUserId: r.ownerId,
          href,
        });
    } else {
      out.push({
        kind: 'control_implementation',
        id: r.id,
        title: `Implement control ${title} (${CONTROL_STATUS_LABELS[status].toLowerCase()})`,
        dueOn: r.dueOn,
        assigneeUserId: r.ownerId,
        href,
      });
    }
  }
  return out.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.title.localeCompare(b.title));
}
