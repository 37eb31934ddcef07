import { beforeAll, expect, it } from 'vitest';
import { type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

// Every date-only field takes the one calendar-date schema of packages/domain (dates.ts): an
// impossible day is refused with the field's name, on creation and on update, and nothing is stored.
describeEachDialect('date-only fields', (ctx) => {
  let owner: Client;
  let orgId: string;
  let aiSystemId: string;
  let riskId: string;
  let impact: { id: string; version: number };
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const IMPOSSIBLE = ['2027-02-30', '2027-99-99', '0000-00-00', '2027-04-31', '1850-01-01', '27-01-01'];

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Dates Org'));
    aiSystemId = (await owner.post(url('/ai-systems'), validAiSystem())).body.id;
    riskId = (await owner.post(url('/risks'), { title: 'Drift', source: 'C.3.4', likelihood: 2, consequence: 2 })).body
      .id;
    impact = (await owner.post(url('/impact-assessments'), { aiSystemId, trigger: 'periodic' })).body;
  });

  const refused = async (
    what: string,
    send: (date: string) => Promise<{ status: number; body: any }>,
    field: string,
    label: RegExp,
  ) => {
    for (const date of IMPOSSIBLE) {
      const res = await send(date);
      expect(res.status, `${what} ${date}`).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(
        res.body.error.details.issues.map((i: { path: string }) => i.path),
        `${what} ${date}`,
      ).toContain(field);
      expect(res.body.error.message, `${what} ${date}`).toMatch(label);
    }
  };

  it('refuses an impossible risk review date, acceptance expiry and treatment action due date', async () => {
    await refused(
      'new risk',
      (d) => owner.post(url('/risks'), { title: 'x', source: 'C.3.4', likelihood: 1, consequence: 1, reviewDate: d }),
      'body.reviewDate',
      /Review date must be/,
    );
    await refused(
      'risk update',
      (d) => owner.patch(url(`/risks/${riskId}`), { version: 1, reviewDate: d }),
      'body.reviewDate',
      /Review date must be/,
    );
    await refused(
      'acceptance',
      (d) => owner.post(url(`/risks/${riskId}/acceptances`), { rationale: 'Fine', expiresAt: d }),
      'body.expiresAt',
      /Accepted until must be/,
    );
    await refused(
      'treatment',
      (d) =>
        owner.post(url(`/risks/${riskId}/treatments`), {
          option: 'avoid',
          actions: [{ title: 'Retire it', dueDate: d }],
        }),
      'body.actions.0.dueDate',
      /due date must be/,
    );
    const risk = (await owner.get(url(`/risks/${riskId}`))).body;
    expect(risk).toMatchObject({ version: 1, reviewDate: null, treatments: [], acceptance: null });
    expect((await owner.get(url('/risks'))).body.items).toHaveLength(1);
    expect((await owner.patch(url(`/risks/${riskId}`), { version: 1, reviewDate: '2028-02-29' })).body.reviewDate).toBe(
      '2028-02-29',
    );
  });

  it('refuses an impossible "keep until" date of an impact assessment', async () => {
    await refused(
      'new impact',
      (d) => owner.post(url('/impact-assessments'), { aiSystemId, trigger: 'periodic', retentionUntil: d }),
      'body.retentionUntil',
      /Keep until must be/,
    );
    await refused(
      'impact update',
      (d) => owner.patch(url(`/impact-assessments/${impact.id}`), { version: impact.version, retentionUntil: d }),
      'body.retentionUntil',
      /Keep until must be/,
    );
    expect((await owner.get(url('/impact-assessments'))).body.items).toHaveLength(1);
    expect((await owner.get(url(`/impact-assessments/${impact.id}`))).body).toMatchObject({
      version: impact.version,
      retentionUntil: null,
    });
  });

  it('refuses an impossible date in actions, context issues and gap target dates too', async () => {
    await refused(
      'action',
      (d) => owner.post(url('/actions'), { title: 'Write the policy', dueDate: d }),
      'body.dueDate',
      /Due date must be/,
    );
    await refused(
      'context issue',
      (d) =>
        owner.post(url('/context-issues'), { kind: 'internal', category: 'other', description: 'x', reviewDate: d }),
      'body.reviewDate',
      /Review date must be/,
    );
    const gap = (await owner.post(url('/gap-assessments'), { name: 'Baseline' })).body;
    const item = gap.items.find((i: { ref: string }) => i.ref === '4.1');
    await refused(
      'gap item',
      (d) => owner.patch(url(`/gap-assessments/${gap.id}/items/4.1`), { version: item.version, targetDate: d }),
      'body.targetDate',
      /Target date must be/,
    );
    await refused(
      'gaps to actions',
      (d) => owner.post(url(`/gap-assessments/${gap.id}/actions`), { refs: ['4.1'], dueDate: d }),
      'body.dueDate',
      /Due date must be/,
    );
    expect((await owner.get(url('/actions'))).body.items).toHaveLength(0);
    expect((await owner.get(url('/context-issues'))).body.items).toHaveLength(0);
  });

  it('refuses an impossible review deadline of a document', async () => {
    const doc = (await owner.post(url('/documents'), { typeId: 'communication-plan' })).body;
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    const { version } = (await owner.get(vUrl)).body;
    await refused(
      'submit for review',
      (d) => owner.post(`${vUrl}/submit`, { version, changeSummary: 'First issue', dueDate: d }),
      'body.dueDate',
      /Review deadline must be/,
    );
    expect((await owner.get(vUrl)).body).toMatchObject({ version, state: 'draft' });
  });
});
