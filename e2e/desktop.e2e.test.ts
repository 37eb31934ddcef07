import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_EMAIL, seedDemo } from '../apps/server/src/demo/seed';
import { localFileStore } from '../apps/server/src/platform/files';
import { describeWithBrowser, launchBrowser, screenshot, startServer, type Running } from './browser';

// The demo organization on a 1440 × 900 laptop (issue 18, item 10): the labels a user reads to find
// their way (questionnaire sections, gap results, heatmap rows and cells) are shown whole, not cut
// with an ellipsis, and every navigation entry can be reached with the mouse wheel.

let running: Running;
let browser: Browser;
let page: Page;
let orgUrl = '';
let assessment = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  const deps = { db: running.server.handle.db, dialect: running.server.handle.dialect };
  const seeded = await seedDemo(deps, localFileStore(running.dataDir));
  if (!seeded) throw new Error('demo seed did not run on a fresh database');
  const orgId = seeded.organization.id;
  orgUrl = `${running.baseUrl}/orgs/${orgId}`;
  assessment =
    (
      await deps.db
        .selectFrom('gapAssessments')
        .select('id')
        .where('orgId', '=', orgId)
        .where('kind', '=', 'working')
        .executeTakeFirst()
    )?.id ?? '';
  expect(assessment).not.toBe('');
  browser = await launchBrowser();
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
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

async function open(path: string) {
  await page.goto(`${orgUrl}${path}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('.mantine-Skeleton-root[data-visible], .mantine-Loader-root'),
  );
}

/** The texts under `selector` that do not fit their box (cut by an ellipsis or a line clamp); fails if none match. */
async function cutLabels(selector: string): Promise<{ count: number; cut: string[] }> {
  await page.locator(selector).first().waitFor();
  return page.evaluate((sel) => {
    const all = [...document.querySelectorAll<HTMLElement>(sel)];
    const cut = all
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .map(
        (e) =>
          `"${(e.textContent ?? '').trim()}" (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`,
      );
    return { count: all.length, cut };
  }, selector);
}

describeWithBrowser('the demo organization at 1440 × 900', () => {
  it('shows the questionnaire sections by their whole titles', async () => {
    await open(`/gap-analysis/${assessment}/4.1`);
    const { count, cut } = await cutLabels('[data-testid="section"] [data-testid="section-title"]');
    expect(count).toBeGreaterThan(10);
    if (cut.length) await screenshot(page, 'desktop-questionnaire');
    expect(cut, 'cut section titles').toEqual([]);
  });

  it('shows every result in the gap list in full', async () => {
    await open(`/gap-analysis/${assessment}/gaps`);
    const { count, cut } = await cutLabels('main table tbody .mantine-Badge-label');
    expect(count).toBeGreaterThan(0);
    if (cut.length) await screenshot(page, 'desktop-gap-list');
    expect(cut, 'cut result badges').toEqual([]);
  });

  it('shows the gap heatmap cells by their whole titles', async () => {
    await open('/gap-analysis');
    const { count, cut } = await cutLabels('[data-testid="heat-cell"] [data-testid="heat-title"]');
    expect(count).toBeGreaterThan(10);
    if (cut.length) await screenshot(page, 'desktop-gap-heatmap');
    expect(cut, 'cut heatmap titles').toEqual([]);
  });

  it('shows the risk heatmap rows by their whole likelihood labels', async () => {
    await open('/risks');
    const { count, cut } = await cutLabels('[data-testid="risk-heat-label"]');
    expect(count).toBeGreaterThan(2);
    if (cut.length) await screenshot(page, 'desktop-risk-heatmap');
    expect(cut, 'cut heatmap labels').toEqual([]);
  });

  it.each(['Catalogue', 'Members', 'Audit trail'])(
    'reaches %s in the navigation with the mouse wheel',
    async (name) => {
      await open('');
      const nav = page.locator('.mantine-AppShell-navbar');
      const box = (await nav.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 3000);
      const link = nav.getByRole('link', { name, exact: true });
      await expect
        .poll(() =>
          link.evaluate((e) => {
            const r = e.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return r.bottom <= window.innerHeight && hit !== null && e.contains(hit);
          }),
        )
        .toBe(true);
      await link.click({ trial: false, force: false });
      await expect.poll(() => page.url()).toMatch(/\/(catalog|members|audit-trail)$/);
    },
  );

  it('lists both organizations on /welcome for a member of two (not "in no organization")', async () => {
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/orgs', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: 'Second Venture' }),
      });
      return res.status;
    });
    expect(status).toBe(201);
    await page.goto(`${running.baseUrl}/welcome`);
    const orgs = page.getByTestId('welcome-orgs');
    await orgs.getByRole('link', { name: 'Second Venture' }).waitFor();
    await expect.poll(() => orgs.getByRole('link').count()).toBe(2);
    expect(await page.getByText('You are not in any organization yet').count()).toBe(0);
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});
