import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@madoguchi/api';
import {
  addTenant,
  createSession,
  DEV_CA_FILES,
  initDevCa,
  loadTrustStoreFromFiles,
  revokeCard,
  systemActor,
  type TrustStore,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Messages, messages } from '../apps/web/src/messages';
import { expectNoSeriousAxeViolations } from './support/axe';
import { chromiumAvailable, launchChromium } from './support/browser';
import { type DemoCard, issueBoundDemoCard } from './support/demo-card';
import { collectPageErrors } from './support/page-errors';
import { buildWebApp } from './support/web-build';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const LG = '999997';
const PERSON = '000000000001';
const ja = messages.ja;
const en = messages.en;
const PHONE = { width: 390, height: 844 };
// 2026年11月22日 14:05 and 22 Nov 2026, 14:05 (Japan time).
const JA_DATE_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/;
const EN_DATE_TIME = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/;

interface RunningApp {
  readonly app: FastifyInstance;
  readonly baseUrl: string;
}

describe.skipIf(!chromiumAvailable())('My Number card login in a browser (demo card)', () => {
  let webRoot: string | undefined;
  let db: Database | undefined;
  let browser: Browser | undefined;
  let dir: string | undefined;
  let caDir = '';
  let main: RunningApp | undefined;
  /** Bound to PERSON: logs in. */
  let card: DemoCard;
  /** Bound to another resident; the revocation test revokes it. */
  let otherCard: DemoCard;

  async function startApp(cardTrustStore: TrustStore): Promise<RunningApp> {
    // Generous login rate: the tests log in many times a minute from one address.
    const app = await buildApp({
      db: db as Database,
      webRoot,
      logger: false,
      cardTrustStore,
      loginAttemptsPerMinute: 100,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
  }

  const newCard = (name: string, personId: string) =>
    issueBoundDemoCard(db as Database, caDir, path.join(dir as string, name), LG, personId);

  beforeAll(async () => {
    [webRoot, db, browser, dir] = await Promise.all([
      buildWebApp(),
      createTestDatabase(),
      launchChromium(),
      mkdtemp(path.join(tmpdir(), 'madoguchi-e2e-card-')),
    ]);
    await addTenant(db, systemActor('e2e'), { lgCode: LG, name: 'デモ市' });
    // A second municipality, so the resident really has to choose.
    await addTenant(db, systemActor('e2e'), { lgCode: '999989', name: 'サンプル町' });
    caDir = path.join(dir, 'ca');
    await initDevCa(caDir);
    card = await newCard('card', PERSON);
    otherCard = await newCard('other-card', '000000000002');
    main = await startApp(await loadTrustStoreFromFiles({ anchorFiles: [path.join(caDir, DEV_CA_FILES.certificate)] }));
    await mkdir(RESULTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await main?.app.close();
    await db?.close();
    if (webRoot) await rm(webRoot, { recursive: true, force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let sent: { url: string; body: string }[];

  beforeEach(async () => {
    context = await (browser as Browser).newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    // The browser logs every 4xx answer; the 401s of a logged-out page are expected ones.
    pageErrors = collectPageErrors(page, /status of 4\d\d/);
    // Everything the page sends, to check that the private key and personal data never leave it.
    sent = [];
    page.on('request', (request) => sent.push({ url: request.url(), body: request.postData() ?? '' }));
  });

  afterEach(async () => {
    await context.close();
  });

  const baseUrl = () => (main as RunningApp).baseUrl;
  const heading = () => page.getByRole('heading', { level: 1 });
  const activeElement = () =>
    page.evaluate(
      '({ tag: document.activeElement?.tagName, id: document.activeElement?.id, text: document.activeElement?.textContent })',
    ) as Promise<{
      tag: string;
      id: string;
      text: string;
    }>;
  const horizontalOverflow = () =>
    page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  const screenshot = (name: string) => page.screenshot({ path: `${RESULTS_DIR}${name}.png`, fullPage: true });

  async function openLogin(text: Messages = ja, url = baseUrl()): Promise<void> {
    await page.goto(`${url}/login`, { waitUntil: 'load' });
    await heading().filter({ hasText: text.login.title }).waitFor();
    // The municipality list has loaded once the choice is enabled.
    await page.getByLabel(text.login.tenantLabel, { exact: true }).and(page.locator(':enabled')).waitFor();
  }

  async function fillLogin(text: Messages, files: { certificate: string; key: string }, lgCode = LG): Promise<void> {
    await page.getByLabel(text.login.tenantLabel, { exact: true }).selectOption(lgCode);
    await page.getByLabel(text.login.certificateLabel).setInputFiles(files.certificate);
    await page.getByLabel(text.login.keyLabel).setInputFiles(files.key);
  }

  const submit = (text: Messages = ja) => page.getByRole('button', { name: text.login.submit, exact: true }).click();

  async function logIn(text: Messages = ja, files: DemoCard = card): Promise<void> {
    await openLogin(text);
    await fillLogin(text, files);
    await submit(text);
    await page.waitForURL(`${baseUrl()}/me`);
    await accessLogTable(text).waitFor();
  }

  const accessLogTable = (text: Messages) => page.getByRole('table', { name: text.me.logCaption });
  const alertWith = (title: string) => page.getByRole('alert').filter({ hasText: title });

  it('logs in with the demo card files and shows assurance level 3 and the access log, in Japanese', async () => {
    await openLogin();
    expect(await page.title()).toBe(`${ja.login.title}｜窓口 Madoguchi`);
    const notice = page.getByRole('region', { name: ja.login.demoTitle });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('本番では使えません');
    await expectNoSeriousAxeViolations(page, '/login in 日本語');
    await screenshot('card-login-ja');

    await fillLogin(ja, card);
    await submit();
    await page.waitForURL(`${baseUrl()}/me`);
    expect(await heading().textContent()).toBe(ja.me.title);
    expect(await page.title()).toBe(`${ja.me.title}｜窓口 Madoguchi`);
    // The new page's heading has focus, so a screen reader announces where the resident landed.
    expect((await activeElement()).tag).toBe('H1');

    const table = accessLogTable(ja);
    await table.waitFor();
    const summary = page.getByRole('region', { name: ja.me.sessionHeading });
    expect(await summary.textContent()).toContain('レベル 3');
    expect(await summary.textContent()).toContain(ja.me.methodNames.card);
    expect(await summary.textContent()).toContain('デモ市（999997）');

    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      ja.me.columns.at,
      ja.me.columns.action,
      ja.me.columns.department,
      ja.me.columns.purpose,
      ja.me.columns.dataCategory,
      ja.me.columns.result,
    ]);
    const registration = table.getByRole('row').filter({ hasText: 'マイナンバーカードの登録' });
    expect(await registration.count()).toBe(1);
    expect(await registration.getByRole('rowheader').innerText()).toMatch(JA_DATE_TIME);
    expect(await registration.getByRole('cell').allInnerTexts()).toEqual([
      'マイナンバーカードの登録',
      ja.me.departmentNone,
      'カードの登録',
      'カードの証明書',
      '実施',
    ]);
    // No raw audit codes shown to the resident.
    expect(await table.textContent()).not.toContain('identity.card.bind');

    await expectNoSeriousAxeViolations(page, '/me in 日本語');
    await screenshot('card-me-ja');

    // The key file stayed in the page: only the certificate and a signature went to the server,
    // and no URL carried the resident's number.
    const keyPem = await readFile(card.key, 'utf8');
    const keyBody = keyPem.split('\n')[1] ?? keyPem;
    expect(sent.filter((request) => request.body.includes('PRIVATE KEY') || request.body.includes(keyBody))).toEqual(
      [],
    );
    const login = sent.find((request) => request.url.endsWith('/api/v1/auth/card/login'));
    expect(Object.keys(JSON.parse(login?.body ?? '{}')).sort()).toEqual([
      'certificate',
      'challengeId',
      'lgCode',
      'signature',
    ]);
    expect(sent.filter((request) => request.url.includes(PERSON))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows an error summary linking to each field when the files are missing or swapped', async () => {
    await openLogin();
    await submit();

    const summary = alertWith(ja.login.errorSummaryTitle);
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      ja.login.fieldErrors.tenantMissing,
      ja.login.fieldErrors.certificateMissing,
      ja.login.fieldErrors.keyMissing,
    ]);
    // Focus moves to the summary, so it is read out and Tab continues from there.
    expect((await activeElement()).text).toContain(ja.login.errorSummaryTitle);
    const keyInput = page.getByLabel(ja.login.keyLabel);
    expect(await keyInput.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#login-key-error').textContent()).toBe(
      `${ja.errorPrefix}${ja.login.fieldErrors.keyMissing}`,
    );
    expect((await keyInput.getAttribute('aria-describedby'))?.split(' ')).toContain('login-key-error');
    await expectNoSeriousAxeViolations(page, '/login with the error summary in 日本語');
    await screenshot('card-login-errors-ja');

    await summary.getByRole('link', { name: ja.login.fieldErrors.keyMissing }).click();
    expect((await activeElement()).id).toBe('login-key');

    // The two files the wrong way round: each field says which file it wants.
    await fillLogin(ja, { certificate: card.key, key: card.certificate });
    await submit();
    await summary.getByRole('link', { name: ja.login.fieldErrors.certificateInvalid }).waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      ja.login.fieldErrors.certificateInvalid,
      ja.login.fieldErrors.keyInvalid,
    ]);
    expect(await page.getByLabel(ja.login.tenantLabel, { exact: true }).getAttribute('aria-invalid')).toBe('false');
    // Nothing was sent for a form that never got past the checks.
    expect(sent.filter((request) => request.url.includes('/api/v1/auth/'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('works in English: the error summary, the login and /me pass axe', async () => {
    await openLogin();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await heading().filter({ hasText: en.login.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('region', { name: en.login.demoTitle }).isVisible()).toBe(true);

    await submit(en);
    await alertWith(en.login.errorSummaryTitle).waitFor();
    expect(await alertWith(en.login.errorSummaryTitle).getByRole('link').count()).toBe(3);
    await expectNoSeriousAxeViolations(page, '/login with the error summary in English');
    await screenshot('card-login-errors-en');

    await fillLogin(en, card);
    await submit(en);
    await page.waitForURL(`${baseUrl()}/me`);
    const table = accessLogTable(en);
    await table.waitFor();
    expect(await heading().textContent()).toBe(en.me.title);
    expect(await page.getByRole('region', { name: en.me.sessionHeading }).textContent()).toContain('Level 3');
    const registration = table.getByRole('row').filter({ hasText: 'My Number Card registered' });
    expect(await registration.count()).toBe(1);
    expect(await registration.getByRole('rowheader').innerText()).toMatch(EN_DATE_TIME);
    await expectNoSeriousAxeViolations(page, '/me in English');
    await screenshot('card-me-en');
    expect(pageErrors).toEqual([]);
  });

  it('fits a 390×844 phone screen without sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    await openLogin();
    expect(await horizontalOverflow()).toBe(0);
    await screenshot('card-login-ja-phone');
    await submit();
    await alertWith(ja.login.errorSummaryTitle).waitFor();
    expect(await horizontalOverflow()).toBe(0);
    await expectNoSeriousAxeViolations(page, '/login with the error summary at 390×844');
    await screenshot('card-login-errors-ja-phone');

    await fillLogin(ja, card);
    await submit();
    await page.waitForURL(`${baseUrl()}/me`);
    // Each row is shown as a card of "column: value" lines, and it is still a table to a screen
    // reader: headers in place, and the visible column labels are not read twice.
    const table = accessLogTable(ja);
    await table.waitFor();
    expect(await table.getByRole('columnheader').count()).toBe(6);
    const registration = table.getByRole('row').filter({ hasText: 'マイナンバーカードの登録' });
    expect(await registration.getByRole('rowheader').count()).toBe(1);
    expect(await registration.getByRole('cell', { name: 'マイナンバーカードの登録', exact: true }).count()).toBe(1);
    expect(await registration.getByRole('cell').first().innerText()).toContain(ja.me.columns.action);
    expect(await horizontalOverflow()).toBe(0);
    await expectNoSeriousAxeViolations(page, '/me at 390×844');
    await screenshot('card-me-ja-phone');
    expect(pageErrors).toEqual([]);
  });

  it('logs out: the session ends on the server and /me says so, with a way back to the login', async () => {
    await logIn();
    expect((await page.request.get(`${baseUrl()}/api/v1/session`)).status()).toBe(200);

    await page.getByRole('button', { name: ja.me.logout, exact: true }).click();
    const notice = page.getByText(ja.me.loggedOut);
    await notice.waitFor();
    expect((await activeElement()).text).toContain(ja.me.loggedOut);
    expect(await accessLogTable(ja).count()).toBe(0);
    expect(await page.getByRole('link', { name: ja.me.loginLink }).getAttribute('href')).toBe('/login');
    expect((await page.request.get(`${baseUrl()}/api/v1/session`)).status()).toBe(401);

    await page.reload();
    await page.getByText(ja.me.signedOut).waitFor();
    expect(await accessLogTable(ja).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('on /me, asks to log in when there is no session', async () => {
    await page.goto(`${baseUrl()}/me`, { waitUntil: 'load' });
    await page.getByText(ja.me.signedOut).waitFor();
    await expectNoSeriousAxeViolations(page, '/me when not logged in');
    await screenshot('card-me-signed-out-ja');

    await page.getByRole('link', { name: ja.me.loginLink }).click();
    await page.waitForURL(`${baseUrl()}/login`);
    await heading().filter({ hasText: ja.login.title }).waitFor();
    expect((await activeElement()).tag).toBe('H1');
    expect(pageErrors).toEqual([]);
  });

  it('on /me, explains that a weaker login (level 1) must step up to the card', async () => {
    const { token } = await createSession((db as Database).kysely, {
      lgCode: LG,
      subjectKind: 'resident',
      subjectId: PERSON,
      method: 'email-code',
    });
    await context.addCookies([
      { name: 'madoguchi_session', value: token, url: baseUrl(), httpOnly: true, secure: true },
    ]);
    await page.goto(`${baseUrl()}/me`, { waitUntil: 'load' });
    const stepUp = page.getByRole('region', { name: ja.me.stepUpTitle });
    await stepUp.waitFor();
    expect(await stepUp.textContent()).toContain(ja.me.stepUp);
    expect(await page.getByRole('region', { name: ja.me.sessionHeading }).textContent()).toContain('レベル 1');
    expect(await accessLogTable(ja).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, '/me with a level-1 login');
    await screenshot('card-me-step-up-ja');
    expect(pageErrors).toEqual([]);
  });

  it('on /me, says so when nothing has been recorded yet (in やさしい日本語)', async () => {
    // A card login of a resident nobody has touched: no staff or system entry to show.
    const { token } = await createSession((db as Database).kysely, {
      lgCode: LG,
      subjectKind: 'resident',
      subjectId: '000000000099',
      method: 'card',
    });
    await context.addCookies([
      { name: 'madoguchi_session', value: token, url: baseUrl(), httpOnly: true, secure: true },
    ]);
    await page.goto(`${baseUrl()}/me`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'やさしい日本語', exact: true }).click();
    const easy = messages['easy-ja'];
    await page.getByText(easy.me.empty).waitFor();
    expect(await page.getByRole('region', { name: easy.me.logCaption }).isVisible()).toBe(true);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('region', { name: easy.me.sessionHeading }).textContent()).toContain('レベル 3');
    await expectNoSeriousAxeViolations(page, '/me with an empty record in やさしい日本語');
    await screenshot('card-me-empty-easy-ja');
    expect(pageErrors).toEqual([]);
  });

  it('refuses a key from another card with the CARD_BAD_SIGNATURE message', async () => {
    await openLogin();
    await fillLogin(ja, { certificate: card.certificate, key: otherCard.key });
    await submit();
    const alert = alertWith(ja.login.failedTitle);
    await alert.waitFor();
    expect(await alert.textContent()).toContain(ja.login.apiErrors.CARD_BAD_SIGNATURE);
    expect(await alert.textContent()).toContain('CARD_BAD_SIGNATURE');
    expect(page.url()).toBe(`${baseUrl()}/login`);
  });

  it('explains a rate limit (429) by its code, in English', async () => {
    await page.route('**/api/v1/auth/card/challenge', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: '{"error":{"code":"TOO_MANY_REQUESTS","message":"too many attempts; try again in 1 minute","details":{}}}',
      }),
    );
    await openLogin();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await fillLogin(en, card);
    await submit(en);
    const alert = alertWith(en.login.failedTitle);
    await alert.waitFor();
    expect(await alert.textContent()).toContain(en.login.apiErrors.TOO_MANY_REQUESTS);
    // The server's own (English, technical) message is not what the resident reads.
    expect(await alert.textContent()).not.toContain('try again in 1 minute');
  });

  it('refuses a revoked card with the CARD_REVOKED message in Japanese, focused', async () => {
    await revokeCard(caDir, otherCard.issued.serialHex);
    const reloaded = await startApp(
      await loadTrustStoreFromFiles({
        anchorFiles: [path.join(caDir, DEV_CA_FILES.certificate)],
        crlFiles: [path.join(caDir, DEV_CA_FILES.crl)],
      }),
    );
    try {
      await openLogin(ja, reloaded.baseUrl);
      await fillLogin(ja, otherCard);
      await submit();
      const alert = alertWith(ja.login.failedTitle);
      await alert.waitFor();
      expect(await alert.textContent()).toContain(ja.login.apiErrors.CARD_REVOKED);
      expect(await alert.textContent()).toContain('CARD_REVOKED');
      expect((await activeElement()).text).toContain(ja.login.failedTitle);
      expect(page.url()).toBe(`${reloaded.baseUrl}/login`);
      expect((await page.request.get(`${reloaded.baseUrl}/api/v1/session`)).status()).toBe(401);
      await expectNoSeriousAxeViolations(page, '/login with CARD_REVOKED');
      await screenshot('card-login-revoked-ja');
      expect(pageErrors).toEqual([]);
    } finally {
      await reloaded.app.close();
    }
  });
});
