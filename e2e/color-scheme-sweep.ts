import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_EMAIL, seedDemo } from '../apps/server/src/demo/seed';
import { localFileStore } from '../apps/server/src/platform/files';
import {
  describeWithBrowser,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startServer,
  type Running,
} from './browser';

// The colour scheme follows the system setting (MantineProvider defaultColorScheme="auto"), so the browser
// context asks for a scheme the way a user's OS would. The demo organization gives every main page real
// content (badges, heatmap cells, tables) for axe-core to check. dark-mode.e2e.test.ts and
// light-mode.e2e.test.ts each run this sweep for one scheme, so the browser suite can run them side by side.

export type Scheme = 'dark' | 'light';

let running: Running;
let browser: Browser;
let orgUrl = '';
let password = '';
const ids = { system: '', risk: '', assessment: '', party: '', person: '' };
let session: { ctx: BrowserContext; page: Page; problems: string[] } | undefined;
/** The pages this run has loaded: the closing "no page errors" check means nothing if none were. */
const visited = new Set<string>();

/** Main pages with content: [label, path under the organization, heading that shows it has loaded]. */
const PAGES: [string, () => string, RegExp][] = [
  ['home', () => '', /Northwind Lending|Home|Dashboard/i],
  ['AI systems', () => '/ai-systems', /AI system inventory/],
  ['AI system detail', () => `/ai-systems/${ids.system}`, /Applicant credit scoring/],
  ['gap analysis overview', () => '/gap-analysis', /Gap analysis/i],
  ['gap list', () => `/gap-analysis/${ids.assessment}/gaps`, /.+/],
  ['gap questionnaire', () => `/gap-analysis/${ids.assessment}/4.1`, /.+/],
  ['context', () => '/context', /.+/],
  ['context issues', () => '/context/issues', /.+/],
  ['interested parties', () => '/context/parties', /.+/],
  ['interested party detail', () => `/context/parties/${ids.party}`, /.+/],
  ['scope', () => '/scope', /.+/],
  ['governance', () => '/governance', /.+/],
  ['RACI', () => '/raci', /.+/],
  ['risk register', () => '/risks', /risks/i],
  ['risk detail', () => `/risks/${ids.risk}`, /.+/],
  ['risk criteria', () => '/risk-criteria', /.+/],
  ['risk treatment plan', () => '/risk-treatment-plan', /.+/],
  ['SoA', () => '/soa', /.+/],
  ['controls register', () => '/controls', /Controls in operation/],
  ['control detail', () => '/controls/A.6.2.6', /A\.6\.2\.6/],
  ['impact assessments', () => '/impact-assessments', /.+/],
  ['my tasks', () => '/tasks', /.+/],
  ['master list', () => '/documentation', /Documentation/],
  ['documents', () => '/documents', /Documents/],
  ['competence matrix', () => '/competence-matrix', /Competence matrix/],
  ['people', () => '/people', /People/],
  ['person detail', () => `/people/${ids.person}`, /Tomás Ortega/],
  ['competences', () => '/competences', /Competences/],
  ['trainings', () => '/trainings', /Trainings/],
];

/** The pages kept as screenshots for a person to look at (each once per scheme). */
const SCREENSHOTS = [
  'home',
  'gap analysis overview',
  'risk register',
  'SoA',
  'AI system detail',
  'control detail',
  'competence matrix',
  'person detail',
];

async function signIn(scheme: Scheme) {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: scheme,
    bypassCSP: true,
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${running.baseUrl}/login`);
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(orgUrl);
  session = { ctx, page, problems };
}

async function visit(page: Page, path: string, heading: RegExp) {
  await page.goto(`${orgUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Nothing still loading (skeletons, loaders), and transitions settled.
  await page.waitForFunction(
    () => !document.querySelector('.mantine-Skeleton-root[data-visible], .mantine-Loader-root'),
  );
  await page.waitForTimeout(300);
}

/** Every main page of the demo organization in one colour scheme: axe finds no serious or critical violation. */
export function sweepColorScheme(scheme: Scheme) {
  beforeAll(async () => {
    running = await startServer();
    const deps = { db: running.server.handle.db, dialect: running.server.handle.dialect };
    const seeded = await seedDemo(deps, localFileStore(running.dataDir));
    if (!seeded) throw new Error('demo seed did not run on a fresh database');
    password = seeded.password;
    const orgId = seeded.organization.id;
    orgUrl = `${running.baseUrl}/orgs/${orgId}`;
    const one = async (q: Promise<{ id: string } | undefined>) => (await q)?.id ?? '';
    ids.system = await one(
      deps.db
        .selectFrom('aiSystems')
        .select('id')
        .where('orgId', '=', orgId)
        .where('name', 'like', 'Applicant credit scoring%')
        .executeTakeFirst(),
    );
    ids.risk = await one(
      deps.db.selectFrom('risks').select('id').where('orgId', '=', orgId).orderBy('number').executeTakeFirst(),
    );
    ids.assessment = await one(
      deps.db
        .selectFrom('gapAssessments')
        .select('id')
        .where('orgId', '=', orgId)
        .where('kind', '=', 'working')
        .executeTakeFirst(),
    );
    ids.party = await one(
      deps.db.selectFrom('interestedParties').select('id').where('orgId', '=', orgId).executeTakeFirst(),
    );
    ids.person = await one(
      deps.db.selectFrom('users').select('id').where('name', '=', 'Tomás Ortega').executeTakeFirst(),
    );
    expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true);
    browser = await launchBrowser();
    await signIn(scheme);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  describeWithBrowser(`${scheme} mode`, () => {
    it('is the scheme Mantine renders', async () => {
      const { page } = session!;
      await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(scheme);
    });

    it.each(PAGES)('%s passes axe (no serious or critical violations)', async (label, path, heading) => {
      const { page, problems } = session!;
      const before = problems.length;
      await visit(page, path(), heading);
      visited.add(label);
      // Each page's own errors fail its own test, so the page that logs one is named.
      expect(problems.slice(before), `${scheme} ${label}`).toEqual([]);
      if (SCREENSHOTS.includes(label)) await screenshot(page, `dark-mode-${scheme}-${label.replace(/\W+/g, '-')}`);
      const violations = await seriousA11yViolations(page);
      if (violations.length)
        console.log(
          `[${scheme}] ${label}: ${violations.length} serious/critical axe violation(s)\n  ${violations.join('\n  ')}`,
        );
      expect(violations, `${scheme} ${label}`).toEqual([]);
    });

    it('logged no page errors on any page of the sweep', () => {
      // Run alone (-t), nothing was visited and an empty list proves nothing: it fails instead.
      expect([...visited].sort()).toEqual(PAGES.map(([label]) => label).sort());
      expect(session!.problems).toEqual([]);
    });
  });
}
