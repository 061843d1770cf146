import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type TestAdmin, type TestUser } from '../helpers/auth';
import { bearer, createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId } from '../helpers/moderation';
import { expectFitsLaptops, freshAdminPage, launchBrowser, screenshot, seriousViolations } from './browser';

/** The appeals, audit and complaint-resolution screens, at laptop sizes, and every plugin page's accessibility. */

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let decider: TestAdmin;
let author: TestUser;
let articleId: string;

const hide = async (documentId: string) => {
  const { version } = await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId } });
  const res = await adminCall(app, decider).post(`/comments/moderation/comments/${documentId}/actions`, {
    action: 'hide',
    reason: 'Breaks the house rules',
    version,
  });
  if (res.status !== 200) throw new Error(`hide failed: ${res.status} ${JSON.stringify(res.body)}`);
};

/** A hidden comment whose author appealed the decision; returns the appeal's documentId. */
const appealedComment = async (body: string, statement: string) => {
  const id = await postAndGetId(app, author, articleId, body);
  await hide(id);
  const me = await app.http().get('/api/comments/me').set(bearer(author));
  const decision = me.body.data.appeals.appealable.find(
    (entry: { action: string; comment: string | null }) => entry.action === 'hide' && entry.comment === id
  ).decision;
  const filed = await app
    .http()
    .post('/api/comments/me/appeals')
    .set(bearer(author))
    .send({ data: { decision, statement } });
  if (filed.status !== 201) throw new Error(`appeal failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  return { commentId: id, appealId: filed.body.data.documentId as string };
};

const resolveInDialog = async (page: Page, outcome: RegExp, reason: string, note?: string) => {
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: outcome }).click();
  if (note !== undefined) await dialog.locator('textarea[name="note"]').fill(note);
  await dialog.locator('textarea[name="reason"]').fill(reason);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'detached' });
};

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true' } });
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  const token = await createApiToken(app);
  decider = await createAdmin(app, ['comments-moderator']);
  author = await createSubscriber(app, token, { displayName: 'Appealing Reader' });
  articleId = (await createArticle(app, { title: 'Story on the screens' })).documentId;
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await app?.stop();
});

test('a moderator upholds an appeal from the appeals page: the comment is visible again and the appeal leaves the open tab', async () => {
  const { commentId, appealId } = await appealedComment('Hidden by mistake', 'My comment broke no rule.');
  const { page } = await freshAdminPage(app, browser, ['comments-moderator']);
  await page.goto(`${app.baseUrl}/admin/plugins/comments-appeals`);
  const row = page.locator(`[data-testid="appeal-row"][data-document-id="${appealId}"]`);
  await row.waitFor({ timeout: 60000 });
  await expect(row.textContent()).resolves.toContain('My comment broke no rule.');
  await expectFitsLaptops(page, 'appeals-queue');

  await row.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('alertdialog').waitFor();
  await page.waitForTimeout(300); // the dialog's opening animation
  await screenshot(page, 'appeals-dialog');
  expect(await seriousViolations(page)).toEqual([]);
  await resolveInDialog(page, /^Upheld/, 'Robust but within the rules');
  await row.waitFor({ state: 'detached', timeout: 30000 });
  expect(
    await app.strapi.db.query('plugin::comments.appeal').findOne({ where: { documentId: appealId } })
  ).toMatchObject({ state: 'upheld' });
  expect(
    (await app.strapi.db.query('plugin::comments.comment').findOne({ where: { documentId: commentId } })).status
  ).toBe('visible');

  await page.getByRole('tab', { name: 'Upheld' }).click();
  const upheld = page.locator(`[data-testid="appeal-row"][data-document-id="${appealId}"]`);
  await upheld.waitFor({ timeout: 30000 });
  await expect(upheld.getByTestId('appeal-state').textContent()).resolves.toBe('Upheld');
  await screenshot(page, 'appeals-upheld');
  await page.context().close();
});

test('an editor upholds a complaint with a correction note from the complaints page', async () => {
  const reader = await createUser(app);
  const filed = await app
    .http()
    .post(`/api/comments/threads/${articleId}/complaints`)
    .set(bearer(reader))
    .send({ data: { note: 'The headline says 3m; the council says 4m.' } });
  expect(filed.status).toBe(200);
  const complaintId = filed.body.data.documentId as string;

  const { page } = await freshAdminPage(app, browser, ['strapi-editor']);
  await page.goto(`${app.baseUrl}/admin/plugins/comments-complaints`);
  const row = page.locator(`[data-testid="complaint-row"][data-document-id="${complaintId}"]`);
  await row.waitFor({ timeout: 60000 });
  // The register is the moderators' (moderation.read): an editor is not offered it.
  expect(await page.getByRole('button', { name: /complaints register/ }).count()).toBe(0);
  await expectFitsLaptops(page, 'complaints');

  await row.getByRole('button', { name: 'Resolve' }).click();
  await resolveInDialog(page, /^Upheld/, 'The council confirmed 4m', 'The story now gives the budget as 4m.');
  await expect(row.getByTestId('complaint-state').textContent()).resolves.toBe('upheld');
  expect(await row.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
  expect(
    await app.strapi.db.query('plugin::comments.report').findOne({ where: { documentId: complaintId } })
  ).toMatchObject({ state: 'upheld', correctionNote: 'The story now gives the budget as 4m.' });
  await screenshot(page, 'complaints-resolved');
  await page.context().close();
});

test('the audit page lists a decision, filters by comment, and exports the same filter as CSV; the register downloads', async () => {
  const id = await postAndGetId(app, author, articleId, 'A comment for the audit');
  await hide(id);
  const { page } = await freshAdminPage(app, browser, ['comments-moderator']);
  await page.goto(`${app.baseUrl}/admin/plugins/comments-audit`);
  await page.getByTestId('audit-row').first().waitFor({ timeout: 60000 });
  await page.getByLabel('Comment', { exact: true }).fill(id);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const rows = page.getByTestId('audit-row');
  await rows.filter({ hasNotText: id }).first().waitFor({ state: 'detached', timeout: 30000 });
  await rows.filter({ hasText: 'Breaks the house rules' }).waitFor();
  await expect(rows.filter({ hasText: 'hide' }).count()).resolves.toBe(1);
  await expectFitsLaptops(page, 'audit');

  const [audit] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as CSV' }).click(),
  ]);
  expect(audit.suggestedFilename()).toBe('moderation-audit.csv');
  const csv = fs
    .readFileSync((await audit.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv.length).toBeGreaterThan(1);
  for (const line of csv.slice(1)) expect(line).toContain(id);

  const [register] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /complaints register/ }).click(),
  ]);
  expect(register.suggestedFilename()).toBe('complaints-register.csv');
  expect(fs.readFileSync((await register.path())!, 'utf8').length).toBeGreaterThan(0);
  await page.context().close();
});

test('an Editor-role admin has neither the appeals nor the audit menu link', async () => {
  const { page } = await freshAdminPage(app, browser, ['strapi-editor']);
  await page.getByRole('link', { name: 'Reader complaints' }).first().waitFor({ timeout: 60000 });
  expect(await page.getByRole('link', { name: 'Appeals', exact: true }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Moderation audit', exact: true }).count()).toBe(0);
  await page.context().close();
});

test('every plugin page passes an axe scan with no serious or critical violation', async () => {
  const { page } = await freshAdminPage(app, browser, ['strapi-super-admin']);
  const pages: Array<[string, string]> = [
    ['moderation queue', '/admin/plugins/comments'],
    ['appeals', '/admin/plugins/comments-appeals'],
    ['audit', '/admin/plugins/comments-audit'],
    ['complaints', '/admin/plugins/comments-complaints'],
    ['settings', '/admin/settings/comments/settings'],
    ['webhooks', '/admin/settings/comments/webhooks'],
  ];
  const found: Record<string, string[]> = {};
  for (const [name, path] of pages) {
    await page.goto(`${app.baseUrl}${path}`);
    await page.locator('main h1').first().waitFor({ timeout: 60000 });
    await page.waitForLoadState('networkidle');
    found[name] = await seriousViolations(page);
  }
  expect(found).toEqual(Object.fromEntries(pages.map(([name]) => [name, []])));
  await page.context().close();
});
