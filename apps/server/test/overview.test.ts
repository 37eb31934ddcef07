import { beforeEach, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  describeEachDialect,
  newOrgOwner,
  pinServerDay,
  serverToday,
  validAiSystem,
} from './harness';

// "Today" is the server's (pinned to noon for this file), never one computed apart from it.
pinServerDay();

// The overview (issue 18): each journey step's state read from live data, the next three things to
// do, and the organization's open tasks.

type Step = { slug: string; state: string; facts: string[]; next: { label: string; href: string }[] };
type Overview = {
  steps: Step[];
  next: { label: string; href: string }[];
  tasks: { open: number; overdue: number; items: { title: string }[] };
};

describeEachDialect('overview', (ctx) => {
  let owner: Client;
  let approver: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const overview = async () => (await owner.get<Overview>(url('/overview'))).body;
  const step = (o: Overview, slug: string) => o.steps.find((s) => s.slug === slug)!;

  // Every test its own organization (any order, any subset: `--sequence.shuffle`, `-t`).
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Overview Org'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
  });

  it('starts with every step not started and the first three things to do', async () => {
    const o = await overview();
    expect(o.steps.map((s) => [s.slug, s.state])).toEqual([
      ['gap-analysis', 'not_started'],
      ['scope', 'not_started'],
      ['documentation', 'not_started'],
      ['implementation', 'not_started'],
      ['internal-audit', 'not_started'],
      ['certification', 'not_started'],
    ]);
    expect(o.next).toHaveLength(3);
    expect(o.next[0]).toEqual({ label: 'Start the gap analysis', href: '/gap-analysis' });
    expect(o.tasks).toMatchObject({ open: 0, overdue: 0, items: [] });
  });

  it('says the scope and criteria are approved, when, and what the risks need', async () => {
    const sys = (await owner.post(url('/ai-systems'), validAiSystem({ name: 'Scorer' }))).body;
    const scope = (await owner.patch(url('/scope'), { version: 0, units: ['Lending'], aiSystemIds: [sys.id] })).body;
    expect((await approver.post(url('/scope/approve'), { version: scope.version })).status).toBe(200);
    const draft = (await owner.get(url('/risk-criteria'))).body.draft;
    expect((await approver.post(url('/risk-criteria/approve'), { version: draft.version })).status).toBe(200);
    await owner.post(url('/risks'), { title: 'Biased scores', source: 'C.3.4', likelihood: 5, consequence: 5 });
    await owner.post(url('/risks'), { title: 'Unjudged', source: 'C.3.6' });
    await owner.post(url('/actions'), { title: 'Write the AI policy', dueDate: '2020-01-01' });
    const o = await overview();
    const today = serverToday();
    expect(step(o, 'scope').facts).toEqual(
      expect.arrayContaining([`Scope approved on ${today} (revision 1)`, `Risk criteria No. 1 approved on ${today}`]),
    );
    const impl = step(o, 'implementation');
    expect(impl.state).toBe('in_progress');
    expect(impl.facts[0]).toBe('2 open risks, 1 above the acceptance level (Medium) with no treatment or acceptance');
    expect(impl.facts).toContain('1 risk not rated yet');
    expect(impl.next.map((n) => n.label)).toEqual(
      expect.arrayContaining([
        'Rate the unrated risks (1)',
        'Treat or accept the risks above the acceptance level (1)',
      ]),
    );
    expect(o.tasks).toMatchObject({ open: 1, overdue: 1, items: [{ title: 'Write the AI policy' }] });
    // The next three span the steps under way (each one's first), in journey order.
    expect(o.next.map((n) => n.href)).toEqual(['/gap-analysis', '/context', '/documentation']);
  });

  it('is for members only: another organization gets a 403 or 404', async () => {
    const other = await newOrgOwner(ctx(), 'Elsewhere');
    expect([403, 404]).toContain((await other.owner.get(url('/overview'))).status);
  });
});
