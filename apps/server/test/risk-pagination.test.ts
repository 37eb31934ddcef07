import { beforeAll, expect, it } from 'vitest';
import { storeRiskPositions } from '../src/modules/risk/position';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

// The register is read a page at a time (keyset on the risk number) with its filters applied in SQL.
// Walking the pages must give exactly the rows one big page gives, in the same order, whatever the
// page size and whatever changes between two pages; the level and attention filters in SQL must
// agree with the level and needsAttention each row reports.

type Row = {
  id: string;
  ref: string;
  number: number;
  kind: string;
  status: string;
  inherentLevel: string | null;
  residualLevel: string | null;
  needsAttention: boolean;
  aiSystemId: string | null;
};

describeEachDialect('risk register pages and filters', (ctx) => {
  let owner: Client;
  let approver: Client;
  let orgId: string;
  let aiSystemId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const create = async (
    title: string,
    likelihood: number,
    consequence: number,
    extra: Record<string, unknown> = {},
  ) => {
    const res = await owner.post(url('/risks'), {
      title,
      source: 'C.3.4',
      likelihood,
      consequence,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as Row & { version: number };
  };
  const treat = async (id: string, residual?: [number, number]) => {
    const res = await owner.post(url(`/risks/${id}/treatments`), {
      option: 'modify',
      controlRefs: ['A.6.2.4'],
      ...(residual ? { residualLikelihood: residual[0], residualConsequence: residual[1] } : {}),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const accept = async (id: string, expiresAt = '2099-01-01') =>
    expect(
      (await approver.post(url(`/risks/${id}/acceptances`), { rationale: 'Board decision', expiresAt })).status,
    ).toBe(201);

  /** Every page of a query, following nextCursor; fails on a repeated row or a cursor loop. */
  const walk = async (query: string, limit: number) => {
    const rows: Row[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const res: { status: number; body: { items: Row[]; nextCursor: string | null } } = await owner.get(
        url(`/risks?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`),
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      rows.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return rows;
    }
    throw new Error(`no last page after 100 pages of ${query}`);
  };
  const ids = (rows: Row[]) => rows.map((r) => r.id);

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Paging Org'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
    aiSystemId = (await owner.post(url('/ai-systems'), validAiSystem())).body.id;
    // One of each case the attention rule tells apart (criteria: acceptance level medium).
    await create('Low, untreated', 1, 2);
    await create('Medium, untreated', 3, 3, { aiSystemId });
    await create('Critical, untreated', 5, 5, { aiSystemId });
    await treat((await create('Critical, treated down to low', 5, 5)).id, [1, 2]);
    await treat((await create('High, treated but still high', 4, 4, { aiSystemId })).id, [4, 3]);
    await treat((await create('Critical, treated, residual not rated yet', 5, 5)).id);
    await accept((await create('Critical, accepted', 5, 5)).id);
    const lapsed = await create('Critical, acceptance lapsed', 5, 5);
    await accept(lapsed.id);
    await ctx()
      .handle.db.updateTable('riskAcceptances')
      .set({ expiresAt: '2020-01-01' })
      .where('riskId', '=', lapsed.id)
      .execute();
    const narrow = await create('High, accepted at a lower level than it has', 4, 4);
    await accept(narrow.id);
    await ctx()
      .handle.db.updateTable('riskAcceptances')
      .set({ level: 'medium' })
      .where('riskId', '=', narrow.id)
      .execute();
    // The two acceptances above were rewritten around the module: their risks' stored positions too.
    await storeRiskPositions(ctx().handle.db, orgId);
    const removed = await create('Critical, its treatment removed', 5, 5);
    const t = await treat(removed.id, [1, 1]);
    expect((await owner.delete(url(`/risks/${removed.id}/treatments/${t.id}`))).status).toBe(204);
    await create('Critical opportunity', 5, 5, { kind: 'opportunity' });
    const closed = await create('Critical, closed', 5, 5);
    expect((await owner.patch(url(`/risks/${closed.id}`), { version: closed.version, status: 'closed' })).status).toBe(
      200,
    );
  });

  it('walks the register a page at a time: the same rows, in number order, as one big page', async () => {
    const all = (await owner.get(url('/risks?limit=500'))).body;
    expect(all.nextCursor).toBeNull();
    expect(all.items).toHaveLength(12);
    const numbers = (all.items as Row[]).map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const limit of [1, 2, 5, 11, 12]) expect(ids(await walk('', limit)), `limit ${limit}`).toEqual(ids(all.items));
    // The default page is the contract's 50.
    expect((await owner.get(url('/risks'))).body).toMatchObject({ nextCursor: null });
  });

  it('filters in SQL exactly as each row reports its level and attention, on every page', async () => {
    const all = (await owner.get(url('/risks?limit=500'))).body.items as Row[];
    const cases: [string, (r: Row) => boolean][] = [
      ['&attention=true', (r) => r.needsAttention],
      ['&kind=opportunity', (r) => r.kind === 'opportunity'],
      ['&status=closed', (r) => r.status === 'closed'],
      [`&aiSystemId=${aiSystemId}`, (r) => r.aiSystemId === aiSystemId],
      ...(['low', 'medium', 'high', 'critical'] as const).map((l): [string, (r: Row) => boolean] => [
        `&level=${l}`,
        (r) => (r.residualLevel ?? r.inherentLevel) === l,
      ]),
      [
        '&level=critical&status=open&attention=true',
        (r) => r.needsAttention && (r.residualLevel ?? r.inherentLevel) === 'critical',
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = ids(all.filter(keep));
      expect(expected.length, `${query} has rows to find`).toBeGreaterThan(0);
      expect(ids(await walk(query, 2)), query).toEqual(expected);
    }
    // The attention rule's cases, by title: what needs attention and what does not.
    expect(
      all
        .filter((r) => r.needsAttention)
        .map((r) => (r as Row & { title: string }).title)
        .sort(),
    ).toEqual(
      [
        'Critical, untreated',
        'High, treated but still high',
        'Critical, acceptance lapsed',
        'High, accepted at a lower level than it has',
        'Critical, its treatment removed',
      ].sort(),
    );
  });

  it('refuses a cursor it did not write and a page size out of range, naming the field', async () => {
    const forged = await owner.get(url(`/risks?cursor=${Buffer.from('["x"]').toString('base64url')}`));
    expect(forged.status).toBe(400);
    expect(JSON.stringify(forged.body)).toContain('cursor is not valid');
    const tooBig = await owner.get(url('/risks?limit=501'));
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('Limit must be at most 500');
  });
  it('counts and places the dashboard from the same rules as the register rows', async () => {
    const all = (await owner.get(url('/risks?limit=500'))).body.items as (Row & {
      reviewOverdue: boolean;
      acceptanceState: string;
      rated: boolean;
      likelihood: number | null;
      consequence: number | null;
    })[];
    const open = all.filter((r) => r.status === 'open' && r.kind === 'risk');
    const d = (await owner.get(url('/risk-dashboard'))).body;
    expect(d.counts.total).toBe(all.length);
    expect(d.counts.open).toBe(open.length);
    for (const l of ['low', 'medium', 'high', 'critical'])
      expect(d.counts.byLevel[l], l).toBe(open.filter((r) => (r.residualLevel ?? r.inherentLevel) === l).length);
    // Most pressing first: by level, highest first, then by number (the fixture has fewer than ten).
    const rank = (r: Row) => ['low', 'medium', 'high', 'critical'].indexOf(r.residualLevel ?? r.inherentLevel ?? '');
    const attention = open.filter((r) => r.needsAttention).sort((a, b) => rank(b) - rank(a));
    expect(ids(d.needsAttention)).toEqual(ids(attention));
    expect(d.needsAttention).toEqual(attention);
    expect(d.listTotals).toEqual({
      needsAttention: attention.length,
      reviewOverdue: open.filter((r) => r.reviewOverdue).length,
      acceptancesExpiring: open.filter((r) => r.acceptanceState === 'expiring').length,
      unrated: open.filter((r) => !r.rated).length,
    });
    expect(ids(d.unrated)).toEqual(ids(open.filter((r) => !r.rated)));
    expect(ids(d.acceptancesExpiring)).toEqual(ids(open.filter((r) => r.acceptanceState === 'expiring')));
    const cell = d.inherent.find(
      (c: { likelihood: number; consequence: number }) => c.likelihood === 5 && c.consequence === 5,
    );
    expect(cell).toEqual({
      likelihood: 5,
      consequence: 5,
      level: 'critical',
      count: open.filter((r) => r.likelihood === 5 && r.consequence === 5).length,
    });
  });

  it('lists the risks of a heatmap cell in SQL, page by page, as many as the dashboard counts', async () => {
    const titles = async (query: string) =>
      (await walk(query, 2)).map((r) => (r as Row & { title: string }).title).sort();
    const open = '&status=open&kind=risk';
    const critical5x5 = [
      'Critical, untreated',
      'Critical, treated, residual not rated yet',
      'Critical, accepted',
      'Critical, acceptance lapsed',
      'Critical, its treatment removed',
    ];
    // Inherent: where each risk was rated, treated or not.
    expect(await titles(`&heatmap=inherent&likelihood=5&consequence=5${open}`)).toEqual(
      [...critical5x5, 'Critical, treated down to low'].sort(),
    );
    // Without status and kind: the opportunity and the closed risk rated there too.
    expect(await titles('&heatmap=inherent&likelihood=5&consequence=5')).toEqual(
      [...critical5x5, 'Critical, treated down to low', 'Critical opportunity', 'Critical, closed'].sort(),
    );
    expect(await titles(`&heatmap=inherent&likelihood=4&consequence=4${open}`)).toEqual(
      ['High, treated but still high', 'High, accepted at a lower level than it has'].sort(),
    );
    // Residual: the residual rating while its treatment exists, else where the risk started.
    expect(await titles(`&heatmap=residual&likelihood=5&consequence=5${open}`)).toEqual([...critical5x5].sort());
    expect(await titles(`&heatmap=residual&likelihood=1&consequence=2${open}`)).toEqual(
      ['Low, untreated', 'Critical, treated down to low'].sort(),
    );
    expect(await titles(`&heatmap=residual&likelihood=4&consequence=3${open}`)).toEqual([
      'High, treated but still high',
    ]);
    expect(await titles(`&heatmap=residual&likelihood=4&consequence=4${open}`)).toEqual([
      'High, accepted at a lower level than it has',
    ]);
    // The removed treatment's 1 × 1 no longer counts.
    expect(await titles(`&heatmap=residual&likelihood=1&consequence=1${open}`)).toEqual([]);
    // With another filter: only the cell's risks on that AI system.
    expect(await titles(`&heatmap=inherent&likelihood=5&consequence=5&aiSystemId=${aiSystemId}`)).toEqual([
      'Critical, untreated',
    ]);
    // Every cell of both heatmaps lists as many risks as the dashboard counts in it.
    const d = (await owner.get(url('/risk-dashboard'))).body;
    for (const heatmap of ['inherent', 'residual'] as const)
      for (const c of d[heatmap] as { likelihood: number; consequence: number; count: number }[]) {
        const q = `/risks?limit=500&heatmap=${heatmap}&likelihood=${c.likelihood}&consequence=${c.consequence}${open}`;
        expect((await owner.get(url(q))).body.items, q).toHaveLength(c.count);
      }
  });

  it('refuses a heatmap cell named in part or out of the scale, naming the field', async () => {
    const refused = async (query: string, message: RegExp) => {
      const res = await owner.get(url(`/risks?${query}`));
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body), query).toMatch(message);
    };
    await refused('heatmap=inherent&likelihood=5', /consequence is missing/i);
    await refused('likelihood=5&consequence=5', /heatmap is missing/i);
    await refused('heatmap=gross&likelihood=5&consequence=5', /heatmap must be inherent or residual/i);
    await refused('heatmap=inherent&likelihood=0&consequence=5', /likelihood must be at least 1/i);
    await refused('heatmap=inherent&likelihood=5&consequence=11', /consequence must be at most 10/i);
    await refused('heatmap=inherent&likelihood=2.5&consequence=5', /likelihood must be a whole number/i);
    await refused('heatmap=inherent&likelihood=x&consequence=5', /likelihood must be a number/i);
    await refused(
      'list=everything',
      /list must be one of: needsAttention, reviewOverdue, acceptancesExpiring, unrated/i,
    );
    // The register's exports take the same filters and refuse the same way.
    const exported = await owner.get(url('/risks/export.csv?heatmap=residual&consequence=2'));
    expect(exported.status).toBe(400);
    expect(JSON.stringify(exported.body)).toMatch(/likelihood is missing/i);
  });

  it('lists the first ten of each dashboard list and counts them all, however long the list', async () => {
    const other = await newOrgOwner(ctx(), 'Long Lists Org');
    const at = (p: string) => `/api/orgs/${other.orgId}${p}`;
    const made: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const res = await other.owner.post(at('/risks'), { title: `Unrated ${i}`, source: 'C.3.4' });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    const d = (await other.owner.get(at('/risk-dashboard'))).body;
    expect(d.listTotals.unrated).toBe(12);
    expect(ids(d.unrated)).toEqual(made.slice(0, 10));
    expect(d.counts.open).toBe(12);
  });

  it('keeps its place when risks are added or removed between two pages', async () => {
    // An organization of its own: the risks it adds and deletes are no other test's rows.
    const own = await newOrgOwner(ctx(), 'Paging Edits Org');
    const at = (p: string) => `/api/orgs/${own.orgId}${p}`;
    const add = async (title: string) => {
      const res = await own.owner.post(at('/risks'), { title, source: 'C.3.4', likelihood: 2, consequence: 2 });
      expect(res.status).toBe(201);
      return res.body as Row;
    };
    for (let i = 1; i <= 7; i++) await add(`Risk ${i}`);
    const first = (await own.owner.get(at('/risks?limit=4'))).body;
    const extra = await add('Recorded while someone pages');
    // A risk already read is deleted: the next page neither repeats nor skips the others.
    expect((await own.owner.delete(at(`/risks/${first.items[1].id}`))).status).toBe(204);
    const rest: Row[] = [];
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = (await own.owner.get(at(`/risks?limit=4&cursor=${cursor}`))).body;
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const now = ids((await own.owner.get(at('/risks?limit=500'))).body.items);
    expect([...ids(first.items).filter((id) => id !== first.items[1].id), ...ids(rest)]).toEqual(now);
    expect(ids(rest).at(-1)).toBe(extra.id);
  });
});
