import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_EMAIL, seedDemo } from '../apps/server/src/demo/seed';
import { localFileStore } from '../apps/server/src/platform/files';
import { describeWithBrowser, launchBrowser, screenshot, startServer, type Running } from './browser';

// Every main page on a 390 px phone (issue 18): nothing wider than the screen, the page title never
// squeezed to a letter per line nor covered by its buttons, and the navigation drawer opaque. The
// demo organization gives each page its real content (long titles, tables, header buttons).

const WIDTH = 390;
let running: Running;
let browser: Browser;
let page: Page;
let orgUrl = '';
const problems: string[] = [];
const ids = { system: '', risk: '', assessment: '', party: '', impact: '' };

/** [label, path under the organization]. */
const PAGES: [string, () => string][] = [
  ['overview', () => ''],
  ['AI systems', () => '/ai-systems'],
  ['AI system detail', () => `/ai-systems/${ids.system}`],
  ['gap analysis', () => '/gap-analysis'],
  ['gap list', () => `/gap-analysis/${ids.assessment}/gaps`],
  ['gap questionnaire', () => `/gap-analysis/${ids.assessment}/4.1`],
  ['context', () => '/context'],
  ['context issues', () => '/context/issues'],
  ['interested parties', () => '/context/parties'],
  ['interested party detail', () => `/context/parties/${ids.party}`],
  ['scope', () => '/scope'],
  ['governance', () => '/governance'],
  ['RACI', () => '/raci'],
  ['risk criteria', () => '/risk-criteria'],
  ['risk register', () => '/risks'],
  ['risk detail', () => `/risks/${ids.risk}`],
  ['risk treatment plan', () => '/risk-treatment-plan'],
  ['impact assessments', () => '/impact-assessments'],
  ['impact assessment detail', () => `/impact-assessments/${ids.impact}`],
  ['SoA', () => '/soa'],
  ['catalogue', () => '/catalog'],
  ['members', () => '/members'],
  ['audit trail', () => '/audit-trail'],
  ['my tasks', () => '/tasks'],
];

beforeAll(async () => {
  running = await startServer();
  const deps = { db: running.server.handle.db, dialect: running.server.handle.dialect };
  const seeded = await seedDemo(deps, localFileStore(running.dataDir));
  if (!seeded) throw new Error('demo seed did not run on a fresh database');
  const orgId = seeded.organization.id;
  orgUrl = `${running.baseUrl}/orgs/${orgId}`;
  const one = async (q: Promise<{ id: string } | undefined>) => (await q)?.id ?? '';
  ids.system = await one(
    deps.db.selectFrom('aiSystems').select('id').where('orgId', '=', orgId).orderBy('name').executeTakeFirst(),
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
  ids.impact = await one(
    deps.db.selectFrom('impactAssessments').select('id').where('orgId', '=', orgId).executeTakeFirst(),
  );
  expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true);
  browser = await launchBrowser();
  const ctx = await browser.newContext({
    viewport: { width: WIDTH, height: 844 },
    colorScheme: 'light',
    isMobile: true,
    hasTouch: true,
  });
  page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${running.baseUrl}/login`);
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByRole('textbox', { name: 'Password' }).fill(seeded.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(orgUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

type Layout = {
  overflow: { width: number; culprits: string[] };
  title: { lines: number; text: string } | null;
  overlaps: string[];
};

/** What the page looks like at this width: its overflow (and the widest elements causing it), the h1's line count, header overlaps. */
const measure = (): Promise<Layout> =>
  page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').slice(0, 2).join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const culprits = [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > vw + 1)
      // Inside a horizontal scroller is fine (wide tables scroll on their own).
      .filter(
        (e) =>
          !e.parentElement?.closest('.mantine-ScrollArea-viewport, .mantine-Table-scrollContainer, [data-scroll-x]'),
      )
      .slice(0, 5)
      .map(describe);
    const h1 = document.querySelector('main h1');
    let title: Layout['title'] = null;
    const overlaps: string[] = [];
    if (h1) {
      const lineHeight = parseFloat(getComputedStyle(h1).lineHeight) || parseFloat(getComputedStyle(h1).fontSize) * 1.3;
      title = {
        lines: Math.round(h1.getBoundingClientRect().height / lineHeight),
        text: (h1.textContent ?? '').trim(),
      };
      const t = h1.getBoundingClientRect();
      const header = h1.closest('.mantine-Stack-root')?.parentElement ?? h1.parentElement!;
      for (const el of header.querySelectorAll('button, a, .mantine-Badge-root')) {
        if (h1.contains(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const overlap =
          Math.min(t.right, r.right) - Math.max(t.left, r.left) > 2 &&
          Math.min(t.bottom, r.bottom) - Math.max(t.top, r.top) > 2;
        if (overlap) overlaps.push(describe(el));
      }
    }
    return { overflow: { width: document.documentElement.scrollWidth, culprits }, title, overlaps };
  });

describeWithBrowser(`every main page at ${WIDTH} px`, () => {
  it.each(PAGES)('%s fits the screen with a readable, uncovered title', async (label, path) => {
    await page.goto(`${orgUrl}${path()}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.mantine-Skeleton-root[data-visible], .mantine-Loader-root'),
    );
    const layout = await measure();
    if (layout.overflow.width > WIDTH || (layout.title?.lines ?? 0) > 3 || layout.overlaps.length)
      await screenshot(page, `phone-${label.replace(/\W+/g, '-')}`);
    expect(
      layout.overflow.width,
      `${label} is ${layout.overflow.width} px wide: ${layout.overflow.culprits.join('; ')}`,
    ).toBeLessThanOrEqual(WIDTH);
    expect(
      layout.title!.lines,
      `${label}: "${layout.title!.text}" takes ${layout.title!.lines} lines`,
    ).toBeLessThanOrEqual(3);
    expect(layout.overlaps, `${label}: header elements over the title`).toEqual([]);
  });

  it('opens an opaque navigation drawer over the page', async () => {
    await page.goto(`${orgUrl}/risks`);
    await page.locator('main h1').first().waitFor();
    await page.getByRole('button', { name: /navigation/i }).click();
    const nav = page.locator('.mantine-AppShell-navbar');
    await nav.waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'phone-navigation');
    const bg = await nav.evaluate((e) => getComputedStyle(e).backgroundColor);
    // rgb(…) is opaque; rgba(…, a < 1) or "transparent" lets the page show through.
    expect(bg, `navigation background ${bg}`).toMatch(/^rgb\(/);
    const onTop = await nav.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height - 40);
      return hit !== null && e.contains(hit);
    });
    expect(onTop, 'the drawer is above the page content').toBe(true);
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});
