import fs from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import {
  QUEUE_ONLY_SETTINGS,
  adminCall,
  createEstablishedUser,
  overrideSettings,
  postAndGetId,
} from '../helpers/moderation';
import { expectFitsLaptops, freshAdminPage, launchBrowser, screenshot, seriousViolations } from './browser';

/** The comment in context: the drawer a moderator decides in, opened from the queue. */

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let decider: TestAdmin;
let token: string;

const act = async (documentId: string, action: string) => {
  const { version } = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } });
  const res = await adminCall(app, decider).post(`/comments/moderation/comments/${documentId}/actions`, {
    action,
    reason: 'Set up by the test',
    version,
  });
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
};
const report = async (documentId: string, reporter: TestUser) => {
  const res = await app
    .http()
    .post(`/api/comments/${documentId}/reports`)
    .set(bearer(reporter))
    .send({ data: { reason: 'spam', note: 'Selling something' } });
  if (res.status !== 200) throw new Error(`report failed: ${res.status} ${JSON.stringify(res.body)}`);
};

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true' } });
  await overrideSettings(app, {
    ...QUEUE_ONLY_SETTINGS,
    words: { suspect: ['scam'] },
    frontendCommentUrl: 'https://www.example.com/{articleSlug}#comment-{documentId}',
  });
  await ensurePolicy(app);
  token = await createApiToken(app);
  decider = await createAdmin(app, ['comments-moderator']);
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await app?.stop();
});

test('a reported comment among its neighbours: highlighted, hidden neighbour marked, matched word, reporter, author, link; fits, no serious axe violations', async () => {
  const story = await createArticle(app, { title: 'A story with a busy thread' });
  const elsewhere = await createArticle(app, { title: 'An earlier story' });
  const author = await createSubscriber(app, token, { displayName: 'Seller' });
  const others = await createSubscriber(app, token, { displayName: 'Regular' });
  await postAndGetId(app, author, elsewhere.documentId, 'My first comment here');
  await postAndGetId(app, author, elsewhere.documentId, 'And a second one');
  await postAndGetId(app, others, story.documentId, 'The first word on the story');
  const hidden = await postAndGetId(app, others, story.documentId, 'A remark the moderators hid');
  await act(hidden, 'hide');
  const target = await postAndGetId(app, author, story.documentId, 'Buy now, this is no scam, honestly');
  await postAndGetId(app, others, story.documentId, 'A reply to all of that');
  // The reporter has one report upheld before: their report weighs 2/3.
  const reporter = await createEstablishedUser(app);
  const earlier = await postAndGetId(app, others, elsewhere.documentId, 'Spam from before');
  await report(earlier, reporter);
  await act(earlier, 'hide');
  await report(target, reporter);

  const { page } = await freshAdminPage(app, browser, ['comments-moderator']);
  await page.goto(`${app.baseUrl}/admin/plugins/comments?article=${story.documentId}`);
  const row = page.locator(`[data-testid="queue-row"][data-document-id="${target}"]`);
  await row.waitFor({ timeout: 60000 });
  await row.click();
  const panel = page.getByTestId('comment-panel');
  await panel.waitFor();

  const current = panel.getByTestId('context-current');
  expect(await current.getAttribute('data-document-id')).toBe(target);
  expect(await current.getAttribute('aria-current')).toBe('true');
  expect(await current.textContent()).toContain('This comment');
  const marked = panel.locator(`[data-testid="context-neighbour"][data-document-id="${hidden}"]`);
  expect(await marked.getAttribute('data-status')).toBe('hidden');
  expect(await marked.getByTestId('comment-status').textContent()).toBe('Hidden from readers');
  expect(await marked.textContent()).toContain('A remark the moderators hid');
  expect(await panel.getByTestId('context-neighbour').count()).toBe(3);

  expect(await panel.getByTestId('panel-body').textContent()).toBe('Buy now, this is no scam, honestly');
  expect(await panel.locator('[data-testid="panel-body"] mark').allTextContents()).toEqual(['scam']);
  expect(await panel.getByTestId('flag-reason').allTextContents()).toEqual(['suspect-word:scam']);

  const weight = await panel.getByTestId('report-reliability').textContent();
  expect(weight).toContain('established account, reliability 67 %');
  expect(weight).toContain('counts towards auto-hide');
  expect(weight).toContain('1 upheld, 0 not upheld');

  const recent = panel.getByTestId('recent-comment');
  expect(await recent.count()).toBe(2);
  expect(await recent.first().textContent()).toContain('An earlier story');
  expect(await recent.first().textContent()).toContain('And a second one');

  expect(await panel.getByTestId('frontend-link').getAttribute('href')).toBe(
    `https://www.example.com/${story.slug}#comment-${target}`
  );

  await expectFitsLaptops(page, 'context-drawer');
  fs.mkdirSync(path.join(__dirname, '..', '..', 'docs', 'img'), { recursive: true });
  fs.copyFileSync(
    path.join(__dirname, 'screenshots', 'context-drawer-1440x900.png'),
    path.join(__dirname, '..', '..', 'docs', 'img', 'comment-panel.png')
  );
  expect(await seriousViolations(page)).toEqual([]);

  // The reason dialog over the drawer: accessible too; a decision refreshes the drawer in place.
  await panel.getByRole('button', { name: 'Hide', exact: true }).click();
  const dialog = page.getByTestId('reason-dialog');
  await dialog.waitFor();
  await page.waitForTimeout(400); // the dialog's opening animation
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'context-reason-dialog-1440x900');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await panel.getByTestId('history-row').filter({ hasText: 'hide' }).waitFor();
  expect(await current.getByTestId('comment-status').getAttribute('data-status')).toBe('hidden');
  await screenshot(page, 'context-after-hide');
  await page.close();
});
