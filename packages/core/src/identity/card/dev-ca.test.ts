import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CRLNumber, id_ce_cRLNumber } from '@peculiar/asn1-x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signChallenge } from './card-signer';
import { initDevCa } from './dev-ca';
import { revokeCard } from './dev-ca-crl';
import { DEV_CA_NAME } from './dev-ca-files';
import { type IssuedCard, issueCard } from './dev-ca-issue';
import { expectAppError, makeTempDir, readText } from './test-fixtures';
import { x509 } from './x509';

let root: string;
let caDir: string;
let ca: x509.X509Certificate;
let card: IssuedCard;

beforeAll(async () => {
  root = await makeTempDir();
  caDir = path.join(root, 'ca');
  await initDevCa(caDir);
  ca = new x509.X509Certificate(await readText(caDir, 'ca-cert.pem'));
  card = await issueCard(caDir, { outDir: path.join(root, 'card') });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const crlNumber = (crl: x509.X509Crl): number => {
  const extension = crl.getExtension(id_ce_cRLNumber);
  if (!extension) throw new Error('CRL without cRLNumber');
  return AsnConvert.parse(extension.value, CRLNumber).value;
};

describe('initDevCa', () => {
  it('writes a self-signed RSA 2048 root that can sign certificates and CRLs', async () => {
    expect((await readdir(caDir)).sort()).toEqual(['ca-cert.pem', 'ca-key.pem', 'ca.crl.pem', 'ca.json']);
    expect(ca.subject).toContain(DEV_CA_NAME);
    expect(ca.subject).toContain('NOT FOR PRODUCTION');
    expect(await ca.isSelfSigned()).toBe(true);
    expect(ca.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(ca.getExtension(x509.KeyUsagesExtension)?.usages).toBe(
      x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
    );
    expect(ca.signatureAlgorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    expect((await ca.publicKey.export()).algorithm).toMatchObject({ modulusLength: 2048 });
  });

  it('keeps the CA key readable by its owner only', async () => {
    expect((await stat(path.join(caDir, 'ca-key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('starts with an empty CRL signed by the CA', async () => {
    const crl = new x509.X509Crl(await readText(caDir, 'ca.crl.pem'));
    expect(await crl.verify({ publicKey: ca })).toBe(true);
    expect(crl.issuer).toBe(ca.subject);
    expect(crl.entries).toHaveLength(0);
    expect(crlNumber(crl)).toBe(1);
  });

  it('refuses a directory that already holds a CA, leaving it as it was', async () => {
    const keyBefore = await readText(caDir, 'ca-key.pem');
    const error = await expectAppError(initDevCa(caDir), 'VALIDATION_FAILED');
    expect(error.message).toContain('already holds a development CA');
    expect(await readText(caDir, 'ca-key.pem')).toBe(keyBefore);
  });
});

describe('issueCard', () => {
  it('writes a card certificate for authentication only, with a random positive 16-byte serial', async () => {
    const certificate = new x509.X509Certificate(await readText(root, 'card', 'cert.pem'));
    expect(card.serialHex).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(certificate.serialNumber).toBe(card.serialHex);
    expect(certificate.subject).toBe(`CN=DEV CARD ${card.serialHex}`);
    expect(certificate.issuer).toBe(ca.subject);
    expect(await certificate.verify({ publicKey: ca, signatureOnly: true })).toBe(true);
    expect(certificate.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    expect(certificate.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
      x509.ExtendedKeyUsage.clientAuth,
    ]);
    expect(certificate.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
    expect(certificate.notAfter).toEqual(card.notAfter);
    const years = (card.notAfter.getTime() - card.notBefore.getTime()) / (365 * 24 * 3600 * 1000);
    expect(years).toBeCloseTo(5, 1);
  });

  it('keeps the card key readable by its owner only', async () => {
    expect((await stat(path.join(root, 'card', 'key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite a card', async () => {
    await expectAppError(issueCard(caDir, { outDir: path.join(root, 'card') }), 'VALIDATION_FAILED');
  });

  it('refuses a subject that could hold personal data, and an empty validity', async () => {
    const outDir = path.join(root, 'never');
    for (const subjectCommonName of ['山田 太郎', 'DEV CARD 123456789012', '']) {
      await expectAppError(issueCard(caDir, { outDir, subjectCommonName }), 'VALIDATION_FAILED');
    }
    const notBefore = new Date('2030-01-01T00:00:00Z');
    await expectAppError(issueCard(caDir, { outDir, notBefore, notAfter: notBefore }), 'VALIDATION_FAILED');
  });

  it('refuses a directory without a CA', async () => {
    const error = await expectAppError(issueCard(root, { outDir: path.join(root, 'x') }), 'VALIDATION_FAILED');
    expect(error.message).toContain('holds no development CA');
  });
});

describe('revokeCard', () => {
  it('lists the serial on a new CRL signed by the CA, with thisUpdate, nextUpdate and a higher number', async () => {
    const before = new x509.X509Crl(await readText(caDir, 'ca.crl.pem'));
    const now = new Date('2026-04-01T09:00:00Z');
    const revoked = await revokeCard(caDir, card.serialHex.toUpperCase(), now);
    expect(revoked).toEqual({ serialHex: card.serialHex, revokedAt: now });
    const crl = new x509.X509Crl(await readText(caDir, 'ca.crl.pem'));
    expect(await crl.verify({ publicKey: ca })).toBe(true);
    expect(crl.findRevoked(card.serialHex)?.revocationDate).toEqual(now);
    expect(crl.thisUpdate).toEqual(now);
    expect(crl.nextUpdate).toEqual(new Date('2026-04-08T09:00:00Z'));
    expect(crlNumber(crl)).toBe(crlNumber(before) + 1);
  });

  it('keeps the first revocation date when a card is revoked again', async () => {
    const again = await revokeCard(caDir, card.serialHex, new Date('2026-05-01T00:00:00Z'));
    expect(again.revokedAt).toEqual(new Date('2026-04-01T09:00:00Z'));
  });

  it('refuses a serial this CA never issued (CARD_UNKNOWN)', async () => {
    const error = await expectAppError(revokeCard(caDir, '7f'.repeat(16)), 'CARD_UNKNOWN');
    expect(error.message).toBe(`this development CA issued no card with serial ${'7f'.repeat(16)}`);
  });
});

describe('signChallenge', () => {
  it('refuses a challenge that is not base64url, and a directory without a card', async () => {
    await expectAppError(signChallenge(path.join(root, 'card'), 'not base64url!'), 'VALIDATION_FAILED');
    const error = await expectAppError(signChallenge(root, 'AAAA'), 'VALIDATION_FAILED');
    expect(error.message).toContain('holds no card (key.pem is missing)');
  });
});
