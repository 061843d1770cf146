import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { expectFitsLaptops, freshAdminPage, launchBrowser, screenshot, seriousViolations } from './browser';

/** The moderation dashboard, drawn from comments, reports and decisions made through the API. */

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let moderator: TestAdmin;
let author: TestUser;

const BUSY_TITLE = 'Harbour bridge reopens after repairs';

const decide = async (documentId: string, action: 'approve' | 'hide') => {
  const { version } = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } });
  const res = await adminCall(app, moderator).post(`/comments/moderation/comments/${documentId}/actions`, {
    action,
    reason: 'Dashboard scenario',
    version,
  });
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
};

const chart = (page: Page, id: string) => page.locator(`[data-testid="chart-${id}"]`);
/** The texts recharts drew in a chart's SVG (axis ticks, bar labels). */
const svgTexts = (page: Page, id: string) => chart(page, id).locator('svg text').allTextContents();

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true' } });
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  const token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  author = await createSubscriber(app, token, { displayName: 'Dashboard Reader' });
  const busy = (await createArticle(app, { title: BUSY_TITLE })).documentId;
  const quiet = (await createArticle(app, { title: 'Council agrees budget' })).documentId;

  // Three spam reports and one of harassment on the busy story; one decided of each kind.
  const spam = await postAndGetId(app, author, busy, 'Buy cheap tickets here');
  await reportBy(app, spam, 3, 'spam');
  const rude = await postAndGetId(app, author, busy, 'You are all fools');
  await reportBy(app, rude, 1, 'harassment');
  await decide(rude, 'hide');
  for (const body of ['The repairs took long', 'Good news for commuters', 'Finally open again'])
    await postAndGetId(app, author, busy, body);
  const fine = await postAndGetId(app, author, quiet, 'A sensible budget');
  await reportBy(app, fine, 1, 'off-topic');
  await decide(fine, 'approve');
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await app?.stop();
});

test('a moderator sees the dashboard charts drawn from the data, at laptop sizes and accessible', async () => {
  const { page } = await freshAdminPage(app, browser, ['comments-moderator']);
  await page.goto(`${app.baseUrl}/admin/plugins/comments`);
  await page.getByRole('link', { name: 'Moderation dashboard' }).first().click();
  await page.waitForURL(/\/plugins\/comments-dashboard/);
  await chart(page, 'busiest-stories').locator('svg .recharts-bar-rectangle').first().waitFor({ timeout: 60000 });

  // Each chart is a section with its heading.
  for (const heading of ['Open items per queue', 'Response time by cover', 'Reports by reason', 'Busiest stories'])
    await expect(page.getByRole('heading', { level: 2, name: heading }).count()).resolves.toBe(1);

  // Reasons: a bar per reason, spam first with its 3 reports drawn as the bar's label.
  const reasons = await svgTexts(page, 'reasons');
  expect(reasons).toEqual(expect.arrayContaining(['spam', 'harassment', 'off-topic', '3']));
  expect(await chart(page, 'reasons').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(3);
  await expect(chart(page, 'reasons').getByTestId('chart-summary').textContent()).resolves.toContain(
    'most often spam (3)'
  );

  // Busiest stories: the busy story's title on the axis, and its figures in the table for screen readers.
  expect((await svgTexts(page, 'busiest-stories')).join(' ')).toContain('Harbour bridge reopens');
  const storyRow = chart(page, 'busiest-stories').locator('table tr', { hasText: BUSY_TITLE });
  await expect(storyRow.locator('td').allTextContents()).resolves.toEqual(['5', '4']);

  // Open items: one line per queue; today one reported comment is open (the spam), none auto-hidden.
  expect(await chart(page, 'open-items').locator('svg .recharts-line').count()).toBe(4);
  await expect(chart(page, 'open-items').getByTestId('chart-summary').textContent()).resolves.toMatch(
    /^Now: 1 reported, 0 auto-hidden, 0 flagged, 0 held\./
  );

  // Response times: two decided comments, bars for median and p90.
  expect(await chart(page, 'response-times').locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(0);
  const coverRow = chart(page, 'response-times').locator('table tr', { hasText: 'All' });
  await expect(coverRow.locator('td').first().textContent()).resolves.toBe('2');

  // The window selector asks for another window.
  const request = page.waitForRequest(
    (req) => req.url().includes('/comments/moderation/dashboard') && req.url().includes('days=7')
  );
  await page.getByRole('combobox', { name: 'Window' }).click();
  await page.getByRole('option', { name: 'Last 7 days' }).click();
  await request;
  await chart(page, 'open-items').locator('svg .recharts-line').first().waitFor();

  await expectFitsLaptops(page, 'dashboard');
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('an editor without the moderation read permission has no dashboard link', async () => {
  const { page } = await freshAdminPage(app, browser, ['strapi-editor']);
  await page.getByRole('link', { name: 'Reader complaints' }).first().waitFor({ timeout: 60000 });
  expect(await page.getByRole('link', { name: 'Moderation dashboard', exact: true }).count()).toBe(0);
  await screenshot(page, 'dashboard-editor-menu');
  const refused = await adminCall(app, await createAdmin(app, ['strapi-editor'])).get('/comments/moderation/dashboard');
  expect(refused.status).toBe(403);
  await page.context().close();
});
