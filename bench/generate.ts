import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import {
  AI_ROLES,
  AI_SYSTEM_STATUSES,
  COMPUTE_LOCATIONS,
  DATA_USES,
  LIFECYCLE_STAGES,
  RISK_TIERS,
  ZAiSystemProfile,
} from '@fortytwo/domain';
import { connect, migrate, type DbHandle } from '../apps/server/src/platform/db/connect';
import type { AiSystemProfileTable, AiSystemTable } from '../apps/server/src/platform/db/schema';
import { hashPassword, sha256 } from '../apps/server/src/platform/auth/secrets';
import { TOKEN_PREFIX } from '../apps/server/src/platform/auth/authenticate';
import { newId, newSecret } from '../apps/server/src/platform/ids';
import { printTable, round, writeResult } from './util';

/**
 * A large organization written straight into the database (no HTTP, no audit events), for the
 * benchmarks: an owner with an API token, a few dozen members who own systems, and N AI systems
 * with varied names, stages, roles, tiers and tags. Deterministic for a given seed.
 */
export type SeedOptions = {
  aiSystems: number;
  members?: number;
  batchSize?: number;
  seed?: number;
  /** Give ~80 % of the AI systems an A.4 profile (a few KB of JSON each), as a mature inventory has. */
  profiles?: boolean;
};
export type SeededOrg = {
  orgId: string;
  token: string;
  userId: string;
  email: string;
  memberIds: string[];
  seconds: number;
};

export const BENCH_PASSWORD = 'correct horse battery staple';

/** mulberry32: small, fast, and the same sequence on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = [
  'Credit',
  'Fraud',
  'Churn',
  'Claims',
  'Pricing',
  'Recruiting',
  'Support',
  'Marketing',
  'Supply chain',
  'Maintenance',
  'Medical imaging',
  'Document',
  'Anti-money-laundering',
  'Energy',
  'Translation',
  'Code review',
  'Contract',
  'Forecasting',
  'Quality inspection',
  'Search',
];
const KINDS = [
  'scoring model',
  'classifier',
  'assistant',
  'chatbot',
  'recommender',
  'anomaly detector',
  'forecaster',
  'summarizer',
  'extraction pipeline',
  'ranking service',
  'vision model',
  'copilot',
];
const QUALIFIERS = ['', '', '', ' (EU)', ' (US)', ' (APAC)', ' – pilot', ' – internal', ' for partners', ' – legacy'];
const PURPOSES = [
  'Support analysts in prioritising their review queue',
  'Estimate the likelihood of an outcome to inform a human decision',
  'Answer routine customer questions before handing over to an agent',
  'Flag unusual transactions for manual investigation',
  'Draft summaries of long documents for internal readers',
  'Recommend next actions to account managers',
  'Detect defects on the production line from camera images',
  'Forecast demand to plan staffing and stock',
];
const JURISDICTIONS = ['EU', 'US', 'UK', 'CA', 'SG', 'JP', 'BR', 'IN', 'AU', 'CH'];
const VENDORS = [
  'OpenAI',
  'Anthropic',
  'Google Cloud',
  'AWS',
  'Microsoft Azure',
  'Hugging Face',
  'Databricks',
  'Snowflake',
  'Scale AI',
  'In-house',
];
const TAGS = [
  'customer-facing',
  'internal',
  'gdpr',
  'pii',
  'genai',
  'llm',
  'vision',
  'tabular',
  'realtime',
  'batch',
  'critical',
  'experimental',
  'vendor',
  'hr',
  'finance',
  'health',
  'eu-ai-act',
  'needs-review',
];
const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Margaret',
  'John',
  'Radia',
  'Tim',
  'Katherine',
  'Linus',
  'Hedy',
  'Dennis',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Hamilton',
  'McCarthy',
  'Perlman',
  'Berners-Lee',
  'Johnson',
  'Torvalds',
  'Lamarr',
  'Ritchie',
];
const MEMBER_ROLES = ['manager', 'contributor', 'contributor', 'approver', 'internal_auditor', 'viewer'];

/** Picks from `values` with the given relative weights (same length). */
function weighted<T>(rnd: () => number, values: readonly T[], weights: number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rnd() * total;
  for (let i = 0; i < values.length; i++) {
    r -= weights[i]!;
    if (r < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}
const pick = <T>(rnd: () => number, values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
function some<T>(rnd: () => number, values: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const pool = [...values];
  const out: T[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
}

export async function seedLargeOrg(handle: DbHandle, opts: SeedOptions): Promise<SeededOrg> {
  const started = performance.now();
  const rnd = prng(opts.seed ?? 42);
  const batchSize = opts.batchSize ?? 500; // 500 rows x 18 columns stays far below both dialects' parameter limits
  const memberCount = opts.members ?? 25;
  const { db } = handle;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const run = Math.random().toString(36).slice(2, 8); // several seeded orgs can share one database
  const passwordHash = await hashPassword(BENCH_PASSWORD); // one hash for everybody: argon2 is slow on purpose

  const orgId = newId();
  const userId = newId();
  const email = `bench-owner-${run}@example.com`;
  const memberIds: string[] = [userId];
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  await db.transaction().execute(async (tx) => {
    const at = iso(now);
    await tx
      .insertInto('users')
      .values({ id: userId, email, name: 'Bench Owner', passwordHash, createdAt: at, updatedAt: at })
      .execute();
    await tx
      .insertInto('organizations')
      .values({ id: orgId, name: `Benchmark Corp ${run}`, createdAt: at, updatedAt: at, version: 1 })
      .execute();
    await tx
      .insertInto('memberships')
      .values({ orgId, userId, role: 'owner', expiresAt: null, createdAt: at, updatedAt: at, version: 1 })
      .execute();
    for (let i = 1; i < memberCount; i++) {
      const id = newId();
      const name = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
      await tx
        .insertInto('users')
        .values({ id, email: `member-${i}-${run}@example.com`, name, passwordHash, createdAt: at, updatedAt: at })
        .execute();
      await tx
        .insertInto('memberships')
        .values({
          orgId,
          userId: id,
          role: MEMBER_ROLES[i % MEMBER_ROLES.length]!,
          expiresAt: null,
          createdAt: at,
          updatedAt: at,
          version: 1,
        })
        .execute();
      memberIds.push(id);
    }
    await tx
      .insertInto('apiTokens')
      .values({
        id: newId(),
        userId,
        name: 'benchmark',
        tokenHash: sha256(token),
        tokenPrefix: token.slice(0, 7),
        createdAt: at,
        lastUsedAt: null,
        revokedAt: null,
      })
      .execute();
  });

  const twoYears = 730 * 86_400_000;
  for (let start = 0; start < opts.aiSystems; start += batchSize) {
    const rows: AiSystemTable[] = [];
    for (let i = start; i < Math.min(start + batchSize, opts.aiSystems); i++) {
      const created = now - Math.floor(rnd() * twoYears);
      const updated = Math.min(now, created + Math.floor(rnd() * rnd() * twoYears));
      const area = pick(rnd, AREAS);
      const kind = pick(rnd, KINDS);
      const ownerId = rnd() < 0.1 ? null : pick(rnd, memberIds);
      rows.push({
        id: newId(created), // UUIDv7 carries its creation time, as the server's ids do
        orgId,
        name: `${rnd() < 0.15 ? area.toLowerCase() : area} ${kind}${pick(rnd, QUALIFIERS)} v${1 + Math.floor(rnd() * 4)}.${Math.floor(rnd() * 10)} #${i + 1}`,
        description:
          rnd() < 0.2
            ? ''
            : `${area} ${kind} operated by the ${pick(rnd, ['risk', 'data', 'platform', 'operations', 'people'])} team. ${pick(rnd, PURPOSES)}.`,
        intendedPurpose: pick(rnd, PURPOSES),
        aiRoles: JSON.stringify(some(rnd, AI_ROLES, 1, 2)),
        lifecycleStage: weighted(rnd, LIFECYCLE_STAGES, [5, 8, 15, 8, 12, 40, 12]),
        ownerId,
        jurisdictions: JSON.stringify(some(rnd, JURISDICTIONS, 0, 3)),
        thirdParties: JSON.stringify(some(rnd, VENDORS, 0, 2)),
        riskTier: weighted(rnd, RISK_TIERS, [25, 35, 25, 14, 1]),
        status: weighted(rnd, AI_SYSTEM_STATUSES, [15, 75, 10]),
        tags: JSON.stringify(some(rnd, TAGS, 0, 4)),
        version: 1 + Math.floor(rnd() * rnd() * 8),
        createdAt: iso(created),
        updatedAt: iso(updated),
        createdBy: ownerId ?? userId,
        updatedBy: ownerId ?? userId,
      });
    }
    const profiles: AiSystemProfileTable[] = opts.profiles
      ? rows
          .filter(() => rnd() < 0.8)
          .map((r) => ({
            aiSystemId: r.id,
            orgId,
            content: JSON.stringify(profileFor(rnd, r.name)),
            updatedAt: r.updatedAt,
            updatedBy: r.updatedBy,
          }))
      : [];
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('aiSystems').values(rows).execute();
      if (profiles.length) await tx.insertInto('aiSystemProfiles').values(profiles).execute();
    });
  }
  // A table this size would have been analyzed by autovacuum within a minute; do it now so the first
  // measurements do not run on plans made for an empty table. SQLite gets nothing: the server never
  // runs ANALYZE or PRAGMA optimize, so its planner works without statistics in production too.
  if (handle.dialect === 'postgres') await sql`analyze`.execute(db);
  return { orgId, token, userId, email, memberIds, seconds: (performance.now() - started) / 1000 };
}

/** A filled-in A.4 profile, parsed by the domain schema so it is one the server would have saved. */
function profileFor(rnd: () => number, name: string) {
  const datasets = 1 + Math.floor(rnd() * 4);
  return ZAiSystemProfile.parse({
    dataResources: Array.from({ length: datasets }, (_, i) => ({
      name: `${name} dataset ${i + 1}`,
      origin: pick(rnd, VENDORS),
      uses: some(rnd, DATA_USES, 1, 3),
      labelling: 'Labelled by two annotators; disagreements settled by a third.',
      quality: 'Sampled monthly against a hand-checked reference set; missing values below 1 %.',
      retention: `${1 + Math.floor(rnd() * 7)} years`,
      knownBias: rnd() < 0.5 ? '' : 'Under-represents applicants over 65 and rural postcodes.',
      personalData: rnd() < 0.4,
    })),
    tooling: some(rnd, ['PyTorch', 'scikit-learn', 'MLflow', 'Airflow', 'Great Expectations'], 1, 3).map((t) => ({
      name: t,
      purpose: 'Training and tracking of model versions',
    })),
    compute: {
      location: pick(rnd, COMPUTE_LOCATIONS),
      details: 'Two GPU nodes for training, CPU inference behind the API gateway.',
      environmentalNotes: rnd() < 0.5 ? '' : 'Training runs scheduled in low-carbon hours.',
    },
    humanResources: [
      { role: 'Model owner', skills: 'Statistics, domain knowledge' },
      { role: 'ML engineer', skills: 'Deployment, monitoring' },
    ],
    intendedUse: pick(rnd, PURPOSES),
    foreseeableMisuse: 'Used outside its validated population or as the sole basis of a decision.',
    affectedGroups: some(rnd, ['Customers', 'Employees', 'Applicants', 'Patients', 'Citizens'], 1, 3),
    humanOversight: 'A reviewer confirms every adverse outcome before it is sent.',
  });
}

/**
 * Alone: `npx tsx bench/generate.ts [count]` seeds a fresh temporary SQLite database (removed
 * afterwards), or DATABASE_URL / DATA_DIR if set (kept, to try the UI with a large inventory).
 */
async function main() {
  const count = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new Error('usage: npx tsx bench/generate.ts [count between 1 and 1000000]');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const keep = Boolean(databaseUrl || process.env.DATA_DIR);
  const dataDir = process.env.DATA_DIR
    ? path.resolve(process.env.DATA_DIR)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-generate-'));
  const handle = connect({ databaseUrl, dataDir });
  try {
    await migrate(handle);
    const seeded = await seedLargeOrg(handle, { aiSystems: count });
    const rows = [[handle.dialect, count, round(seeded.seconds, 2), Math.round(count / seeded.seconds)]];
    printTable('Seeding', ['dialect', 'AI systems', 'seconds', 'rows/s'], rows);
    if (keep)
      console.log(
        `\norgId ${seeded.orgId}\nAPI token ${seeded.token}\nSign in as ${seeded.email}, password "${BENCH_PASSWORD}"`,
      );
    const file = writeResult('generate', {
      dialect: handle.dialect,
      aiSystems: count,
      seconds: seeded.seconds,
      kept: keep,
    });
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await handle.close();
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
