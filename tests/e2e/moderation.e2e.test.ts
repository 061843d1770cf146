import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { LAPTOPS, fitsViewport, launchBrowser, loginToAdmin, screenshot } from './browser';
import { runSeed } from '../../src/seed';

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let moderator: TestAdmin;
let editor: TestAdmin;
let author: TestUser;
let articleId: string;

const publicThread = async () =>
  (await app.http().get(`/api/comments/threads/${articleId}?pagination[pageSize]=100`)).body.data as Array<Record<string, any>>;

/** A fresh page logged in as this admin, collecting any JavaScript dialog that opens. */
const adminPage = async (admin: TestAdmin): Promise<{ page: Page; dialogs: string[] }> => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await loginToAdmin(page, app.baseUrl, admin.email, admin.password);
  return { page, dialogs };
};

const openQueueRow = async (page: Page, documentId: string) => {
  await page.goto(`${app.baseUrl}/admin/plugins/comments`);
  const row = page.locator(`[data-testid="queue-row"][data-document-id="${documentId}"]`);
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.getByTestId('comment-panel').waitFor();
  return row;
};

const confirmAction = async (page: Page, action: string, reason: string, body?: string) => {
  await page.getByTestId('comment-panel').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  if (body !== undefined) await dialog.locator('textarea[name="body"]').fill(body);
  await dialog.locator('textarea[name="reason"]').fill(reason);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'detached' });
};

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true' } });
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await runSeed(app.strapi, { demoAccounts: false });
  // The seeded rules are a placeholder that keeps commenting closed: put in the test policy's.
  await ensurePolicy(app);
  const token = await createApiToken(app);
  moderator = await createAdmin(app, ['comments-moderator']);
  editor = await createAdmin(app, ['strapi-editor']);
  author = await createSubscriber(app, token, { displayName: 'E2E Reader' });
  articleId = (await createArticle(app, { title: 'Story under discussion' })).documentId;
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await app?.stop();
});

test('a moderator sees a reported comment in the queue, hides it with a reason; the public thread drops it and the history shows it', async () => {
  const id = await postAndGetId(app, author, articleId, 'You are all idiots');
  await reportBy(app, id, 2, 'abusive');
  const { page } = await adminPage(moderator);
  await openQueueRow(page, id);
  await page.getByTestId('queue-header').waitFor();
  const shot = await screenshot(page, 'moderation-queue');
  fs.mkdirSync(path.join(__dirname, '..', '..', 'docs', 'img'), { recursive: true });
  fs.copyFileSync(shot, path.join(__dirname, '..', '..', 'docs', 'img', 'moderation-queue.png'));

  await confirmAction(page, 'Hide', 'Personal abuse of other readers');
  await page.getByTestId('history-row').filter({ hasText: 'hide' }).waitFor();
  await screenshot(page, 'moderation-hidden');
  expect((await publicThread()).map((comment) => comment.documentId)).not.toContain(id);
  await page.close();
});

test('amend shows the marker publicly', async () => {
  const id = await postAndGetId(app, author, articleId, 'Call me on 07700 900123');
  await reportBy(app, id, 1, 'other');
  const { page } = await adminPage(moderator);
  await openQueueRow(page, id);
  await confirmAction(page, 'Amend', 'Removed a phone number', 'Call me [number removed by a moderator]');
  await page.getByTestId('history-row').filter({ hasText: 'amend' }).waitFor();
  await screenshot(page, 'moderation-amended');
  expect((await publicThread()).find((comment) => comment.documentId === id)).toMatchObject({
    body: 'Call me [number removed by a moderator]',
    amendedByModerator: true,
  });
  await page.close();
});

test('an Editor-role admin does not see the Moderation menu and gets 403 from the queue route', async () => {
  const { page } = await adminPage(editor);
  await page.getByRole('link', { name: 'Reader complaints' }).first().waitFor({ timeout: 60000 });
  expect(await page.getByRole('link', { name: 'Moderation', exact: true }).count()).toBe(0);
  await screenshot(page, 'editor-menu');
  // Typing the page's address is no way round it either.
  await page.goto(`${app.baseUrl}/admin/plugins/comments`);
  await page.waitForTimeout(1500);
  expect(await page.getByTestId('queue-row').count()).toBe(0);
  expect(await page.getByTestId('queue-header').count()).toBe(0);
  const direct = await app.http().get('/comments/moderation/queue').set('Authorization', `Bearer ${editor.token}`);
  expect(direct.status).toBe(403);
  await page.close();
});

test('a comment body of <img src=x onerror=alert(1)> is shown as text in the queue', async () => {
  const payload = '<img src=x onerror=alert(1)>';
  const id = await postAndGetId(app, author, articleId, payload);
  await reportBy(app, id, 1, 'spam');
  const { page, dialogs } = await adminPage(moderator);
  await openQueueRow(page, id);
  const cell = page.locator(`[data-testid="queue-row"][data-document-id="${id}"] [data-testid="queue-body"]`);
  expect(await cell.textContent()).toBe(payload);
  expect(await page.getByTestId('panel-body').textContent()).toBe(payload);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  await screenshot(page, 'moderation-xss-as-text');
  await page.close();
});

test('keyboard and bulk: j/k and o open rows, two selected rows are approved in one step with per-item results', async () => {
  const story = (await createArticle(app, { title: 'Bulk story' })).documentId;
  const first = await postAndGetId(app, author, story, 'Bulk candidate one');
  const second = await postAndGetId(app, author, story, 'Bulk candidate two');
  await reportBy(app, first, 1, 'spam');
  await reportBy(app, second, 1, 'spam');
  const { page } = await adminPage(moderator);
  await page.goto(`${app.baseUrl}/admin/plugins/comments?article=${story}`);
  await page.getByTestId('queue-row').first().waitFor({ timeout: 60000 });
  await page.getByTestId('keyboard-help').waitFor();
  await page.keyboard.press('j');
  await page.keyboard.press('o');
  await page.getByTestId('comment-panel').waitFor();
  const opened = await page.getByTestId('panel-body').textContent();
  expect(['Bulk candidate one', 'Bulk candidate two']).toContain(opened);
  await page.keyboard.press('Escape');

  for (const row of await page.getByTestId('queue-row').all()) await row.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.locator('textarea[name="reason"]').fill('Not spam');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('Done: 2. Stale: 0. Not found: 0.').first().waitFor({ timeout: 30000 });
  await screenshot(page, 'moderation-bulk');

  // Per item: a comment its author edited meanwhile is stale, and stays selected.
  const third = await postAndGetId(app, author, story, 'Bulk candidate three');
  const fourth = await postAndGetId(app, author, story, 'Bulk candidate four');
  await reportBy(app, third, 1, 'spam');
  await reportBy(app, fourth, 1, 'spam');
  await page.reload();
  const rowOf = (id: string) => page.locator(`[data-testid="queue-row"][data-document-id="${id}"]`);
  await rowOf(fourth).waitFor({ timeout: 60000 });
  await rowOf(third).getByRole('checkbox').click();
  await rowOf(fourth).getByRole('checkbox').click();
  const edited = await app
    .http()
    .patch(`/api/comments/${fourth}`)
    .set(bearer(author))
    .send({ data: { body: 'Bulk candidate four, edited' } });
  expect(edited.status).toBe(200);
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await dialog.locator('textarea[name="reason"]').fill('Not spam either');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText(/Done: 1\. Stale: 1\./).first().waitFor({ timeout: 30000 });
  await rowOf(third).waitFor({ state: 'detached', timeout: 30000 });
  expect(await rowOf(fourth).getByRole('checkbox').isChecked()).toBe(true);
  const audit = await app.strapi.db
    .query('plugin::comments.moderation-event')
    .findMany({ where: { commentDocumentId: { $in: [first, second] }, action: 'approve' } });
  expect(audit).toHaveLength(2);
  await page.close();
});

test("the editor's side panel on the seed story shows the 83-drone inconsistency", async () => {
  const story = await app.strapi
    .documents('api::article.article')
    .findFirst({ filters: { slug: 'japan-foreign-minister-kyiv-north-korea' } });
  const { page } = await adminPage(editor);
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/api::article.article/${story!.documentId}`);
  const figure = page.getByTestId('inconsistent-figure');
  await figure.first().waitFor({ timeout: 60000 });
  expect(await figure.first().textContent()).toMatch(/Shahed drones.*83.*85/);
  await screenshot(page, 'editor-side-panel');
  await page.close();
});

test('the queue with a comment open fits a 1280×800 and a 1440×900 laptop screen, flag reasons shown', async () => {
  const id = await postAndGetId(app, author, articleId, 'A long comment '.repeat(40));
  await reportBy(app, id, 1, 'spam');
  const flagged = await postAndGetId(app, author, articleId, 'A long comment '.repeat(40));
  // A second admin: the admin login limit counts logins per account.
  const narrowScreens = await createAdmin(app, ['comments-moderator']);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await loginToAdmin(page, app.baseUrl, narrowScreens.email, narrowScreens.password);
  for (const viewport of LAPTOPS) {
    await page.setViewportSize(viewport);
    await openQueueRow(page, id);
    expect({ viewport, fits: await fitsViewport(page) }).toEqual({ viewport, fits: true });
    const drawer = await page.getByTestId('comment-drawer').boundingBox();
    expect(drawer!.x + drawer!.width).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `queue-panel-${viewport.width}x${viewport.height}`);
  }
  await page.goto(`${app.baseUrl}/admin/plugins/comments`);
  await page.getByRole('tab', { name: /flagged/i }).click();
  const row = page.locator(`[data-testid="queue-row"][data-document-id="${flagged}"]`);
  await row.waitFor({ timeout: 60000 });
  await expect(row.getByTestId('flag-reason').first().textContent()).resolves.toBe('repeated-post');
  await page.close();
});
