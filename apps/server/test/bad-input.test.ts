import { beforeAll, expect, it } from 'vitest';
import { type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

describeEachDialect('bad input', (ctx) => {
  let owner: Client;
  let orgId: string;
  let url: string;
  let existing: { id: string; version: number };

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Bad Input Org'));
    url = `/api/orgs/${orgId}/ai-systems`;
    existing = (await owner.post(url, validAiSystem({ name: 'Untouched' }))).body;
  });

  const expectUntouched = async () => {
    const list = await owner.get(url);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ name: 'Untouched', version: 1 });
  };

  it.each([
    ['malformed JSON', '{"name": "x",', 400, 'MALFORMED_JSON', /not valid JSON/],
    ['an empty JSON body', '', 400, 'MALFORMED_JSON', /empty/],
    ['a wrong type', { ...validAiSystem(), name: 42 }, 400, 'VALIDATION', /^Name must be text$/],
    [
      'a wrong enum',
      { ...validAiSystem(), lifecycleStage: 'someday' },
      400,
      'VALIDATION',
      /Lifecycle stage must be one of: idea, design/,
    ],
    ['an unknown field', { ...validAiSystem(), isAdmin: true }, 400, 'VALIDATION', /isAdmin/],
    [
      'a missing required field',
      { name: 'x', aiRoles: ['provider'], lifecycleStage: 'idea' },
      400,
      'VALIDATION',
      /^Intended purpose is required$/,
    ],
    ['an over-long string', { ...validAiSystem(), name: 'x'.repeat(201) }, 400, 'VALIDATION', /at most 200 characters/],
    ['no AI role', { ...validAiSystem(), aiRoles: [] }, 400, 'VALIDATION', /at least one AI role/],
    ['a duplicated AI role', { ...validAiSystem(), aiRoles: ['provider', 'provider'] }, 400, 'VALIDATION', /twice/],
    ['a blank name', { ...validAiSystem(), name: '   ' }, 400, 'VALIDATION', /Name is required/],
  ])('refuses %s with a clear 4xx and stores nothing', async (_label, body, status, code, message) => {
    const res = await owner.request('POST', url, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    await expectUntouched();
  });

  it('names the field by its label, never its path or code name, and keeps the path for the form (issue 18)', async () => {
    const stage = await owner.post(url, { ...validAiSystem(), lifecycleStage: '' });
    expect(stage.status).toBe(400);
    expect(stage.body.error).toEqual({
      code: 'VALIDATION',
      message: 'Lifecycle stage is required: choose the stage the system is in',
      details: {
        issues: [
          { path: 'body.lifecycleStage', message: 'Lifecycle stage is required: choose the stage the system is in' },
        ],
      },
    });
    // Two fields at once: both named, the message says each once, the issues place each on its field.
    const two = await owner.post(url, { name: 'x'.repeat(201), aiRoles: ['provider'], lifecycleStage: 'idea' });
    expect(two.body.error.message).toBe('Name must be at most 200 characters; Intended purpose is required');
    expect(two.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.name',
      'body.intendedPurpose',
    ]);
    const risks = `/api/orgs/${orgId}/risks`;
    const badDate = await owner.post(risks, { title: 'Drift', source: 'C.3.4', reviewDate: '2027-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/^Review date must be/);
    expect(badDate.body.error.details.issues[0].path).toBe('body.reviewDate');
    const long = await owner.post(risks, { title: 'Drift', source: 'C.3.4', description: 'x'.repeat(5001) });
    expect(long.body.error.message).toBe('Description: at most 5000 characters');
    const wrongType = await owner.post(risks, { title: 'Drift', source: 'C.3.4', impactAssessmentId: 7 });
    expect(wrongType.body.error.details.issues[0].path).toBe('body.impactAssessmentId');
    for (const res of [stage, two, badDate, long, wrongType]) {
      expect(res.body.error.message).not.toMatch(/Invalid request|body\.|[a-z][A-Z]/);
    }
    await expectUntouched();
  });

  it('refuses an oversized body with 413', async () => {
    const res = await owner.post(url, { ...validAiSystem(), description: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    await expectUntouched();
  });

  it('refuses a non-JSON content type with 415', async () => {
    const res = await owner.request('POST', url, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    await expectUntouched();
  });

  it('refuses an update without version, and bad query parameters', async () => {
    const res = await owner.patch(`${url}/${existing.id}`, { name: 'no version' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Version is required/);
    expect((await owner.get(`${url}?limit=0`)).body.error.message).toMatch(/^Limit must be at least 1/);
    expect((await owner.get(`${url}?limit=501`)).status).toBe(400);
    expect((await owner.get(`${url}?sort=password`)).body.error.message).toMatch(/^Sort must be one of/);
    expect((await owner.get(`${url}?cursor=garbage`)).body.error.message).toMatch(/cursor is not valid/);
    await expectUntouched();
  });

  it('stores SQL- and script-looking strings as plain text', async () => {
    const nasty = {
      name: "Robert'); DROP TABLE ai_systems;--",
      description: '<script>alert(1)</script><img src=x onerror=alert(2)>',
      intendedPurpose: "' OR '1'='1",
      tags: ['%', '_', '\\'],
    };
    const res = await owner.post(url, validAiSystem(nasty));
    expect(res.status).toBe(201);
    const got = await owner.get(`${url}/${res.body.id}`);
    expect(got.body).toMatchObject(nasty);
    expect((await owner.get(`${url}?q=${encodeURIComponent("' OR '1'='1")}`)).body.total).toBe(1);
    expect((await owner.delete(`${url}/${res.body.id}`)).status).toBe(204);
    await expectUntouched();
  });

  it('refuses the NUL character anywhere in the body, path or query with a 400 naming the field, and stores nothing', async () => {
    const body = await owner.post(url, validAiSystem({ name: 'Nul\u0000name' }));
    expect(body.status).toBe(400);
    expect(body.body.error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'body.name' }] } });
    expect(body.body.error.message).toMatch(/^Name contains the invisible NUL character/);
    const nested = await owner.post(url, validAiSystem({ tags: ['fine', 'bad\u0000tag'] }));
    expect(nested.status).toBe(400);
    expect(nested.body.error.details.issues[0].path).toBe('body.tags.1');
    const key = await owner.post(url, { ...validAiSystem(), ['evil\u0000key']: 'x' });
    expect(key.status).toBe(400);
    expect(key.body.error.code).toBe('VALIDATION');
    const patched = await owner.patch(`${url}/${existing.id}`, { version: existing.version, description: '\u0000' });
    expect(patched.status).toBe(400);
    for (const [target, path] of [
      [`${url}/%00`, 'params.id'],
      [`${url}/ab%00cd/history`, 'params.id'],
      [`/api/orgs/%00/ai-systems`, 'params.orgId'],
      [`${url}?q=%00`, 'query.q'],
      [`${url}?tag=a%00`, 'query.tag'],
      [`/api/orgs/${orgId}/audit-events?entityType=%00`, 'query.entityType'],
      [`/api/orgs/${orgId}/audit-events?action=x%00y`, 'query.action'],
    ] as const) {
      const res = await owner.get(target);
      expect(res.status, target).toBe(400);
      expect(res.body.error, target).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path }] } });
    }
    expect((await owner.delete(`${url}/%00`)).status).toBe(400);
    await expectUntouched();
  });

  it('answers a malformed percent-encoding in the address with a 400 in the contract shape and the security headers', async () => {
    for (const target of ['/api/tokens/%C0%AE', `${url}/%E0%A4%A`, `${url}/%`]) {
      const res = await owner.get(target);
      expect(res.status, target).toBe(400);
      expect(res.body.error, target).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/address/) });
      expect(res.headers['x-content-type-options'], target).toBe('nosniff');
      expect(res.headers['content-security-policy'], target).toContain("default-src 'self'");
      expect(res.headers['cache-control'], target).toBe('no-store');
    }
    const del = await owner.delete('/api/tokens/%C0%AE');
    expect(del.status).toBe(400);
    expect(del.body.error.code).toBe('VALIDATION');
    // An id longer than any route accepts: the same shape, not Fastify's raw 414.
    const long = await owner.get(`${url}/${'x'.repeat(300)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('VALIDATION');
    expect(long.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses crafted cursors with a 400 that says to start from the first page', async () => {
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const lists = [
      url,
      `${url}?sort=lifecycleStage`,
      `${url}?sort=createdAt&order=desc`,
      `/api/orgs/${orgId}/audit-events`,
      `${url}/${existing.id}/history`,
    ];
    const crafted = [
      [true, 'x'],
      [{}, 'x'],
      [[1, 2], 'x'],
      ['x'],
      [null, 'x'],
      ['x', 1],
      [1.5],
      [-1],
      [1e300],
      ['\u0000', 'x'],
      ['x', '\u0000'],
      ['x'.repeat(900), 'y'],
      'x',
      {},
      null,
    ];
    for (const list of lists) {
      for (const value of crafted) {
        const target = `${list}${list.includes('?') ? '&' : '?'}cursor=${cursor(value)}`;
        const res = await owner.get(target);
        expect(res.status, `${target} ${JSON.stringify(value)}`).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION');
        expect(res.body.error.message).toMatch(/cursor is not valid.*first page/);
      }
    }
    // A cursor of another sort order is refused too: its value has the wrong type for this sort.
    expect((await owner.get(`${url}?sort=riskTier&cursor=${cursor(['untouched', existing.id])}`)).status).toBe(400);
    // A real cursor still pages.
    await owner.post(url, validAiSystem({ name: 'Second' }));
    for (const list of [
      `${url}?limit=1`,
      `${url}?limit=1&sort=lifecycleStage`,
      `/api/orgs/${orgId}/audit-events?limit=1`,
    ]) {
      const first = await owner.get(list);
      expect(first.body.nextCursor, list).toEqual(expect.any(String));
      const next = await owner.get(`${list}&cursor=${first.body.nextCursor}`);
      expect(next.status, list).toBe(200);
      expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    }
    const second = (await owner.get(`${url}?q=Second`)).body.items[0];
    expect((await owner.delete(`${url}/${second.id}`)).status).toBe(204);
  });

  it('refuses a version or number no integer column can hold with a 400 (PostgreSQL answered 500)', async () => {
    for (const version of [2 ** 31, -(2 ** 53) + 1, -1]) {
      for (const [target, body] of [
        [`/api/orgs/${orgId}`, { version, name: 'Renamed' }],
        [`/api/orgs/${orgId}/members/${owner.user!.id}`, { version, role: 'owner' }],
        [`${url}/${existing.id}`, { version, name: 'Renamed' }],
      ] as const) {
        const res = await owner.patch(target, body);
        expect(res.status, `${target} ${version}`).toBe(400);
        expect(res.body.error.message).toMatch(/Version must be the version you read/);
      }
    }
    expect((await owner.post(`/api/orgs/${orgId}/risk-treatment-plan/approve`, { number: 2 ** 31 })).status).toBe(400);
    expect((await owner.post(`/api/orgs/${orgId}/soa/approve`, { version: 2 ** 31 })).status).toBe(400);
    expect((await owner.get(`/api/orgs/${orgId}/soa/versions/2147483648`)).status).toBe(400);
    for (const format of ['csv', 'xlsx'])
      expect((await owner.get(`/api/orgs/${orgId}/soa/export.${format}?version=2147483648`)).status).toBe(400);
    expect((await owner.get(`/api/orgs/${orgId}`)).body.name).toBe('Bad Input Org');
    await expectUntouched();
  });

  it('refuses an empty id where a record is referenced (it passed the membership check and hit a foreign key: 500)', async () => {
    const org = (p: string) => `/api/orgs/${orgId}${p}`;
    for (const [method, target, body, path] of [
      ['POST', url, validAiSystem({ ownerId: '' }), 'body.ownerId'],
      ['POST', `${url}/bulk`, { items: [validAiSystem({ ownerId: '' })] }, 'body.items.0.ownerId'],
      ['PATCH', `${url}/${existing.id}`, { version: existing.version, ownerId: '' }, 'body.ownerId'],
      ['POST', org('/actions'), { title: 'Policy', ownerId: '' }, 'body.ownerId'],
      ['PATCH', org('/governance/data_governance'), { version: 0, ownerId: '' }, 'body.ownerId'],
      [
        'POST',
        org('/risks'),
        { title: 'Drift', source: 'C.3.4', likelihood: 1, consequence: 1, ownerId: '' },
        'body.ownerId',
      ],
      [
        'POST',
        org('/risks'),
        { title: 'Drift', source: 'C.3.4', likelihood: 1, consequence: 1, aiSystemId: '' },
        'body.aiSystemId',
      ],
      ['PATCH', org('/scope'), { version: 0, aiSystemIds: [''] }, 'body.aiSystemIds.0'],
    ] as const) {
      const res = await owner.request(method, target, body);
      expect(res.status, `${method} ${target} ${path}`).toBe(400);
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(res.body.error.message).toMatch(/send the id of/);
    }
    expect((await owner.get(org('/actions'))).body.items).toEqual([]);
    expect((await owner.get(org('/risks'))).body.items).toEqual([]);
    await expectUntouched();
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await owner.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
