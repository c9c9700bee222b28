import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initDevCa } from './dev-ca';
import { issueCard } from './dev-ca-issue';
import { expectAppError, makeTempDir, readText } from './test-fixtures';
import { loadTrustStore, loadTrustStoreFromFiles, revocationWarnings } from './trust-store';
import { privateKeyFromPem, RSA_SHA256, x509 } from './x509';

let root: string;
let caPem: string;
let crlPem: string;
let otherCaPem: string;
let otherCrlPem: string;
let cardPem: string;

beforeAll(async () => {
  root = await makeTempDir();
  const [ca, other] = [path.join(root, 'ca'), path.join(root, 'other')];
  await Promise.all([initDevCa(ca), initDevCa(other)]);
  cardPem = (await issueCard(ca, { outDir: path.join(root, 'card') })).certificatePem;
  [caPem, crlPem, otherCaPem, otherCrlPem] = await Promise.all([
    readText(ca, 'ca-cert.pem'),
    readText(ca, 'ca.crl.pem'),
    readText(other, 'ca-cert.pem'),
    readText(other, 'ca.crl.pem'),
  ]);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Flips one bit of the CRL's signature, the last bytes of its DER. */
function tamperedCrl(pem: string): string {
  const der = new Uint8Array(x509.PemConverter.decodeFirst(pem));
  der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 0x01;
  return x509.PemConverter.encode(der, 'X509 CRL');
}

describe('loadTrustStore', () => {
  it('loads anchors and the CRLs they signed, also from one bundle of several anchors', async () => {
    const store = await loadTrustStore({ anchorPems: [caPem + otherCaPem], crlPems: [crlPem, otherCrlPem] });
    expect(store.anchors.map((anchor) => anchor.label)).toEqual([
      'anchorPems[0] (PEM block 1)',
      'anchorPems[0] (PEM block 2)',
    ]);
    // Both CAs have the same name: each CRL is matched to its anchor by signature, not by name.
    expect(store.crls.map((entry) => entry.anchor)).toEqual(store.anchors);
  });

  it('names the PEM that does not parse (CARD_INVALID)', async () => {
    const cases: [Parameters<typeof loadTrustStore>[0], string][] = [
      [{ anchorPems: [caPem, 'garbage'] }, 'anchorPems[1] holds no PEM block: expected "-----BEGIN CERTIFICATE-----"'],
      [{ anchorPems: [crlPem] }, 'anchorPems[0] is a PEM "X509 CRL", expected "CERTIFICATE"'],
      [
        { anchorPems: ['-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----'] },
        'anchorPems[0] is not a valid X.509 certificate',
      ],
      [{ anchorPems: [caPem], crlPems: [crlPem, caPem] }, 'crlPems[1] is a PEM "CERTIFICATE", expected "X509 CRL"'],
      [{ anchorPems: [cardPem] }, 'anchorPems[0] is not a CA certificate, so it cannot be a trust anchor'],
    ];
    for (const [input, message] of cases) {
      const error = await expectAppError(loadTrustStore(input), 'CARD_INVALID');
      expect(error.message).toContain(message);
    }
  });

  it('names the file that does not parse or cannot be read', async () => {
    const bad = path.join(root, 'bad-anchor.pem');
    await writeFile(bad, 'not a certificate\n');
    const error = await expectAppError(loadTrustStoreFromFiles({ anchorFiles: [bad] }), 'CARD_INVALID');
    expect(error.message).toBe(`${bad} holds no PEM block: expected "-----BEGIN CERTIFICATE-----"`);
    const missing = path.join(root, 'missing.crl.pem');
    const unread = await expectAppError(
      loadTrustStoreFromFiles({ anchorFiles: [path.join(root, 'ca', 'ca-cert.pem')], crlFiles: [missing] }),
      'CARD_INVALID',
    );
    expect(unread.message).toBe(`${missing} cannot be read (ENOENT)`);
  });

  it('refuses a CRL whose signature does not verify with its anchor (CARD_INVALID)', async () => {
    const tampered = await expectAppError(
      loadTrustStore({ anchorPems: [caPem], crlPems: [tamperedCrl(crlPem)] }),
      'CARD_INVALID',
    );
    expect(tampered.message).toContain(
      'crlPems[0] names "O=Madoguchi, CN=Madoguchi Development CA — NOT FOR PRODUCTION" as issuer but its signature does not verify with that trust anchor\'s key',
    );
    // Another CA's CRL under the same name fails the same way.
    await expectAppError(loadTrustStore({ anchorPems: [caPem], crlPems: [otherCrlPem] }), 'CARD_INVALID');
  });

  it('refuses a CRL from an issuer that is not an anchor (CARD_INVALID)', async () => {
    const keyFile = path.join(root, 'ca', 'ca-key.pem');
    const signingKey = await privateKeyFromPem(await readText(keyFile), keyFile, 'VALIDATION_FAILED');
    const crl = await x509.X509CrlGenerator.create({
      issuer: 'CN=Someone Else',
      signingKey,
      signingAlgorithm: RSA_SHA256,
    });
    const error = await expectAppError(
      loadTrustStore({ anchorPems: [caPem], crlPems: [crl.toString('pem')] }),
      'CARD_INVALID',
    );
    expect(error.message).toBe('crlPems[0] was issued by "CN=Someone Else", which is not a configured trust anchor');
  });

  it('refuses an empty list of anchors', async () => {
    await expectAppError(loadTrustStore({ anchorPems: [] }), 'VALIDATION_FAILED');
  });
});

describe('revocationWarnings', () => {
  it('warns about an anchor without a CRL and a CRL past its nextUpdate', async () => {
    const store = await loadTrustStore({ anchorPems: [caPem, otherCaPem], crlPems: [crlPem] });
    expect(revocationWarnings(store)).toEqual([
      expect.stringMatching(/^no CRL is loaded for trust anchor anchorPems\[1\]/),
    ]);
    const inTenDays = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
    expect(revocationWarnings(store, inTenDays)).toContainEqual(
      expect.stringMatching(/^CRL crlPems\[0\] is out of date: its nextUpdate was /),
    );
  });
});
