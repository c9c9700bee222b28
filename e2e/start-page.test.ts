import { mkdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@madoguchi/api';
import { addTenant, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messages } from '../apps/web/src/messages';
import { expectNoSeriousAxeViolations } from './support/axe';
import { chromiumAvailable, launchChromium } from './support/browser';
import { collectPageErrors } from './support/page-errors';
import { buildWebApp } from './support/web-build';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
// Any Han, Hiragana or Katakana character: enough to tell Japanese text from English.
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe.skipIf(!chromiumAvailable())('start page in a browser', () => {
  let webRoot: string | undefined;
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';

  beforeAll(async () => {
    [webRoot, db, browser] = await Promise.all([buildWebApp(), createTestDatabase(), launchChromium()]);
    await addTenant(db, systemActor('e2e'), { lgCode: '999997', name: 'デモ市' });
    app = await buildApp({ db, webRoot, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    if (webRoot) await rm(webRoot, { recursive: true, force: true });
  });

  // A fresh context per test: its own localStorage, so a language choice never leaks between tests.
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeEach(async () => {
    context = await (browser as Browser).newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterEach(async () => {
    await context.close();
  });

  async function openStartPage(): Promise<void> {
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.getByRole('list').getByText('デモ市').waitFor();
  }

  const heading = () => page.getByRole('heading', { level: 1 });
  const htmlLang = () => page.locator('html').getAttribute('lang');
  const languageButton = (name: string) => page.getByRole('button', { name, exact: true });

  it('shows the Japanese start page with the municipalities served and a link to the API docs', async () => {
    await openStartPage();

    expect(await page.title()).toMatch(JAPANESE);
    expect(await heading().textContent()).toBe(messages.ja.heading);
    expect(await htmlLang()).toBe('ja');
    expect(await languageButton('日本語').getAttribute('aria-pressed')).toBe('true');

    const tenants = page.getByRole('region', { name: messages.ja.tenantsHeading });
    const demo = tenants.getByRole('listitem').filter({ hasText: 'デモ市' });
    expect(await demo.count()).toBe(1);
    expect(await demo.textContent()).toContain('999997');

    const docsLink = page.getByRole('link', { name: messages.ja.apiDocs });
    expect(await docsLink.getAttribute('href')).toBe('/docs');
    expect((await page.request.get(`${baseUrl}/docs`)).ok()).toBe(true);

    await mkdir(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: `${RESULTS_DIR}start-page-ja.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('switches to English and to やさしい日本語, and remembers the choice across a reload', async () => {
    await openStartPage();

    await languageButton('English').click();
    expect(await heading().textContent()).toBe(messages.en.heading);
    expect(await heading().textContent()).not.toMatch(JAPANESE);
    expect(await htmlLang()).toBe('en');
    expect(await page.title()).toBe(messages.en.documentTitle);
    expect(await languageButton('English').getAttribute('aria-pressed')).toBe('true');
    expect(await languageButton('日本語').getAttribute('aria-pressed')).toBe('false');

    await page.reload();
    expect(await heading().textContent()).toBe(messages.en.heading);
    expect(await htmlLang()).toBe('en');

    await languageButton('やさしい日本語').click();
    expect(await heading().textContent()).toBe(messages['easy-ja'].heading);
    expect(await htmlLang()).toBe('ja');

    await page.reload();
    expect(await heading().textContent()).toBe(messages['easy-ja'].heading);
    expect(await languageButton('やさしい日本語').getAttribute('aria-pressed')).toBe('true');
    expect(pageErrors).toEqual([]);
  });

  it('has no serious or critical axe violations in any of the three languages', async () => {
    await openStartPage();
    await expectNoSeriousAxeViolations(page, 'the start page in 日本語');
    for (const [name, locale] of [
      ['English', 'en'],
      ['やさしい日本語', 'easy-ja'],
    ] as const) {
      await languageButton(name).click();
      await heading().filter({ hasText: messages[locale].heading }).waitFor();
      await expectNoSeriousAxeViolations(page, `the start page in ${name}`);
    }
  });

  it('has no serious or critical axe violations on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openStartPage();
    await expectNoSeriousAxeViolations(page, 'the start page at 390×844');
    // Nothing wider than the screen: a phone user never scrolls sideways (WCAG 1.4.10 reflow).
    // A string expression: the test's TypeScript has no DOM types.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.screenshot({ path: `${RESULTS_DIR}start-page-ja-phone.png`, fullPage: true });
  });

  it('shows an alert when the municipality list cannot be loaded', async () => {
    await page.route('**/api/v1/tenants', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: '{"error":{"code":"INTERNAL","message":"boom","details":{}}}',
      }),
    );
    await page.goto(baseUrl, { waitUntil: 'load' });

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(messages.ja.tenantsError);
    expect(await page.getByRole('list').filter({ hasText: 'デモ市' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'the start page with a loading error');
  });
});
