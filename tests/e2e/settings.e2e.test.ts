import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, type TestUser } from '../helpers/auth';
import { createArticle, createSubscriber, ensurePolicy } from '../helpers/comments';
import { QUEUE_ONLY_SETTINGS, adminCall, overrideSettings, postAndGetId, reportBy } from '../helpers/moderation';
import { WEBHOOK_TEST_ENV, startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { expectFitsLaptops, freshAdminPage, launchBrowser, screenshot, seriousViolations } from './browser';

/** The settings screens: preset reasons, notification emails, read-only for moderators, and the webhooks page. */

let app: TestApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let author: TestUser;
let receiver: WebhookReceiver;

const SETTINGS = '/admin/settings/comments/settings';
const settingsNow = () => app.strapi.plugin('comments').service('settings').get();

const openSettings = async (page: Page) => {
  await page.goto(`${app.baseUrl}${SETTINGS}`);
  await page.getByTestId('preset-row').first().waitFor({ timeout: 60000 });
};

const save = async (page: Page) => {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Settings saved.').first().waitFor({ timeout: 30000 });
};

const chooseTemplate = async (page: Page, kind: string) => {
  await page.getByRole('combobox', { name: 'Email' }).click();
  await page.getByRole('option', { name: kind }).click();
};

beforeAll(async () => {
  app = await bootStrapi({ env: { SERVE_ADMIN: 'true', ...WEBHOOK_TEST_ENV } });
  await overrideSettings(app, QUEUE_ONLY_SETTINGS);
  await ensurePolicy(app);
  author = await createSubscriber(app, await createApiToken(app), { displayName: 'Settings Reader' });
  receiver = await startReceiver();
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await receiver?.close();
  await app?.stop();
});

test("a preset reason edited and moved to the top is what the queue's reason dialog offers first", async () => {
  const story = (await createArticle(app, { title: 'Story for the presets' })).documentId;
  await reportBy(app, await postAndGetId(app, author, story, 'A comment to hide'), 1, 'abusive');
  const { page } = await freshAdminPage(app, browser, ['strapi-super-admin']);
  await openSettings(page);
  const second = page.getByTestId('preset-row').nth(1);
  await second.getByLabel('Reason (for the audit)').fill('Whataboutery');
  await second.getByLabel('What the commenter is told').fill('Your comment changed the subject to score a point.');
  await page.getByRole('button', { name: 'Move reason 2 up' }).click();
  await expect(page.getByTestId('preset-row').first().getByLabel('Reason (for the audit)').inputValue()).resolves.toBe(
    'Whataboutery'
  );
  await expectFitsLaptops(page, 'settings-presets');
  expect(await seriousViolations(page)).toEqual([]);
  await save(page);
  expect((await settingsNow()).presetReasons.slice(0, 2)).toEqual([
    { label: 'Whataboutery', publicReason: 'Your comment changed the subject to score a point.' },
    expect.objectContaining({ label: 'Abusive or insulting' }),
  ]);

  await page.goto(`${app.baseUrl}/admin/plugins/comments?article=${story}`);
  await page.getByTestId('queue-row').first().waitFor({ timeout: 60000 });
  await page.keyboard.press('h');
  const dialog = page.getByTestId('reason-dialog');
  await dialog.waitFor();
  const presets = await dialog.getByTestId('preset-reason').allTextContents();
  expect(presets.slice(0, 2)).toEqual(['1. Whataboutery', '2. Abusive or insulting']);
  await page.waitForTimeout(400); // the dialog's opening animation
  await screenshot(page, 'settings-preset-in-reason-dialog');
  await page.keyboard.press('Escape');
  await page.context().close();
});

test('a notification email edited and saved is there after a reload; the default wording is the starting point', async () => {
  const { page } = await freshAdminPage(app, browser, ['strapi-super-admin']);
  await openSettings(page);
  await chooseTemplate(page, 'Outcome of a report (to the reporter)');
  const subject = page.getByLabel('Subject', { exact: true });
  await expect(subject.inputValue()).resolves.toBe('Your report was {{outcome}}');
  await expect(page.getByTestId('template-placeholders').textContent()).resolves.toContain('{{outcome}}');
  await subject.fill('Your report on {{comment}}: {{outcome}}');
  await save(page);
  expect((await settingsNow()).notifications.templates).toEqual({
    'report-outcome': { subject: 'Your report on {{comment}}: {{outcome}}' },
  });

  await page.reload();
  await page.getByTestId('preset-row').first().waitFor({ timeout: 60000 });
  await chooseTemplate(page, 'Outcome of a report (to the reporter)');
  await expect(page.getByLabel('Subject', { exact: true }).inputValue()).resolves.toBe(
    'Your report on {{comment}}: {{outcome}}'
  );
  await page.getByLabel('Subject', { exact: true }).scrollIntoViewIfNeeded();
  await expectFitsLaptops(page, 'settings-notification-template');
  await page.context().close();
});

test('a moderator without settings.update sees the settings read-only, and the route refuses the change', async () => {
  const { page, admin } = await freshAdminPage(app, browser, ['comments-moderator']);
  await openSettings(page);
  expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Add a reason' }).count()).toBe(0);
  expect(await page.getByTestId('preset-row').first().getByLabel('Reason (for the audit)').isDisabled()).toBe(true);
  await screenshot(page, 'settings-read-only');
  const refused = await adminCall(app, admin).put('/comments/moderation/settings', { data: { presetReasons: [] } });
  expect(refused.status).toBe(403);
  await page.context().close();
});

test('the webhooks page: an endpoint on a local receiver, "Send a test event", a signed delivery and its log line', async () => {
  const { page } = await freshAdminPage(app, browser, ['strapi-super-admin']);
  await page.goto(`${app.baseUrl}/admin/settings/comments/webhooks`);
  await page.locator('main h1').first().waitFor({ timeout: 60000 });
  await page.getByLabel('Name', { exact: true }).fill('E2E receiver');
  await page.getByLabel('URL', { exact: true }).fill(receiver.url);
  await page.getByRole('checkbox', { name: 'comment.created' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const secret = (await page.getByTestId('webhook-secret').textContent())!.match(/whsec_\S+/)![0];

  const card = page.getByTestId('webhook-card').filter({ hasText: 'E2E receiver' });
  await card.getByRole('button', { name: 'Send a test event' }).click();
  const isTest = (body: string) => JSON.parse(body).type === 'webhook.test';
  await receiver.waitFor((received) => received.some((item) => isTest(item.body)));
  const delivery = receiver.received.find((item) => isTest(item.body))!;
  const payload = new Webhook(secret).verify(delivery.body, {
    'webhook-id': delivery.id,
    'webhook-timestamp': delivery.timestamp,
    'webhook-signature': delivery.signature,
  });
  expect(payload).toMatchObject({ type: 'webhook.test' });

  await card.locator('[data-testid="delivery-row"][data-event-type="webhook.test"][data-state="succeeded"]').waitFor({
    timeout: 30000,
  });
  await expectFitsLaptops(page, 'webhooks-test-delivery');
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});
