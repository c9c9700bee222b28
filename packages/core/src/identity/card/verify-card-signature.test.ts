import { webcrypto } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signChallenge } from './card-signer';
import { createChallenge } from './challenge';
import { initDevCa } from './dev-ca';
import { revokeCard } from './dev-ca-crl';
import { type IssuedCard, issueCard } from './dev-ca-issue';
import { expectAppError, makeTempDir, oddCertificate, presentCard, readText, truncated } from './test-fixtures';
import { loadTrustStoreFromFiles, type TrustStore } from './trust-store';
import { verifyCardSignature } from './verify-card-signature';
import { generateRsaKeyPair, RSA_SHA256, x509 } from './x509';

const DAY = 24 * 60 * 60 * 1000;
let root: string;
let caDir: string;
let store: TrustStore;
type CardName = 'good' | 'other' | 'expired' | 'future' | 'foreign' | 'revocable';
const cards = {} as Record<CardName, IssuedCard>; // all filled in beforeAll
const cardDir = (name: CardName) => path.join(root, name);
const loadStore = () =>
  loadTrustStoreFromFiles({
    anchorFiles: [path.join(caDir, 'ca-cert.pem')],
    crlFiles: [path.join(caDir, 'ca.crl.pem')],
  });

beforeAll(async () => {
  root = await makeTempDir();
  caDir = path.join(root, 'ca');
  const foreignCaDir = path.join(root, 'foreign-ca');
  await Promise.all([initDevCa(caDir), initDevCa(foreignCaDir)]);
  const now = Date.now();
  const issue = async (name: CardName, dir: string, options: object = {}) => {
    cards[name] = await issueCard(dir, { outDir: cardDir(name), ...options });
  };
  // One at a time: each issue rewrites the CA's ca.json.
  await issue('good', caDir);
  await issue('other', caDir);
  await issue('expired', caDir, { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - DAY) });
  await issue('future', caDir, { notBefore: new Date(now + DAY), subjectCommonName: 'DEV CARD PRIVATE-LABEL' });
  await issue('revocable', caDir);
  await issue('foreign', foreignCaDir);
  store = await loadStore();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('verifyCardSignature', () => {
  it('accepts a card of a trusted CA that signed the challenge (happy path)', async () => {
    const verified = await verifyCardSignature(store, await presentCard(cardDir('good')));
    expect(verified).toEqual({
      serialHex: cards.good.serialHex,
      issuer: 'O=Madoguchi, CN=Madoguchi Development CA — NOT FOR PRODUCTION',
      notBefore: cards.good.notBefore,
      notAfter: cards.good.notAfter,
    });
  });

  it('refuses a card from a CA that is not configured, even one with the same name (CARD_UNTRUSTED_ISSUER)', async () => {
    const error = await expectAppError(
      verifyCardSignature(store, await presentCard(cardDir('foreign'))),
      'CARD_UNTRUSTED_ISSUER',
    );
    expect(error.message).toContain("the issuer's signature on it does not verify");
  });

  it('accepts that card once its CA is configured too', async () => {
    const both = await loadTrustStoreFromFiles({
      anchorFiles: [path.join(caDir, 'ca-cert.pem'), path.join(root, 'foreign-ca', 'ca-cert.pem')],
    });
    const verified = await verifyCardSignature(both, await presentCard(cardDir('foreign')));
    expect(verified.serialHex).toBe(cards.foreign.serialHex);
  });

  it('refuses an expired card, and one not yet valid (CARD_EXPIRED)', async () => {
    const expired = await expectAppError(
      verifyCardSignature(store, await presentCard(cardDir('expired'))),
      'CARD_EXPIRED',
    );
    expect(expired.message).toBe(
      `the card certificate (serial ${cards.expired.serialHex}) expired on ${cards.expired.notAfter.toISOString()}`,
    );
    const future = await expectAppError(
      verifyCardSignature(store, await presentCard(cardDir('future'))),
      'CARD_EXPIRED',
    );
    expect(future.message).toContain(`is not valid until ${cards.future.notBefore.toISOString()}`);
    expect(future.message).not.toContain('PRIVATE-LABEL'); // the subject never reaches a message
  });

  it('accepts a card until it is revoked and the CRL reloaded, then refuses it (CARD_REVOKED)', async () => {
    const first = await loadStore();
    await verifyCardSignature(first, await presentCard(cardDir('revocable')));
    await revokeCard(caDir, cards.revocable.serialHex);
    // A loaded store is a snapshot: only a reload sees the new CRL.
    await verifyCardSignature(first, await presentCard(cardDir('revocable')));
    const refreshed = await loadStore();
    const error = await expectAppError(
      verifyCardSignature(refreshed, await presentCard(cardDir('revocable'))),
      'CARD_REVOKED',
    );
    expect(error.message).toContain(`(serial ${cards.revocable.serialHex}) was revoked on `);
    await verifyCardSignature(refreshed, await presentCard(cardDir('good')));
  });

  it('refuses a signature over another challenge, or made with another card (CARD_BAD_SIGNATURE)', async () => {
    const presented = await presentCard(cardDir('good'));
    const otherChallenge = { ...presented, challenge: createChallenge() };
    await expectAppError(verifyCardSignature(store, otherChallenge), 'CARD_BAD_SIGNATURE');
    const otherKey = { ...presented, signature: await signChallenge(cardDir('other'), presented.challenge) };
    const error = await expectAppError(verifyCardSignature(store, otherKey), 'CARD_BAD_SIGNATURE');
    expect(error.message).toContain(`with the key of card ${cards.good.serialHex}`);
  });

  it('refuses what is not one PEM certificate, and a signature that is not base64url (CARD_INVALID)', async () => {
    const presented = await presentCard(cardDir('good'));
    const cases: [string, Partial<typeof presented>][] = [
      ['holds no PEM block', { certificatePem: 'garbage' }],
      ['is not a valid X.509 certificate', { certificatePem: truncated(presented.certificatePem) }],
      ['exactly one PEM certificate', { certificatePem: presented.certificatePem + presented.certificatePem }],
      ['signature is not base64url', { signature: `${presented.signature}=` }],
      ['signature is missing', { signature: '' }],
      ['challenge is not base64url', { challenge: 'a+b/' }],
    ];
    for (const [message, change] of cases) {
      const error = await expectAppError(verifyCardSignature(store, { ...presented, ...change }), 'CARD_INVALID');
      expect(error.message).toContain(message);
    }
  });

  it('refuses a certificate whose key usage lacks digitalSignature, and the CA certificate itself (CARD_INVALID)', async () => {
    const keys = await generateRsaKeyPair();
    const challenge = createChallenge();
    const signature = Buffer.from(
      await webcrypto.subtle.sign(RSA_SHA256, keys.privateKey, Buffer.from(challenge, 'base64url')),
    ).toString('base64url');
    const certificatePem = await oddCertificate(caDir, keys, x509.KeyUsageFlags.keyEncipherment);
    const error = await expectAppError(
      verifyCardSignature(store, { certificatePem, challenge, signature }),
      'CARD_INVALID',
    );
    expect(error.message).toContain('does not allow digitalSignature');
    const caPem = await readText(caDir, 'ca-cert.pem');
    const asCa = await expectAppError(
      verifyCardSignature(store, { certificatePem: caPem, challenge, signature }),
      'CARD_INVALID',
    );
    expect(asCa.message).toContain('is a CA certificate, not a card');
  });

  it('refuses a key that is not RSA 2048 (CARD_INVALID)', async () => {
    const ec = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const small = await webcrypto.subtle.generateKey(
      { ...RSA_SHA256, modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) },
      false,
      ['sign'],
    );
    const input = { challenge: createChallenge(), signature: 'AAAA' };
    for (const [keys, what] of [
      [ec, 'a key that is not RSA'],
      [small, 'an RSA 1024-bit key'],
    ] as const) {
      const certificatePem = await oddCertificate(caDir, keys, x509.KeyUsageFlags.digitalSignature);
      const error = await expectAppError(verifyCardSignature(store, { ...input, certificatePem }), 'CARD_INVALID');
      expect(error.message).toContain(what);
    }
  });

  it('checks in a fixed order: issuer before validity, validity before revocation and signature', async () => {
    const foreign = await presentCard(cardDir('foreign'));
    await expectAppError(
      verifyCardSignature(store, foreign, new Date(Date.now() + 3650 * DAY)),
      'CARD_UNTRUSTED_ISSUER',
    );
    const expired = { ...(await presentCard(cardDir('expired'))), signature: foreign.signature };
    await expectAppError(verifyCardSignature(store, expired), 'CARD_EXPIRED');
  });
});
