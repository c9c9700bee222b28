import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@madoguchi/api';
import { addTenant, DEV_CA_FILES, initDevCa, loadTrustStoreFromFiles, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Messages, messages } from '../apps/web/src/messages';
import { expectNoSeriousAxeViolations } from './support/axe';
import { chromiumAvailable, launchChromium } from './support/browser';
import { issueBoundDemoCard } from './support/demo-card';
import { collectPageErrors } from './support/page-errors';
import { buildWebApp } from './support/web-build';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const LG = '999997';
const PERSON = '000000000001';
const ja = messages.ja;
const en = messages.en;

/** A platform authenticator with user verification, as a phone or laptop with a screen lock has. */
const AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
} as const;

describe.skipIf(!chromiumAvailable())('passkey registration and login in a browser', () => {
  let webRoot: string | undefined;
  let db: Database | undefined;
  let browser: Browser | undefined;
  let dir: string | undefined;
  let app: FastifyInstance | undefined;
  /** http://localhost:<port>: WebAuthn's origin must match the relying party's exactly. */
  let baseUrl = '';
  let card = { certificate: '', key: '' };

  beforeAll(async () => {
    [webRoot, db, browser, dir] = await Promise.all([
      buildWebApp(),
      createTestDatabase(),
      launchChromium(),
      mkdtemp(path.join(tmpdir(), 'madoguchi-e2e-passkey-')),
    ]);
    await addTenant(db, systemActor('e2e'), { lgCode: LG, name: 'デモ市' });
    await addTenant(db, systemActor('e2e'), { lgCode: '999989', name: 'サンプル町' });
    const caDir = path.join(dir, 'ca');
    await initDevCa(caDir);
    card = await issueBoundDemoCard(db, caDir, path.join(dir, 'card'), LG, PERSON);

    // The port is only known after listening, and the origin has to name it: reserve a port
    // first, then build the app for it.
    const probe = await buildApp({ db, logger: false });
    await probe.listen({ host: '127.0.0.1', port: 0 });
    const port = (probe.server.address() as AddressInfo).port;
    await probe.close();
    app = await buildApp({
      db,
      webRoot,
      logger: false,
      cardTrustStore: await loadTrustStoreFromFiles({ anchorFiles: [path.join(caDir, DEV_CA_FILES.certificate)] }),
      loginAttemptsPerMinute: 100,
      webauthn: { rpId: 'localhost', rpName: 'Madoguchi', origin: `http://localhost:${port}` },
    });
    await app.listen({ host: '127.0.0.1', port });
    baseUrl = `http://localhost:${port}`;
    await mkdir(RESULTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    if (webRoot) await rm(webRoot, { recursive: true, force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let authenticatorId: string;
  let pageErrors: string[];

  beforeEach(async () => {
    context = await (browser as Browser).newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page, /status of 4\d\d/);
    cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', { options: AUTHENTICATOR }));
  });

  afterEach(async () => {
    await context.close();
  });

  const heading = () => page.getByRole('heading', { level: 1 });
  const screenshot = (name: string) => page.screenshot({ path: `${RESULTS_DIR}${name}.png`, fullPage: true });
  const sessionRegion = (text: Messages = ja) => page.getByRole('region', { name: text.me.sessionHeading });
  const passkeyButton = (text: Messages = ja) =>
    page.getByRole('button', { name: text.passkey.loginButton, exact: true });
  const credentials = async () =>
    (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials as { credentialId: string }[];

  async function openLogin(text: Messages = ja): Promise<void> {
    await page.goto(`${baseUrl}/login`, { waitUntil: 'load' });
    await heading().filter({ hasText: text.login.title }).waitFor();
    await page.getByLabel(text.passkey.tenantLabel, { exact: true }).and(page.locator(':enabled')).waitFor();
  }

  async function logInWithCard(): Promise<void> {
    await openLogin();
    await page.getByLabel(ja.login.tenantLabel, { exact: true }).selectOption(LG);
    await page.getByLabel(ja.login.certificateLabel).setInputFiles(card.certificate);
    await page.getByLabel(ja.login.keyLabel).setInputFiles(card.key);
    await page.getByRole('button', { name: ja.login.submit, exact: true }).click();
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByRole('table', { name: ja.me.logCaption }).waitFor();
  }

  async function registerOnMe(text: Messages = ja): Promise<void> {
    const section = page.getByRole('region', { name: text.passkey.registerTitle });
    await section.getByRole('button', { name: text.passkey.registerButton, exact: true }).click();
    await section.getByRole('status').filter({ hasText: text.passkey.registered }).waitFor();
  }

  async function logOut(): Promise<void> {
    await page.getByRole('button', { name: ja.me.logout, exact: true }).click();
    await page.getByText(ja.me.loggedOut).waitFor();
  }

  async function passkeyLogin(lgCode = LG): Promise<void> {
    await openLogin();
    await page.getByLabel(ja.passkey.tenantLabel, { exact: true }).selectOption(lgCode);
    await passkeyButton().click();
  }

  it('registers a passkey after a card login, then logs in with it at assurance level 2', async () => {
    await logInWithCard();
    expect(await sessionRegion().textContent()).toContain('レベル 3');
    const section = page.getByRole('region', { name: ja.passkey.registerTitle });
    expect(await section.textContent()).toContain(ja.passkey.what);
    await expectNoSeriousAxeViolations(page, '/me with the passkey section');
    await screenshot('passkey-me-register-ja');

    await registerOnMe();
    expect(await credentials()).toHaveLength(1);
    // The button is gone once the passkey is registered; the status says what to do next.
    expect(await section.getByRole('button').count()).toBe(0);
    await expectNoSeriousAxeViolations(page, '/me after registering a passkey');
    await screenshot('passkey-me-registered-ja');

    await logOut();
    expect((await page.request.get(`${baseUrl}/api/v1/session`)).status()).toBe(401);

    await openLogin();
    const login = page.getByRole('region', { name: ja.passkey.loginTitle });
    expect(await login.textContent()).toContain(ja.passkey.what);
    await expectNoSeriousAxeViolations(page, '/login with the passkey section');
    await screenshot('passkey-login-ja');

    await page.getByLabel(ja.passkey.tenantLabel, { exact: true }).selectOption(LG);
    await passkeyButton().click();
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByRole('table', { name: ja.me.logCaption }).waitFor();
    const summary = await sessionRegion().textContent();
    expect(summary).toContain('レベル 2');
    expect(summary).toContain(ja.me.methodNames.passkey);
    await expectNoSeriousAxeViolations(page, '/me after a passkey login');
    await screenshot('passkey-me-level2-ja');
    expect(pageErrors).toEqual([]);
  });

  it('asks for the municipality before the passkey prompt', async () => {
    await openLogin();
    await passkeyButton().click();
    const summary = page.getByRole('alert').filter({ hasText: ja.login.errorSummaryTitle });
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: ja.passkey.tenantMissing }).count()).toBe(1);
    expect(await page.getByLabel(ja.passkey.tenantLabel, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // The card form's municipality is not marked.
    expect(await page.getByLabel(ja.login.tenantLabel, { exact: true }).getAttribute('aria-invalid')).toBe('false');
    await expectNoSeriousAxeViolations(page, '/login with the passkey municipality missing');
    await screenshot('passkey-login-missing-tenant-ja');
    expect(pageErrors).toEqual([]);
  });

  it('explains a failed prompt when the passkey is gone from the device', async () => {
    await logInWithCard();
    await registerOnMe();
    await logOut();
    // The resident deleted the passkey from the device: the server still knows it, the browser has none.
    await cdp.send('WebAuthn.clearCredentials', { authenticatorId });

    await passkeyLogin();
    const alert = page.getByRole('alert').filter({ hasText: ja.passkey.loginFailedTitle });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(ja.passkey.loginErrors.PROMPT_CANCELLED);
    expect(await alert.textContent()).toContain('NotAllowedError');
    expect(page.url()).toBe(`${baseUrl}/login`);
    expect((await page.request.get(`${baseUrl}/api/v1/session`)).status()).toBe(401);
    await expectNoSeriousAxeViolations(page, '/login after a failed passkey prompt');
    await screenshot('passkey-login-no-credential-ja');
    expect(pageErrors).toEqual([]);
  });

  it('refuses a passkey for another municipality with the LOGIN_FAILED message, in English', async () => {
    await logInWithCard();
    await registerOnMe();
    await logOut();

    await openLogin();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await heading().filter({ hasText: en.login.title }).waitFor();
    await page.getByLabel(en.passkey.tenantLabel, { exact: true }).selectOption('999989');
    await passkeyButton(en).click();
    const alert = page.getByRole('alert').filter({ hasText: en.passkey.loginFailedTitle });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(en.passkey.loginErrors.LOGIN_FAILED);
    expect(await alert.textContent()).toContain('LOGIN_FAILED');
    await expectNoSeriousAxeViolations(page, '/login with LOGIN_FAILED in English');
    await screenshot('passkey-login-failed-en');
    expect(pageErrors).toEqual([]);
  });

  it('explains the API errors of the passkey login by their codes', async () => {
    for (const [code, status] of [
      ['CHALLENGE_EXPIRED', 400],
      ['TOO_MANY_REQUESTS', 429],
      ['NOT_CONFIGURED', 503],
    ] as const) {
      await page.unrouteAll();
      await page.route('**/api/v1/auth/passkey/login/options', (route) =>
        route.fulfill({
          status,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code, message: 'server text', details: {} } }),
        }),
      );
      await passkeyLogin();
      const alert = page.getByRole('alert').filter({ hasText: ja.passkey.loginFailedTitle });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(ja.passkey.loginErrors[code]);
      expect(await alert.textContent()).not.toContain('server text');
    }
  });

  it('explains a cancelled registration prompt on /me', async () => {
    await logInWithCard();
    // A device without user verification: the browser refuses the required passkey (NotAllowedError).
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    const section = page.getByRole('region', { name: ja.passkey.registerTitle });
    await section.getByRole('button', { name: ja.passkey.registerButton, exact: true }).click();
    const alert = section.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(ja.passkey.registerFailedTitle);
    expect(await alert.textContent()).toContain(ja.passkey.registerErrors.PROMPT_CANCELLED);
    expect(await credentials()).toHaveLength(0);
    await expectNoSeriousAxeViolations(page, '/me after a failed passkey registration');
    await screenshot('passkey-me-register-failed-ja');
    expect(pageErrors).toEqual([]);
  });
});
