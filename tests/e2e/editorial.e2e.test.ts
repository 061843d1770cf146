import type { Browser } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { expectFitsLaptops, freshAdminPage, launchBrowser, screenshot } from './browser';
import { runSeed } from '../../src/seed';

/** The editors' Content Manager: quotes by their text, a figure's own verdict, the side panel's queue link. */

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let author: TestUser;

const SEED_SLUG = 'japan-foreign-minister-kyiv-north-korea';
const editUrl = (uid: string, documentId: string) =>
  `${app.baseUrl}/admin/content-manager/collection-types/${uid}/${documentId}`;

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true' } });
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await runSeed(app.strapi, { demoAccounts: false });
  await ensurePolicy(app);
  author = await createSubscriber(app, await createApiToken(app), { displayName: 'Editorial Reader' });
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await app?.stop();
});

test('an editor opens the seed story: its quotes relation lists the quotes\' text, not "Untitled"', async () => {
  const story = await app.strapi
    .documents('api::article.article')
    .findFirst({ filters: { slug: SEED_SLUG }, populate: ['quotes'] });
  const quotes = (story as unknown as { quotes: Array<{ text: string }> }).quotes;
  expect(quotes.length).toBeGreaterThan(1);
  const { page } = await freshAdminPage(app, browser, ['strapi-editor']);
  await page.goto(editUrl('api::article.article', story!.documentId));
  const main = page.locator('main');
  // The relation list shows a few entries at a time, in its own order: any of the story's quotes will do.
  const escaped = quotes.map((quote) => quote.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const shown = main.getByText(new RegExp(`^(${escaped.join('|')})$`));
  await shown.first().waitFor({ timeout: 60000 });
  expect(await shown.count()).toBeGreaterThan(1);
  // Human labels, not attribute names.
  // A required field's label ends with an asterisk.
  expect(
    await main
      .locator('label')
      .getByText(/^Moderation risk\*?$/)
      .count()
  ).toBe(1);
  expect(await main.getByText(/^moderationRisk\*?$/).count()).toBe(0);
  expect(await main.getByText('Untitled').count()).toBe(0);
  await expectFitsLaptops(page, 'cm-article-quotes');
  await page.context().close();
});

test('a figure whose parts do not add up says so in its own edit view, with how it reads', async () => {
  const figure = await app.strapi
    .documents('api::figure.figure')
    .findFirst({ filters: { label: 'Shahed drones Russia attacked Ukraine with' } });
  const { page } = await freshAdminPage(app, browser, ['strapi-editor']);
  await page.goto(editUrl('api::figure.figure', figure!.documentId));
  const verdict = page.getByTestId('figure-verdict');
  await verdict.waitFor({ timeout: 60000 });
  expect(await verdict.getAttribute('data-status')).toBe('inconsistent');
  expect(await verdict.textContent()).toBe('No: the parts do not add up');
  expect(await page.getByTestId('figure-sums').textContent()).toMatch(/add up to 85; the total is 83/);
  expect(await page.getByTestId('figure-display').textContent()).toBe('83');
  await expectFitsLaptops(page, 'cm-figure-verdict');
  await page.context().close();
});

test("the super admin sees the side panel's moderation-queue link; it opens the queue filtered to the story", async () => {
  const story = (await createArticle(app, { title: 'Story with a queue link' })).documentId;
  const other = (await createArticle(app, { title: 'Another story' })).documentId;
  const here = await postAndGetId(app, author, story, 'Reported on this story');
  const elsewhere = await postAndGetId(app, author, other, 'Reported on another story');
  await reportBy(app, here, 1, 'spam');
  await reportBy(app, elsewhere, 1, 'spam');

  const { page } = await freshAdminPage(app, browser, ['strapi-super-admin']);
  await page.goto(editUrl('api::article.article', story));
  const link = page
    .getByTestId('editorial-panel')
    .getByRole('link', { name: 'Open this story in the moderation queue' });
  await link.waitFor({ timeout: 60000 });
  await expectFitsLaptops(page, 'cm-article-panel-super-admin');
  await link.click();
  await page.waitForURL((url) => url.pathname.endsWith('/admin/plugins/comments'));
  expect(new URL(page.url()).searchParams.get('article')).toBe(story);
  await page.locator(`[data-testid="queue-row"][data-document-id="${here}"]`).waitFor({ timeout: 60000 });
  expect(await page.locator(`[data-testid="queue-row"][data-document-id="${elsewhere}"]`).count()).toBe(0);
  await screenshot(page, 'queue-filtered-to-story');
  await page.context().close();
});
