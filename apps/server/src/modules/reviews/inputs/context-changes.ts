import type { InputProvider } from './types';
import { count, figure, period } from './types';

// 9.3.2 b–c: changes in internal and external issues (4.1) and in interested parties and their
// requirements (4.2) since the last review: added and changed from the registers, removed from the
// audit trail (a deleted row leaves only its audit event).

export const contextChanges: InputProvider = {
  key: 'context_changes',
  async compile({ db, orgId, since }) {
    const issues = await db
      .selectFrom('contextIssues')
      .select(['kind', 'description', 'createdAt', 'updatedAt'])
      .where('orgId', '=', orgId)
      .execute();
    const parties = await db
      .selectFrom('interestedParties')
      .select(['name', 'createdAt', 'updatedAt'])
      .where('orgId', '=', orgId)
      .execute();
    if (!issues.length && !parties.length)
      return {
        key: 'context_changes',
        state: 'missing',
        summary: 'No internal or external issues and no interested parties are recorded.',
        figures: [],
        items: [],
        reason: 'no issues (4.1) or interested parties (4.2) recorded in the context registers',
      };
    const from = since ?? '';
    const added = <T extends { createdAt: string }>(rows: T[]) => rows.filter((r) => r.createdAt >= from);
    const changed = <T extends { createdAt: string; updatedAt: string }>(rows: T[]) =>
      rows.filter((r) => r.createdAt < from && r.updatedAt >= from);
    const removed = await db
      .selectFrom('auditEvents')
      .select(['entityType'])
      .where('orgId', '=', orgId)
      .where('action', 'in', ['context_issue.deleted', 'interested_party.deleted'])
      .where('at', '>=', from)
      .execute();
    const removedIssues = removed.filter((r) => r.entityType === 'context_issue').length;
    const removedParties = removed.filter((r) => r.entityType === 'interested_party').length;
    const internal = issues.filter((i) => i.kind === 'internal').length;
    const changes =
      added(issues).length +
      changed(issues).length +
      removedIssues +
      added(parties).length +
      changed(parties).length +
      removedParties;
    return {
      key: 'context_changes',
      state: 'present',
      summary: `${count(issues.length, 'issue')} (${internal} internal, ${issues.length - internal} external) and ${count(parties.length, 'interested party', 'interested parties')}; ${count(changes, 'change')} ${period(since)}.`,
      figures: [
        figure('Issues recorded', issues.length),
        figure('Issues added', added(issues).length),
        figure('Issues changed', changed(issues).length),
        figure('Issues removed', removedIssues),
        figure('Interested parties recorded', parties.length),
        figure('Parties added', added(parties).length),
        figure('Parties changed', changed(parties).length),
        figure('Parties removed', removedParties),
      ],
      items: [
        ...added(issues).map((i) => `New ${i.kind} issue: ${i.description.slice(0, 160)}`),
        ...changed(issues).map((i) => `Changed ${i.kind} issue: ${i.description.slice(0, 160)}`),
        ...added(parties).map((p) => `New interested party: ${p.name}`),
        ...changed(parties).map((p) => `Changed interested party: ${p.name}`),
      ],
      reason: null,
    };
  },
};
