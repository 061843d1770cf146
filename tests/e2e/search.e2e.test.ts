import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { expectFitsLaptops, freshAdminPage, launchBrowser, screenshot, seriousViolations } from './browser';

/** Search and filters on the moderation queue: words, author, a story picked by title, dates; all in the URL. */

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let budget: string;

const COMMENT = 'plugin::comments.comment';
const TOLLS = 'The bridge tolls are outrageous';
const FERRY = 'A ferry beats any bridge';
const CUTS = 'Budget cuts hit every school';
const PARKING = 'Parking on the harbour is a disgrace';

/** Moves a comment's posting time, for the date range. */
const postedAt = async (documentId: string, at: string) => {
  const { tableName, attributes } = app.strapi.db.metadata.get(COMMENT);
  const column = (attribute: string) => (attributes[attribute] as { columnName?: string }).columnName ?? attribute;
  await app.strapi.db
    .connection(tableName)
    .where({ [column('documentId')]: documentId })
    .update({ [column('createdAt')]: new Date(at) });
};

const bodies = async (page: Page) => (await page.getByTestId('queue-body').allTextContents()).sort();

/** Waits until the queue shows exactly these comments (it refetches as filters change). */
const expectRows = async (page: Page, expected: string[]) => {
  const want = [...expected].sort();
  for (let tries = 0; tries < 75 && JSON.stringify(await bodies(page)) !== JSON.stringify(want); tries += 1) {
    await page.waitForTimeout(200);
  }
  expect(await bodies(page)).toEqual(want);
};

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true' } });
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  const token = await createApiToken(app);
  const harriet = await createSubscriber(app, token, { displayName: 'Harriet Vane' });
  const wexford = await createSubscriber(app, token, { displayName: 'Tom Wexford' });
  const harbour = (await createArticle(app, { title: 'Harbour bridge plans' })).documentId;
  budget = (await createArticle(app, { title: 'Budget for the schools' })).documentId;
  const posted = {
    tolls: await postAndGetId(app, harriet, harbour, TOLLS),
    ferry: await postAndGetId(app, wexford, harbour, FERRY),
    cuts: await postAndGetId(app, wexford, budget, CUTS),
    parking: await postAndGetId(app, harriet, harbour, PARKING),
  };
  for (const id of Object.values(posted)) await reportBy(app, id, 1, 'abusive');
  await postedAt(posted.tolls, '2024-03-05T12:00:00Z');
  await postedAt(posted.ferry, '2024-04-10T12:00:00Z');
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await app?.stop();
});

test('search by a word, by author, by a story picked by title and by dates; the URL carries the filters and a reload shows the same rows', async () => {
  const { page } = await freshAdminPage(app, browser, ['comments-moderator']);
  await page.goto(`${app.baseUrl}/admin/plugins/comments`);
  await page.getByTestId('queue-row').nth(3).waitFor({ timeout: 60000 });
  await expectRows(page, [TOLLS, FERRY, CUTS, PARKING]);

  // A word in the body, typed: the list follows once typing pauses, and the URL says so.
  await page.getByLabel('Search comments').fill('bridge');
  await expectRows(page, [TOLLS, FERRY]);
  expect(param(page, 'q')).toBe('bridge');
  await screenshot(page, 'search-word');

  // And the author: both filters narrow.
  await page.getByLabel('Author').fill('wexford');
  await expectRows(page, [FERRY]);
  expect(param(page, 'author')).toBe('wexford');
  await expectFitsLaptops(page, 'search-word-author');

  await page.getByTestId('clear-filters').click();
  await expectRows(page, [TOLLS, FERRY, CUTS, PARKING]);
  expect(param(page, 'q')).toBeNull();
  expect(await page.getByLabel('Search comments').inputValue()).toBe('');

  // A story found by part of its title.
  const picker = page.getByRole('combobox', { name: 'Story' });
  await picker.click();
  await picker.fill('schoo');
  await page.getByRole('option', { name: 'Budget for the schools' }).click();
  await expectRows(page, [CUTS]);
  expect(param(page, 'article')).toBe(budget);
  await expectFitsLaptops(page, 'search-story');
  await page.getByTestId('clear-filters').click();
  await expectRows(page, [TOLLS, FERRY, CUTS, PARKING]);

  // A date range (days, both included) with the author.
  await page.getByLabel('Posted from (day)').fill('2024-03-01');
  await page.getByLabel('Posted to (day)').fill('2024-04-30');
  await expectRows(page, [TOLLS, FERRY]);
  await page.getByLabel('Author').fill('harriet');
  await expectRows(page, [TOLLS]);
  expect({ from: param(page, 'from'), to: param(page, 'to'), author: param(page, 'author') }).toEqual({
    from: '2024-03-01',
    to: '2024-04-30',
    author: 'harriet',
  });

  // The link is the state: a reload shows the same rows and the same filters.
  await page.reload();
  await page.getByTestId('queue-row').first().waitFor({ timeout: 60000 });
  await expectRows(page, [TOLLS]);
  expect(await page.getByLabel('Author').inputValue()).toBe('harriet');
  expect(await page.getByLabel('Posted from (day)').inputValue()).toBe('2024-03-01');
  await expectFitsLaptops(page, 'search-dates-reloaded');
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

test('a shared link with a story, words and the keyboard: another moderator sees the same rows and the story title, and j/k still move', async () => {
  const { page } = await freshAdminPage(app, browser, ['comments-moderator']);
  await page.goto(`${app.baseUrl}/admin/plugins/comments?article=${budget}&q=school`);
  await page.getByTestId('queue-row').first().waitFor({ timeout: 60000 });
  await expectRows(page, [CUTS]);
  expect(await page.getByRole('combobox', { name: 'Story' }).inputValue()).toBe('Budget for the schools');
  expect(await page.getByLabel('Search comments').inputValue()).toBe('school');

  // Nothing found: an empty list, the tabs still count the whole queue.
  await page.getByLabel('Search comments').fill('zeppelin');
  await page.getByText('Nothing to moderate here.').waitFor();
  expect(await page.getByRole('tab', { name: /Reported \(4\)/ }).count()).toBe(1);

  // Focus leaves the field: the keyboard triage works on the filtered rows.
  await page.getByTestId('clear-filters').click();
  await expectRows(page, [TOLLS, FERRY, CUTS, PARKING]);
  await page.getByTestId('keyboard-help').click();
  const current = () =>
    page.locator('[data-testid="queue-row"][aria-selected="true"]').getAttribute('data-document-id');
  const first = await current();
  await page.keyboard.press('j');
  expect(await current()).not.toBe(first);
  await page.keyboard.press('k');
  expect(await current()).toBe(first);
  await expectFitsLaptops(page, 'search-shared-link');
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
