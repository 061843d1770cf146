import fs from 'fs';
import path from 'path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestApp } from '../helpers/strapi';
import { createAdmin, type TestAdmin } from '../helpers/auth';

export const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** Debian's Chromium, headless, with nothing that phones home; Playwright gives each launch a fresh temporary profile. */
export const launchBrowser = async (): Promise<{ browser: Browser; close: () => Promise<void> }> => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
};

export const loginToAdmin = async (page: Page, baseUrl: string, email: string, password: string): Promise<void> => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 60000 });
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

export const LAPTOPS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

/** True when the page does not scroll sideways. */
export const fitsViewport = async (page: Page): Promise<boolean> =>
  Boolean(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'));

/**
 * A fresh page, in its own browser context (axe needs one), logged in as a fresh admin with these
 * roles: Strapi limits logins per account.
 */
export const freshAdminPage = async (
  app: TestApp,
  browser: Browser,
  roles: string[]
): Promise<{ page: Page; admin: TestAdmin }> => {
  const admin = await createAdmin(app, roles);
  const page = await (await browser.newContext({ viewport: LAPTOPS[0] })).newPage();
  await loginToAdmin(page, app.baseUrl, admin.email, admin.password);
  return { page, admin };
};

/** At each laptop size: the page does not scroll sideways, and a screenshot is kept. */
export const expectFitsLaptops = async (page: Page, name: string): Promise<void> => {
  for (const viewport of LAPTOPS) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(200);
    expect({ viewport, fits: await fitsViewport(page) }).toEqual({ viewport, fits: true });
    await screenshot(page, `${name}-${viewport.width}x${viewport.height}`);
  }
};

/** Serious and critical violations, as `rule: selectors` lines so a failure says where. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  const result = await new AxeBuilder({ page }).analyze();
  // A scan that checked nothing would pass vacuously.
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
};
