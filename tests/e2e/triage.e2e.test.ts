import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestUser } from '../helpers/auth';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { LAPTOPS, fitsViewport, launchBrowser, loginToAdmin, screenshot } from './browser';

/** Fast decisions: the keyboard alone triages the queue with the house rules as preset reasons, and undoes. */

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let author: TestUser;

const COMMENT = 'plugin::comments.comment';
const EVENT = 'plugin::comments.moderation-event';

const statusOf = async (documentId: string) =>
  ((await app.strapi.db.query(COMMENT).findOne({ where: { documentId } })) as { status: string }).status;

/** The undo's answer arrives after the notice has gone. */
const waitForStatus = async (documentId: string, status: string) => {
  for (let tries = 0; tries < 50 && (await statusOf(documentId)) !== status; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await statusOf(documentId)).toBe(status);
};

const eventsOf = async (documentId: string) =>
  (
    (await app.strapi.db
      .query(EVENT)
      .findMany({ where: { commentDocumentId: documentId }, orderBy: { id: 'asc' } })) as Array<{
      action: string;
      reason: string | null;
      after: { publicReason?: string | null } | null;
    }>
  ).map(({ action, reason, after }) => ({ action, reason, publicReason: after?.publicReason ?? null }));

const rowIds = (page: Page) =>
  page.getByTestId('queue-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-document-id')!));

const currentRowId = (page: Page) =>
  page.locator('[data-testid="queue-row"][aria-selected="true"]').getAttribute('data-document-id');

/** `key` opens the reason dialog on the current row; `preset` (a digit) picks a house rule; Enter confirms. */
const decide = async (page: Page, key: 'a' | 'h' | 'r', preset?: string) => {
  const decided = await currentRowId(page);
  await page.keyboard.press(key);
  const dialog = page.getByTestId('reason-dialog');
  await dialog.waitFor();
  if (preset) await page.keyboard.press(preset);
  const reason = await dialog.locator('textarea[name="reason"]').inputValue();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  // Decided, the comment leaves the reported queue.
  await page.locator(`[data-testid="queue-row"][data-document-id="${decided}"]`).waitFor({ state: 'detached' });
  return reason;
};

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true' } });
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  author = await createSubscriber(app, await createApiToken(app), { displayName: 'Triage Reader' });
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await app?.stop();
});

test.each(LAPTOPS)('keyboard-only triage of five reported comments at $width×$height: j/k, a/h/r, a number for the house rule, Enter, one undo', async (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;
  const story = (await createArticle(app, { title: `Triage story ${size}` })).documentId;
  for (let n = 1; n <= 5; n += 1) await reportBy(app, await postAndGetId(app, author, story, `Triage comment ${n}`), 1, 'abusive');
  const moderator = await createAdmin(app, ['comments-moderator']);
  const page = await browser.newPage({ viewport });
  await loginToAdmin(page, app.baseUrl, moderator.email, moderator.password);
  await page.goto(`${app.baseUrl}/admin/plugins/comments?article=${story}`);
  await page.getByTestId('queue-row').nth(4).waitFor({ timeout: 60000 });
  const [first, second, third, fourth, fifth] = await rowIds(page);
  expect(await currentRowId(page)).toBe(first);

  // 1. Approve: the reason is filled in, Enter confirms; the cursor moves on to the next comment.
  expect(await decide(page, 'a')).toBe('No breach of the house rules');
  expect(await currentRowId(page)).toBe(second);

  // 2. Hide with house rule 1, then undo it with `u` while the notice shows.
  await page.keyboard.press('h');
  const dialog = page.getByTestId('reason-dialog');
  await dialog.waitFor();
  expect(await dialog.getByTestId('preset-reason').allTextContents()).toEqual([
    '1. Abusive or insulting',
    '2. Off-topic',
    '3. Spam or advertising',
    '4. Hate speech',
    '5. Personal information',
    '6. Potentially defamatory / legal risk',
    '7. Duplicate post',
  ]);
  expect(await fitsViewport(page)).toBe(true);
  await page.waitForTimeout(400); // the dialog's opening animation
  await screenshot(page, `triage-reason-dialog-${size}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await currentRowId(page)).toBe(second);
  expect(await decide(page, 'h', '1')).toBe('Abusive or insulting');
  expect(await currentRowId(page)).toBe(third);
  await page.getByTestId('undo-notice').waitFor();
  expect(await fitsViewport(page)).toBe(true);
  await screenshot(page, `triage-undo-${size}`);
  await page.keyboard.press('u');
  await page.getByTestId('undo-notice').waitFor({ state: 'detached' });
  await waitForStatus(second!, 'visible');

  // 3. j / k move the cursor; remove with house rule 3 (spam).
  await page.keyboard.press('j');
  expect(await currentRowId(page)).toBe(fourth);
  await page.keyboard.press('k');
  expect(await currentRowId(page)).toBe(third);
  expect(await decide(page, 'r', '3')).toBe('Spam or advertising');
  expect(await currentRowId(page)).toBe(fourth);

  // 4. The last row hidden as off-topic: the cursor falls back to the row before it, removed as hate speech.
  await page.keyboard.press('j');
  expect(await decide(page, 'h', '2')).toBe('Off-topic');
  expect(await currentRowId(page)).toBe(fourth);
  expect(await decide(page, 'r', '4')).toBe('Hate speech');
  await page.getByText('Nothing to moderate here.').waitFor();
  expect(await fitsViewport(page)).toBe(true);
  await screenshot(page, `triage-done-${size}`);

  expect({
    first: await statusOf(first!),
    second: await statusOf(second!),
    third: await statusOf(third!),
    fourth: await statusOf(fourth!),
    fifth: await statusOf(fifth!),
  }).toEqual({ first: 'visible', second: 'visible', third: 'removed', fourth: 'removed', fifth: 'hidden' });
  const decisions = (events: Awaited<ReturnType<typeof eventsOf>>) =>
    events.filter((event) => ['approve', 'hide', 'remove', 'restore'].includes(event.action));
  expect(decisions(await eventsOf(first!))).toEqual([
    { action: 'approve', reason: 'No breach of the house rules', publicReason: null },
  ]);
  expect(decisions(await eventsOf(second!))).toMatchObject([
    {
      action: 'hide',
      reason: 'Abusive or insulting',
      publicReason: 'Your comment was abusive or insulting towards others.',
    },
    { action: 'restore', reason: 'Undone by moderator' },
  ]);
  expect(decisions(await eventsOf(third!))).toEqual([
    { action: 'remove', reason: 'Spam or advertising', publicReason: 'Your comment was spam or advertising.' },
  ]);
  expect(decisions(await eventsOf(fifth!))).toEqual([
    {
      action: 'hide',
      reason: 'Off-topic',
      publicReason: 'Your comment was not about the story under discussion.',
    },
  ]);
  expect(decisions(await eventsOf(fourth!))).toMatchObject([{ action: 'remove', reason: 'Hate speech' }]);
  await page.close();
});
