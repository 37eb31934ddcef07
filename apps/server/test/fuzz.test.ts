import { beforeAll, expect, it } from 'vitest';
import { PILLARS } from '@fortytwo/domain';
import {
  addMember,
  Client,
  describeEachDialect,
  newOrgOwner,
  type Res,
  signIn,
  tokenClient,
  validAiSystem,
} from './harness';

// Walks every route of the OpenAPI document as the owner of a real organization and sends what a
// careless or hostile client would: malformed bodies, path ids and query strings. Whatever comes
// in, the answer is never a 5xx, and every 4xx has the contract's shape with the security headers.
// Deterministic: one seeded generator (FUZZ_SEED=n replays another run); the seed is printed.

const SEED = Number.parseInt(process.env.FUZZ_SEED ?? '', 10) || 4242;
console.log(`[fuzz] seed ${SEED} (set FUZZ_SEED to replay another)`);

/** mulberry32: small, fast and the same on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  /** `n` of `xs` chosen by the seed (a different few per route keeps each run short, and all of them are tried across the routes). */
  const some = <T>(xs: readonly T[], n: number): T[] => {
    const rest = [...xs];
    return Array.from({ length: Math.min(n, rest.length) }, () => rest.splice(Math.floor(next() * rest.length), 1)[0]!);
  };
  return { next, pick, some };
}
type Rng = ReturnType<typeof generator>;

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  format?: string;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  minItems?: number;
};
type Parameter = { in: string; name: string; schema: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Variant = { label: string; path: string; query?: string; body?: { raw: string; type?: string } | undefined };

const FAKE_ID = '01900000-0000-7000-8000-000000000000';
const HUGE = 'A'.repeat(100_000);
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** A plausible value for a schema: every property, the first enum value, the smallest number. */
function sample(s: Schema): unknown {
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]!);
  if (s.enum) return s.enum[0];
  switch (s.type ?? 'string') {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sample(s.items ?? {}));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (s.format === 'date') return '2027-03-31';
      if (s.format === 'date-time') return '2027-03-31T00:00:00Z';
      if (s.format === 'email') return 'fuzz@example.com';
      if (s.format === 'uri') return 'https://example.com/x';
      return 'fuzz'.padEnd(s.minLength ?? 0, 'z');
  }
}

/** Values of the wrong kind for a schema, and the hostile ones that fit any field. */
function badValues(s: Schema, rng: Rng): unknown[] {
  const type = s.anyOf?.find((x) => x.type !== 'null')?.type ?? s.type;
  const byType: Record<string, unknown[]> = {
    string: [12345, true, {}, ['x'], 'x'.repeat((s as { maxLength?: number }).maxLength ?? 100) + 'y'],
    integer: ['12', 1.5, 1e308, -1, 2 ** 31, 2 ** 53 + 2, -(2 ** 31) - 1, true],
    number: ['12', 1e308, -1e308, 2 ** 31],
    boolean: ['true', 1, null],
    array: [{}, 'x', [null], [[[]]], Array.from({ length: 1001 }, () => 'x'), [{ __proto__: null, x: 1 }]],
    object: [[], 'x', 1, JSON.parse(deepObject(200)) as unknown, { ['__proto__']: { polluted: true } }],
  };
  const any = [
    null,
    HUGE,
    'a\u0000b',
    '',
    '   ',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 \u202e\u200b',
    '\ud800',
    JSON.parse(deepArray(300)) as unknown,
    "'; DROP TABLE users; --",
    { toString: 1 },
  ];
  return [...(byType[type ?? ''] ?? []), rng.pick(any), rng.pick(any)];
}

/** Every property path of a sample body, one level into arrays of objects. */
function propertyPaths(s: Schema, prefix: (string | number)[] = []): { path: (string | number)[]; schema: Schema }[] {
  if (s.type !== 'object' || !s.properties) return [];
  return Object.entries(s.properties).flatMap(([k, v]) => {
    const here = { path: [...prefix, k], schema: v };
    const inner =
      v.type === 'array' && v.items?.type === 'object'
        ? propertyPaths(v.items, [...prefix, k, 0])
        : propertyPaths(v, [...prefix, k]);
    return [here, ...inner];
  });
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === null || typeof at[key] !== 'object')
      at[key] = typeof path[path.indexOf(key) + 1] === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path.at(-1)!] = value;
  return copy;
}

const json = (v: unknown) => ({ raw: JSON.stringify(v) });

function bodyVariants(schema: Schema | undefined, rng: Rng): Variant['body'][] {
  const base = schema ? sample(schema) : {};
  const structural: Variant['body'][] = [
    undefined,
    { raw: '' },
    { raw: '{"name": "x",' },
    { raw: 'null' },
    { raw: '[]' },
    { raw: '"text"' },
    { raw: '42' },
    { raw: deepArray(5000) },
    { raw: deepObject(5000) },
    { raw: '{"__proto__": {"isAdmin": true}}' },
    { raw: '{"constructor": {"prototype": {"isAdmin": true}}}' },
    { raw: JSON.stringify(base), type: 'text/plain' },
    { raw: JSON.stringify({ big: 'x'.repeat(1_100_000) }) },
    json(base),
    json({ ...(base as object), unknownField: 'x' }),
    json([base]),
  ];
  const fields = schema ? propertyPaths(schema) : [];
  const mutated = fields.flatMap(({ path, schema: s }) => {
    const values = badValues(s, rng);
    // One hostile value per field, chosen by the seed: every field is hit on every run, each time differently.
    const hostile = [json(withValue(base, path, rng.pick(values)))];
    // A reference to another record, always: empty, and well formed but of nothing (never a foreign-key 500).
    const key = String(path.at(-1));
    if (/Ids?$/.test(key))
      for (const ref of ['', FAKE_ID]) hostile.push(json(withValue(base, path, key.endsWith('Ids') ? [ref] : ref)));
    return hostile;
  });
  return [...structural, ...mutated];
}

/** Tried in every path parameter; then a few of PATH_IDS, chosen by the seed. */
const ALWAYS_PATH_IDS = ['%00', '%C0%AE', 'x'.repeat(300)];
const PATH_IDS = [
  'a%00b',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(99),
  '%',
  '%ZZ',
  encodeURIComponent('ünïcødé😀'),
  "'%20OR%201%3D1--",
  '-1',
  '2147483648',
  '9007199254740993',
  '%2e%2e',
  'null',
  '__proto__',
];

const CURSORS = [
  [true, 'x'],
  [{}, 'x'],
  [[1, 2], 'x'],
  ['x'],
  [null, null],
  [1e308, 'x'],
  [-1],
  [2 ** 31],
  [1.5],
  ['\u0000', 'x'],
  ['x', '\u0000'],
  'x',
  {},
  null,
  'not json',
]
  .map(b64)
  .concat(['%00', '!!!', '', 'A'.repeat(1001)]);

const GENERIC_QUERIES = [
  '%00=1',
  'a=%00',
  'limit=0&cursor=%00',
  '__proto__[x]=1&constructor=x',
  'q=%C0%AE',
  `x=${'a'.repeat(5000)}`,
  '&&&=&=',
  'limit=1&limit=2',
  'limit=-1',
  'limit=1e309',
  'cursor=%FF%FE',
];

function queryVariants(params: Parameter[], rng: Rng): string[] {
  return params
    .filter((p) => p.in === 'query')
    .flatMap((p) => {
      const n = p.name;
      const type = p.schema.type;
      // Every crafted cursor on every list: they are what found the 500s of issue 17.
      if (n === 'cursor')
        return CURSORS.map(
          (c) =>
            `cursor=${c}&sort=${rng.pick(['lifecycleStage', 'riskTier', 'createdAt', 'name'])}&order=${rng.pick(['asc', 'desc'])}`,
        );
      const values =
        type === 'integer' || type === 'number'
          ? [
              '2147483648',
              ...rng.some(['0', '-1', 'abc', '1.5', '1e309', '9007199254740993', '', '%00', 'Infinity', '0x10'], 3),
            ]
          : p.schema.enum
            ? rng.some(['nope', '', '%00', 'A'.repeat(3000), '__proto__'], 2)
            : [
                '%00',
                ...rng.some(
                  ['%C0%AE', 'A'.repeat(3000), '', '%FF%FE', "'%20OR%201%3D1--", '%E2%80%AE', '%25', '_%25'],
                  3,
                ),
              ];
      return [...values.map((v) => `${n}=${v}`), rng.pick([`${n}=a&${n}=b`, `${n}[]=a`])];
    });
}

const isExport = (url: string) => /\/(export|report)\.\w+$|\/oscal$/.test(url);

describeEachDialect('fuzzing every route with malformed input', (ctx) => {
  let owner: Client;
  let cookieOwner: Client;
  let doc: { paths: Record<string, Partial<Record<Lowercase<Method>, Operation>>> };
  const ids: Record<string, string> = {};
  const stats = { requests: 0, byStatus: {} as Record<number, number> };

  beforeAll(async () => {
    const { owner: signedIn, orgId } = await newOrgOwner(ctx(), 'Fuzz Org');
    cookieOwner = signedIn;
    // A bearer token: no CSRF header to keep, and signing out (POST /auth/logout) ends no session of ours.
    owner = await tokenClient(cookieOwner);
    const url = (p: string) => `/api/orgs/${orgId}${p}`;
    const created = async (path: string, body: unknown) => {
      const res = await owner.post(path, body as Record<string, unknown>);
      if (res.status !== 201 && res.status !== 200) throw new Error(`seeding ${path}: ${res.status} ${res.text}`);
      return res.body;
    };
    const viewer = await addMember(ctx(), cookieOwner, orgId, 'viewer');
    const invitation = await created(url('/invitations'), { email: 'fuzz-invitee@example.com', role: 'viewer' });
    const risk = await created(url('/risks'), { title: 'Drift', source: 'C.3.4', likelihood: 2, consequence: 2 });
    const aiSystem = await created(url('/ai-systems'), validAiSystem());
    const document = await created(url('/documents'), { typeId: 'ai-policy' });
    await owner.put(url('/controls/A.6.2.4/implementation'), { version: 0, status: 'operating', cadenceMonths: 3 });
    const control = await created(url('/controls/A.6.2.4/occurrences'), { performedOn: '2026-01-15', outcome: 'ok' });
    const person = await created(url('/people'), { name: 'Fuzz contractor' });
    const course = await created(url('/development-actions'), { title: 'Fuzz course', kind: 'course' });
    const objective = await created(url('/objectives'), { title: 'Fair scoring' });
    const withProgress = await created(url(`/objectives/${objective.id}/progress`), { onDate: '2027-01-31', value: 1 });
    const audit = await created(url('/audits'), { title: 'Fuzz audit', scope: { refs: ['9.2'] } });
    const release = await created(url(`/ai-systems/${aiSystem.id}/releases`), {
      version: '1.0.0',
      releasedOn: '2026-11-01',
    });
    const change = await created(url(`/ai-systems/${aiSystem.id}/changes`), {
      kind: 'retraining',
      title: 'Fuzz retraining',
      occurredOn: '2026-11-01',
    });
    // A certified engagement: stage 2 done, the certificate recorded, then a finding of stage 2.
    const cycleCb = await created(url('/certification-engagements'), { cbName: 'Fuzz cycle CB' });
    const stage2 = await created(url(`/certification-engagements/${cycleCb.id}/audits`), {
      kind: 'stage2',
      status: 'done',
      startDate: '2026-10-01',
    });
    const certificate = await created(url(`/certification-engagements/${cycleCb.id}/certificate`), {
      certificateNumber: 'FUZZ-1',
      decisionDate: '2026-11-01',
      issueDate: '2026-11-01',
    });
    const cbFinding = await created(url(`/certification-audits/${stage2.id}/findings`), {
      grade: 'ofi',
      clauseRef: '9.1',
      title: 'Fuzz OFI',
    });
    Object.assign(ids, {
      'certification-audits/{auditId}': stage2.id,
      'certification-findings/{findingId}': cbFinding.id,
      'certificates/{certificateId}': certificate.id,
      'orgs/{orgId}': orgId,
      'members/{userId}': viewer.user!.id,
      'invitations/{id}': invitation.id,
      'invitations/{token}': invitation.token,
      'tokens/{id}': (await created('/api/tokens', { name: 'spare' })).id,
      'ai-systems/{id}': aiSystem.id,
      'custom-controls/{id}': (await created(url('/custom-controls'), { ref: 'P-1', title: 'T', description: 'D' })).id,
      'imports/{id}': FAKE_ID,
      'gap-assessments/{id}': (await created(url('/gap-assessments'), { name: 'Baseline' })).id,
      'items/{ref}': 'A.6.2.4',
      'files/{fileId}': FAKE_ID,
      'actions/{id}': (await created(url('/actions'), { title: 'Write the policy' })).id,
      'context-issues/{id}': (
        await created(url('/context-issues'), { kind: 'internal', category: 'other', description: 'x' })
      ).id,
      'interested-parties/{id}': (
        await created(url('/interested-parties'), {
          name: 'Regulator',
          category: 'regulators',
          requirements: [{ kind: 'legal', description: 'x', addressed: false }],
        })
      ).id,
      'governance/{pillar}': PILLARS[0],
      'raci/{id}': (await created(url('/raci'), { name: 'Approve models' })).id,
      'risks/{id}': risk.id,
      'treatments/{treatmentId}': (await created(url(`/risks/${risk.id}/treatments`), { option: 'avoid' })).id,
      'impact-assessments/{id}': (
        await created(url('/impact-assessments'), { aiSystemId: aiSystem.id, trigger: 'periodic' })
      ).id,
      'password-resets/{token}': (await created(url(`/members/${viewer.user!.id}/password-reset`), {})).token,
      'versions/{version}': '1',
      'documents/{id}': document.id,
      'versions/{versionId}': document.latest.id,
      'frameworks/{frameworkId}': 'iso42001',
      'competences/{id}': (await created(url('/competences'), { name: 'Fuzz competence' })).id,
      'people/{id}': person.id,
      'development-actions/{id}': course.id,
      'training-assignments/{id}': (
        await created(url('/training-assignments'), { personId: person.id, actionId: course.id })
      ).id,
      'objectives/{id}': objective.id,
      'progress/{entryId}': withProgress.progress[0].id,
      'metrics/{id}': (await created(url('/metrics'), { name: 'Accuracy', upperThreshold: 1 })).id,
      'crosswalks/{crosswalkId}': (await owner.get('/api/catalog/crosswalks')).body.items[0].id,
      'controls/{ref}': 'A.6.2.4',
      'occurrences/{id}': control.occurrences[0].id,
      'evidence/{id}': (
        await created(url('/evidence'), {
          title: 'Fuzz evidence',
          url: 'https://evidence.example.com/fuzz',
          subjectType: 'control',
          subjectId: 'A.6.2.4',
        })
      ).id,
      'data-sets/{id}': (await created(url('/data-sets'), { name: 'Fuzz data' })).id,
      'suppliers/{id}': (await created(url('/suppliers'), { name: 'Fuzz supplier' })).id,
      'certification-engagements/{id}': (await created(url('/certification-engagements'), { cbName: 'Fuzz CB' })).id,
      'audits/{id}': audit.id,
      'checklist/{itemId}': audit.checklist[0].id,
      'nonconformities/{id}': (
        await created(url('/nonconformities'), { source: 'other', grade: 'minor', title: 'Fuzz NC' })
      ).id,
      'improvements/{id}': (await created(url('/improvements'), { title: 'Fuzz improvement' })).id,
      'management-reviews/{id}': (
        await created(url('/management-reviews'), { title: 'Fuzz review', meetingDate: '2026-11-01', attendeeIds: [] })
      ).id,
      // The auditor workspace: a request of the organization, and evidence to share.
      'requests/{id}': (await created(url('/auditor-workspace/requests'), { title: 'Fuzz request' })).id,
      'shares/{id}': (await created(url('/evidence'), { title: 'Fuzz shared', url: 'https://evidence.example.com/s' }))
        .id,
      // A saved view of the owner's (issue 20): views are per person.
      'saved-views/{id}': (await created(url('/saved-views'), { register: 'risks', name: 'Fuzz view', state: {} })).id,
      'releases/{releaseId}': release.id,
      'changes/{changeId}': change.id,
      'reassessments/{reassessmentId}': FAKE_ID,
      // Never a live session: the fuzzed DELETE must not sign anyone out.
      'sessions/{id}': '0000000000000000',
      'links/{subjectType}': 'control',
      '{subjectType}/{subjectId}': 'A.6.2.4',
    });
    doc = (await owner.get('/api/openapi.json')).body;
  });

  /** The route with real ids, and with one id at a time replaced by a malformed one. */
  function paths(template: string, rng: Rng): { label: string; path: string }[] {
    const params = [...template.matchAll(/([^/]+)\/\{(\w+)\}/g)].map((m) => `${m[1]}/{${m[2]}}`);
    const missing = params.filter((p) => ids[p] === undefined);
    if (missing.length)
      throw new Error(`The fuzz test has no id for ${missing.join(', ')} (in ${template}): add one to its seeding`);
    const fill = (except?: string, bad?: string) =>
      params.reduce(
        (url, p) => url.replace(p, p.replace(/\{\w+\}/, p === except ? bad! : encodeURIComponent(ids[p]!))),
        template,
      );
    const bad = (p: string) => [...ALWAYS_PATH_IDS, ...rng.some(PATH_IDS, p === 'orgs/{orgId}' ? 1 : 2)];
    return [
      { label: 'real ids', path: fill() },
      ...params.flatMap((p) => bad(p).map((id) => ({ label: `${p} = ${id.slice(0, 20)}`, path: fill(p, id) }))),
    ];
  }

  const failures: string[] = [];
  async function send(client: Client, method: Method, v: Variant, extraHeaders: Record<string, string> = {}) {
    const url = v.query === undefined ? v.path : `${v.path}?${v.query}`;
    const headers: Record<string, string> = {
      ...(v.body ? { 'content-type': v.body.type ?? 'application/json' } : {}),
      ...extraHeaders,
    };
    let res: Res;
    try {
      res = await client.request(method, url, v.body?.raw, headers);
    } catch (err) {
      failures.push(`THREW ${method} ${url.slice(0, 200)} [${v.label}]: ${String(err)}`);
      return;
    }
    stats.requests++;
    stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
    const where = `${res.status} ${method} ${url.slice(0, 160)} [${v.label}]`;
    if (res.status >= 500) failures.push(`${where}: ${res.text.slice(0, 300)}`);
    else if (
      res.status >= 400 &&
      (typeof res.body?.error?.code !== 'string' || typeof res.body?.error?.message !== 'string')
    )
      failures.push(`${where}: not the contract's error shape: ${res.text.slice(0, 200)}`);
    if (res.headers['x-content-type-options'] !== 'nosniff') failures.push(`${where}: no security headers`);
  }

  const start = () => {
    stats.requests = 0;
    stats.byStatus = {};
    failures.length = 0;
    return performance.now();
  };
  const report = (what: string, started: number) => {
    console.log(
      `[fuzz] ${ctx().dialect} ${what}: ${stats.requests} requests in ${((performance.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(stats.byStatus)}`,
    );
    stats.requests = 0;
    stats.byStatus = {};
    expect(failures.splice(0), `seed ${SEED}`).toEqual([]);
  };

  // Each sweep sends thousands of requests one after another: 10-26 s here with other work running, over 60 s with
  // the browser suite and another Node's suite sharing CI's two CPUs. The timeout only guards a hang.
  it(
    'answers malformed bodies, path ids and query strings of every write route without a 5xx, in the contract shape',
    { timeout: 180_000 },
    async () => {
      const started = start();
      const rng = generator(SEED);
      const routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
        (['post', 'put', 'patch', 'delete'] as const)
          .filter((m) => ops[m])
          .map((m) => ({ template, method: m.toUpperCase() as Method, op: ops[m]! })),
      );
      expect(routes.length).toBeGreaterThan(50);
      // Deletions last, children before their parents, so the other routes still find their records.
      routes.sort(
        (a, b) =>
          Number(a.method === 'DELETE') - Number(b.method === 'DELETE') ||
          (a.method === 'DELETE' ? b.template.length - a.template.length : 0),
      );
      for (const { template, method, op } of routes) {
        const content = op.requestBody?.content ?? {};
        const schema = content['application/json']?.schema;
        const [real, ...badPaths] = paths(template, rng);
        const base = schema ? JSON.stringify(sample(schema)) : undefined;
        const variants: Variant[] = [
          ...badPaths.map((p) => ({ ...p, body: base === undefined ? undefined : { raw: base } })),
          ...(method === 'DELETE'
            ? []
            : bodyVariants(schema, rng).map((body, i) => ({ label: `body ${i}`, path: real!.path, body }))),
          ...(content['multipart/form-data']
            ? multipartVariants().map((body, i) => ({ label: `multipart ${i}`, path: real!.path, body }))
            : []),
          ...[rng.pick(GENERIC_QUERIES)].map((query) => ({
            label: 'query',
            path: real!.path,
            query,
            body: base === undefined ? undefined : { raw: base },
          })),
          // Last: for a deletion, the one request that may succeed.
          { label: 'real ids', path: real!.path, body: base === undefined ? undefined : { raw: base } },
        ];
        for (const v of variants) await send(owner, method, v);
      }
      report('write routes', started);
    },
  );

  it(
    'answers hostile query strings and path ids of every read route without a 5xx, in the contract shape',
    { timeout: 180_000 },
    async () => {
      const started = start();
      const rng = generator(SEED + 1);
      for (const [template, ops] of Object.entries(doc.paths)) {
        const op = ops.get;
        if (!op) continue;
        const [real, ...badPaths] = paths(template, rng);
        const queries = queryVariants(op.parameters ?? [], rng);
        // Exports build whole documents: their hostile queries are the declared ones, which fail fast.
        const generic = isExport(template) ? [] : rng.some(GENERIC_QUERIES, 3);
        const variants: Variant[] = [
          ...badPaths,
          ...[...generic, ...queries].map((query) => ({ label: 'query', path: real!.path, query })),
        ];
        for (const v of variants) await send(owner, 'GET', v);
      }
      report('read routes', started);
    },
  );

  it('answers hostile credentials and CSRF headers without a 5xx, in the contract shape', async () => {
    const started = start();
    const rng = generator(SEED + 2);
    // The write routes may have ended every session of the owner (POST /auth/logout-everywhere).
    const session = (await signIn(ctx(), cookieOwner.user!.email)).auth.cookie!;
    const credentials: Record<string, string>[] = [
      { cookie: 'ft_session=%00' },
      { cookie: `ft_session=${'x'.repeat(4000)}` },
      { cookie: 'ft_session=' },
      { cookie: `ft_session=${session}; ft_session=other` },
      { authorization: `Bearer ft_${'x'.repeat(4000)}` },
      { authorization: 'Bearer' },
      { authorization: 'Basic Zm9vOmJhcg==' },
      { authorization: 'Bearer ft_%00' },
      { cookie: `ft_session=${session}`, 'x-csrf-token': 'wrong' },
      { cookie: `ft_session=${session}`, 'x-csrf-token': 'x'.repeat(4000) },
    ];
    const routes = Object.entries(doc.paths).flatMap(([template, ops]) =>
      (['get', 'post', 'patch', 'delete'] as const)
        .filter((m) => ops[m])
        .map((m) => ({ template, method: m.toUpperCase() as Method })),
    );
    const anonymousClient = new Client(ctx());
    for (const { template, method } of rng.some(routes, 12)) {
      const [real] = paths(template, rng);
      for (const headers of credentials)
        await send(
          anonymousClient,
          method,
          {
            label: Object.keys(headers).join('+'),
            path: real!.path,
            body: method === 'GET' ? undefined : { raw: '{}' },
          },
          headers,
        );
    }
    report('credentials', started);
  });
});

function multipartVariants(): NonNullable<Variant['body']>[] {
  const boundary = 'fuzzboundary';
  const part = (name: string, filename: string, bytes: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n${bytes}\r\n`;
  const type = `multipart/form-data; boundary=${boundary}`;
  return [
    { raw: `${part('file', 'a\u0000b.xlsx', 'not a workbook')}--${boundary}--\r\n`, type },
    { raw: `${part('file', '../../etc/passwd', 'x')}${part('file', 'two.pdf', 'y')}--${boundary}--\r\n`, type },
    { raw: `${part('other', 'x.txt', 'x')}--${boundary}--\r\n`, type },
    { raw: `--${boundary}\r\nbroken`, type },
    { raw: 'no boundary at all', type: 'multipart/form-data' },
  ];
}
