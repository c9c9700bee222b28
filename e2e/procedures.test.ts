import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, parseZoneEntry } from '@madoguchi/api';
import {
  addDays,
  addTenant,
  createStaffAccount,
  DEV_CA_FILES,
  generateTotp,
  initDevCa,
  loadTrustStoreFromFiles,
  recordMoveIn,
  saveAnswers,
  startApplication,
  submitApplication,
  syncProcedureCatalog,
  systemActor,
  todayInJapan,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../apps/web/src/format';
import { messages } from '../apps/web/src/messages';
import { expectNoSeriousAxeViolations } from './support/axe';
import { chromiumAvailable, launchChromium } from './support/browser';
import { type DemoCard, issueBoundDemoCard } from './support/demo-card';
import { collectPageErrors } from './support/page-errors';
import { buildWebApp } from './support/web-build';

const LG = '999997';
const ja = messages.ja;
const PASSWORD = 'e2e-Kosodate-Passw0rd!';
const today = todayInJapan();
// The browser logs every 4xx answer (a signed-out check, a step-up probe): expected ones.
const EXPECTED_CONSOLE = /status of 4\d\d/;

describe.skipIf(!chromiumAvailable())(
  'online procedure, end to end: child allowance from card login to the notice',
  () => {
    let webRoot: string | undefined;
    let db: Database | undefined;
    let browser: Browser | undefined;
    let dir: string | undefined;
    let app: FastifyInstance | undefined;
    let baseUrl = '';
    let card: DemoCard;
    let totpSecret = '';
    let citizenTotpSecret = '';
    let household: string[] = [];

    beforeAll(async () => {
      [webRoot, db, browser, dir] = await Promise.all([
        buildWebApp(),
        createTestDatabase(),
        launchChromium(),
        mkdtemp(path.join(tmpdir(), 'madoguchi-e2e-procedures-')),
      ]);
      const setup = systemActor('e2e');
      await addTenant(db, setup, { lgCode: LG, name: 'デモ市' });
      await syncProcedureCatalog(db, setup, LG);
      const moved = await recordMoveIn(
        db,
        { kind: 'staff', id: 'e2e', zone: 'individual-number' },
        {
          lgCode: LG,
          effectiveOn: addDays(today, -20),
          notifiedOn: addDays(today, -20),
          previousAddress: 'デモ県サンプル町1番',
          destination: { postalCode: '999-0001', address: 'デモ県デモ市中央一丁目1番1号', addressDetail: null },
          persons: [
            {
              residentKind: 'japanese',
              relationship: '世帯主',
              familyName: '髙橋',
              givenName: '花子',
              birthDate: '1990-01-01',
              sex: 2,
            },
            {
              residentKind: 'japanese',
              relationship: '子',
              familyName: '髙橋',
              givenName: '𠮷太',
              birthDate: addDays(today, -1500),
              sex: 1,
            },
          ],
        },
      );
      const caDir = path.join(dir, 'ca');
      await initDevCa(caDir);
      card = await issueBoundDemoCard(db, caDir, path.join(dir, 'card'), LG, moved.personIds[0] as string);
      const staff = await createStaffAccount(db, setup, {
        lgCode: LG,
        staffId: 'kosodate-01',
        loginName: 'kosodate-01',
        password: PASSWORD,
        roles: ['case-worker'],
        departments: ['child-support'],
      });
      totpSecret = staff.totpSecret;
      household = [...moved.personIds];
      const citizenDesk = await createStaffAccount(db, setup, {
        lgCode: LG,
        staffId: 'shimin-01',
        loginName: 'shimin-01',
        password: PASSWORD,
        roles: ['case-worker'],
        departments: ['citizen'],
      });
      citizenTotpSecret = citizenDesk.totpSecret;
      app = await buildApp({
        db,
        webRoot,
        logger: false,
        cardTrustStore: await loadTrustStoreFromFiles({ anchorFiles: [path.join(caDir, DEV_CA_FILES.certificate)] }),
        zones: [parseZoneEntry('127.0.0.0/8=lgwan')],
        loginAttemptsPerMinute: 100,
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await db?.close();
      if (webRoot) await rm(webRoot, { recursive: true, force: true });
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[]; urls: string[] }> {
      const context = await (browser as Browser).newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const urls: string[] = [];
      page.on('request', (request) => urls.push(decodeURIComponent(request.url())));
      return { context, page, errors: collectPageErrors(page, EXPECTED_CONSOLE), urls };
    }

    const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
    const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

    /** The resident logs in with the demo card, as at /login. */
    async function logInWithCard(page: Page): Promise<void> {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel(ja.login.tenantLabel, { exact: true }).and(page.locator(':enabled')).waitFor();
      await page.getByLabel(ja.login.tenantLabel, { exact: true }).selectOption(LG);
      await page.getByLabel(ja.login.certificateLabel).setInputFiles(card.certificate);
      await page.getByLabel(ja.login.keyLabel).setInputFiles(card.key);
      await page.getByRole('button', { name: ja.login.submit, exact: true }).click();
      await page.waitForURL(`${baseUrl}/me`);
    }

    async function continueTo(page: Page, next: RegExp): Promise<void> {
      await page.getByRole('button', { name: ja.portal.form.continue, exact: true }).click();
      await page.waitForURL(next);
      await h1(page).waitFor();
    }

    it('a resident applies with pre-filled household data, staff approve, the resident sees the decision and the notice', async () => {
      // 1. The resident logs in with the demo card and finds the procedure.
      const resident = await newPage();
      const page = resident.page;
      await logInWithCard(page);

      await page.goto(`${baseUrl}/procedures`);
      const procedureLink = page.getByRole('link', { name: '児童手当 認定請求' });
      await procedureLink.waitFor();
      await expectNoSeriousAxeViolations(page, 'the catalog');
      await procedureLink.click();
      await page.waitForURL(`${baseUrl}/procedures/child-allowance`);
      await page.getByRole('button', { name: ja.portal.start.startButton }).waitFor();
      await expectNoSeriousAxeViolations(page, 'the start page');

      // 2. One question per page; the applicant and the household's child come from the register.
      await page.getByRole('button', { name: ja.portal.start.startButton }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/steps\/1$/);
      const applicationId = /applications\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
      // The applicant's name is shown from the register, read-only.
      await page.locator('main').getByText('髙橋 花子').first().waitFor();
      await expectNoSeriousAxeViolations(page, 'the register-filled applicant step');
      await continueTo(page, /steps\/2$/);
      await byId(page, 'answer-phone').fill('090-1234-5678');
      await expectNoSeriousAxeViolations(page, 'a text question');
      await continueTo(page, /steps\/3$/);
      await page.getByRole('radio', { name: '厚生年金（会社員など）' }).check();
      await expectNoSeriousAxeViolations(page, 'a radio question');
      await continueTo(page, /steps\/4$/);
      await page.getByRole('radio', { name: 'いない', exact: true }).check();
      await continueTo(page, /steps\/5$/);
      // The child of the household is filled in; only whether they live together is asked.
      await byId(page, 'answer-children.0.fullName').waitFor();
      expect(await byId(page, 'answer-children.0.fullName').inputValue()).toBe('髙橋 𠮷太');
      await page.getByRole('radio', { name: '同居している', exact: true }).check();
      await expectNoSeriousAxeViolations(page, 'a repeating group item');
      await continueTo(page, /steps\/6$/);
      // A wrong answer is refused with an error summary linking to the field.
      await byId(page, 'answer-bank.bankName').fill('デモ銀行');
      await byId(page, 'answer-bank.branchName').fill('本店');
      await page.getByRole('radio', { name: '普通', exact: true }).check();
      await byId(page, 'answer-bank.accountNumber').fill('12');
      await byId(page, 'answer-bank.accountHolderKana').fill('タカハシ ハナコ');
      await page.getByRole('button', { name: ja.portal.form.continue, exact: true }).click();
      const summary = page.getByRole('alert').filter({ hasText: ja.portal.form.errorSummaryTitle });
      await summary.waitFor();
      await expectNoSeriousAxeViolations(page, 'a page with an error');
      await byId(page, 'answer-bank.accountNumber').fill('1234567');
      await continueTo(page, /\/check$/);

      // 3. Check the answers, confirm the declaration, submit.
      await page.getByRole('checkbox', { name: ja.portal.check.declarationConfirm }).waitFor();
      await page.locator('main').getByText('厚生年金（会社員など）').first().waitFor();
      await expectNoSeriousAxeViolations(page, 'check your answers');
      await page.getByRole('checkbox', { name: ja.portal.check.declarationConfirm }).check();
      await page.getByRole('button', { name: ja.portal.check.submit, exact: true }).click();
      await page.waitForURL(`${baseUrl}/applications/${applicationId}/done`);
      const receipt = page.getByTestId('receipt-number');
      await receipt.waitFor();
      const receiptNo = (await receipt.textContent())?.trim() as string;
      expect(receiptNo).toMatch(/^\d{4}-\d{6}$/);
      await expectNoSeriousAxeViolations(page, 'the confirmation');

      // 4. A case worker of the child-support department approves and notifies.
      const staff = await newPage();
      const desk = staff.page;
      await desk.setViewportSize({ width: 1280, height: 900 });
      await desk.goto(`${baseUrl}/staff`);
      await desk.getByLabel(ja.staff.login.tenantLabel).and(desk.locator(':enabled')).waitFor();
      await desk.getByLabel(ja.staff.login.tenantLabel).selectOption(LG);
      await desk.getByLabel(ja.staff.login.loginNameLabel).fill('kosodate-01');
      await desk.getByLabel(ja.staff.login.passwordLabel).fill(PASSWORD);
      await desk.getByLabel(ja.staff.login.totpLabel).fill(generateTotp(totpSecret));
      await expectNoSeriousAxeViolations(desk, 'the staff login');
      await desk.getByRole('button', { name: ja.staff.login.submit, exact: true }).click();
      await desk.waitForURL(`${baseUrl}/staff/cases`);
      const caseLink = desk.getByRole('link', { name: receiptNo });
      await caseLink.waitFor();
      await expectNoSeriousAxeViolations(desk, 'the inbox');
      await caseLink.click();
      await desk.waitForURL(`${baseUrl}/staff/cases/${applicationId}`);
      await desk.getByTestId('case-status').waitFor();
      await desk.getByRole('button', { name: ja.staff.decision.submit, exact: true }).waitFor();
      await desk.locator('main').getByText('髙橋 𠮷太').first().waitFor();
      await expectNoSeriousAxeViolations(desk, 'the case');
      await desk.getByRole('radio', { name: '認定する', exact: true }).check();
      expect(await desk.getByRole('checkbox', { name: ja.staff.decision.notify }).isChecked()).toBe(true);
      await desk.getByRole('button', { name: ja.staff.decision.submit, exact: true }).click();
      await desk.getByText(ja.staff.decision.resultTitle).first().waitFor();
      await expectNoSeriousAxeViolations(desk, 'the case after the decision');

      // 5. The resident sees the decision and the notice.
      await page.goto(`${baseUrl}/applications/${applicationId}`);
      const status = page.getByTestId('application-status').first();
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('approved');
      const noticeLink = page.locator('a[href$="/documents/decision-notice"]').first();
      await noticeLink.waitFor();
      await expectNoSeriousAxeViolations(page, 'the application with its decision');
      const notice = await page.request.get(new URL((await noticeLink.getAttribute('href')) as string, baseUrl).href);
      expect(notice.status()).toBe(200);
      expect(notice.headers()['content-type']).toBe('application/pdf');
      expect((await notice.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // No personal data in any address the browsers asked for, and no page errors.
      for (const url of [...resident.urls, ...staff.urls]) {
        // A 宛名番号 is 10 digits: never a path segment or a query value (a UUID has hex around its digits).
        expect(url).not.toMatch(/髙橋|花子|𠮷太|090-1234-5678|(^|[^0-9a-f])[0-9]{10}([^0-9a-f]|$)/);
      }
      expect(resident.errors).toEqual([]);
      expect(staff.errors).toEqual([]);
      await resident.context.close();
      await staff.context.close();
    }, 180_000);

    it('staff approve a 転居届 of part of a household with the new household’s 続柄, which the form does not ask', async () => {
      // The parent gives notice that the child alone moves to another address in the city.
      const [parent, child] = household as [string, string];
      /** What the register holds now for a person. */
      const current = (personId: string) =>
        (db as Database).kysely
          .selectFrom('resident_record')
          .select(['address', 'relationship'])
          .where('lg_code', '=', LG)
          .where('person_id', '=', personId)
          .where('is_current', '=', true)
          .executeTakeFirstOrThrow();
      const resident = { kind: 'resident', id: parent, purpose: 'online-services' } as const;
      const viewer = { kind: 'resident', personId: parent, assuranceLevel: 3 } as const;
      /** Submitted by the parent, for the child alone. */
      const submitFor = async (procedureId: string, answers: Record<string, unknown>) => {
        const started = await startApplication(db as Database, resident, {
          lgCode: LG,
          procedureId,
          applicantPersonId: parent,
          channel: 'online',
          assuranceLevel: 3,
        });
        const ids = { lgCode: LG, applicationId: started.applicationId };
        const movers = (started.answers.movers as { personId: string }[]).filter((m) => m.personId === child);
        await saveAnswers(db as Database, resident, { ...ids, answers: { ...answers, movers } }, viewer);
        await submitApplication(db as Database, resident, { ...ids, declaration: true }, viewer);
        return started.applicationId;
      };
      const relocation = await submitFor('relocation-notice', {
        phone: '090-1234-5678',
        moveDate: addDays(today, -1),
        destination: { postalCode: '999-0002', address: 'デモ県デモ市港町二丁目3番4号' },
      });
      // A 転出届 of the child too: moving out forms no household here, so it asks no 続柄.
      const moveOut = await submitFor('move-out-notice', {
        phone: '090-1234-5678',
        plannedMoveOn: addDays(today, 7),
        abroad: 'no',
        destination: 'デモ県サンプル市本町1番地',
      });

      const staff = await newPage();
      const desk = staff.page;
      await desk.goto(`${baseUrl}/staff`);
      await desk.getByLabel(ja.staff.login.tenantLabel).and(desk.locator(':enabled')).waitFor();
      await desk.getByLabel(ja.staff.login.tenantLabel).selectOption(LG);
      await desk.getByLabel(ja.staff.login.loginNameLabel).fill('shimin-01');
      await desk.getByLabel(ja.staff.login.passwordLabel).fill(PASSWORD);
      await desk.getByLabel(ja.staff.login.totpLabel).fill(generateTotp(citizenTotpSecret));
      await desk.getByRole('button', { name: ja.staff.login.submit, exact: true }).click();
      await desk.waitForURL(`${baseUrl}/staff/cases`);
      const relationship = desk.getByLabel(fill(ja.staff.decision.relationshipLabel, { name: '髙橋 𠮷太' }));
      const approveOn = async (applicationId: string) => {
        await desk.goto(`${baseUrl}/staff/cases/${applicationId}`);
        await desk.getByRole('button', { name: ja.staff.decision.submit, exact: true }).waitFor();
        // Asked only when approving.
        expect(await relationship.count()).toBe(0);
        await desk.getByRole('radio', { name: '受理する', exact: true }).check();
      };
      await approveOn(moveOut);
      await desk.getByRole('radio', { name: '受理する', exact: true }).and(desk.locator(':checked')).waitFor();
      expect(await relationship.count()).toBe(0);
      await approveOn(relocation);
      await relationship.waitFor();
      await expectNoSeriousAxeViolations(desk, 'the decision form with the new household');

      // Left empty: the registry refuses, and says why; nothing is recorded.
      await desk.getByRole('button', { name: ja.staff.decision.submit, exact: true }).click();
      await desk.getByText(ja.staff.actions.errors.REGISTRY_REFUSED).first().waitFor();
      await desk
        .getByText(/give their 続柄/)
        .first()
        .waitFor();
      await expectNoSeriousAxeViolations(desk, 'the registry refusal');
      expect((await current(child)).address).toBe('デモ県デモ市中央一丁目1番1号');

      // Too long: said at the field, before asking the server.
      await relationship.fill('世'.repeat(21));
      await desk.getByRole('button', { name: ja.staff.decision.submit, exact: true }).click();
      await desk
        .getByText(fill(ja.staff.decision.relationshipTooLong, { name: '髙橋 𠮷太', max: 20 }))
        .first()
        .waitFor();

      await relationship.fill('世帯主');
      await desk.getByRole('button', { name: ja.staff.decision.submit, exact: true }).click();
      await desk.getByText(ja.staff.decision.resultTitle).first().waitFor();
      await desk
        .getByText(ja.staff.decision.registryOperations.recordRelocation as string)
        .first()
        .waitFor();
      expect(await current(child)).toEqual({ relationship: '世帯主', address: 'デモ県デモ市港町二丁目3番4号' });
      expect((await current(parent)).address).toBe('デモ県デモ市中央一丁目1番1号');
      for (const url of staff.urls) expect(url).not.toMatch(/髙橋|𠮷太|(^|[^0-9a-f])[0-9]{10}([^0-9a-f]|$)/);
      expect(staff.errors).toEqual([]);
      await staff.context.close();
    }, 180_000);

    it('a resident attaches a photo to a draft, sees it listed, and takes it back', async () => {
      const resident = await newPage();
      const page = resident.page;
      await logInWithCard(page);
      await page.goto(`${baseUrl}/procedures/road-damage-report`);
      await page.getByRole('button', { name: ja.portal.start.startButton }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/steps\/1$/);
      const applicationId = /applications\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;

      // The photo step comes after the five question pages.
      const photoStep = `${baseUrl}/applications/${applicationId}/steps/6`;
      await page.goto(photoStep);
      const photo = page.getByLabel(/現場の写真/);
      await photo.waitFor();
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
      await photo.setInputFiles({ name: '道路の写真.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await continueTo(page, /\/check$/);

      await page.goto(photoStep);
      const remove = page.getByRole('button', { name: new RegExp(`^${ja.portal.attachments.remove} photo-`) });
      await remove.waitFor();
      const fileName = ((await page.locator('.attachment-field__file a').textContent()) ?? '').trim();
      expect(fileName).toMatch(/^photo-[0-9a-f]{8}\.jpg$/);
      await expectNoSeriousAxeViolations(page, 'the attachments step with a file attached');
      await remove.click();
      await page.getByRole('status').filter({ hasText: fileName }).waitFor({ state: 'attached' });
      expect(await page.locator('.attachment-field__file').count()).toBe(0);
      // Focus goes to the file input of that attachment, not lost on the page.
      expect(await page.evaluate('document.activeElement?.id')).toBe(await photo.getAttribute('id'));
      await expectNoSeriousAxeViolations(page, 'the attachments step after removing the file');

      // Gone on the server too: the application has no attachment any more.
      const stored = await page.request.get(`${baseUrl}/api/v1/me/applications/${applicationId}`);
      expect((await stored.json()).documents).toEqual([]);
      expect(resident.errors).toEqual([]);
      await resident.context.close();
    }, 120_000);
  },
);
