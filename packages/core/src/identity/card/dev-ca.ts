/**
 * A development CA that issues "cards" as files, so the JPKI-style login can be demonstrated and tested without a
 * card reader. Its certificates are shaped like 利用者証明用電子証明書 (RSA 2048, digitalSignature only) but say
 * NOT FOR PRODUCTION in the issuer, and nothing configures this CA as a trust anchor unless an operator does.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeCrl } from './dev-ca-crl';
import {
  assertFree,
  CLOCK_SKEW_MS,
  DAY_MS,
  DEV_CA_FILES,
  DEV_CA_NAME,
  type DevCaState,
  wholeSeconds,
  writeNewPrivateKey,
} from './dev-ca-files';
import { generateRsaKeyPair, privateKeyToPem, RSA_SHA256, randomSerialHex, x509 } from './x509';

const CA_VALID_DAYS = 10 * 365;

/** Creates a self-signed root CA in `dir` (created if missing) with an empty CRL; refuses a dir that holds one. */
export async function initDevCa(dir: string, now: Date = new Date()): Promise<{ certificatePem: string }> {
  await mkdir(dir, { recursive: true });
  await assertFree(dir, Object.values(DEV_CA_FILES), 'a development CA');
  const keys = await generateRsaKeyPair();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialHex(),
    name: [{ O: ['Madoguchi'] }, { CN: [DEV_CA_NAME] }],
    notBefore: wholeSeconds(now.getTime() - CLOCK_SKEW_MS),
    notAfter: wholeSeconds(now.getTime() + CA_VALID_DAYS * DAY_MS),
    keys,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      // pathLength 0: this CA signs cards, never another CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  // The key first, created exclusively: of two concurrent inits in one directory, one fails here.
  await writeNewPrivateKey(
    path.join(dir, DEV_CA_FILES.privateKey),
    await privateKeyToPem(keys.privateKey),
    'a development CA',
  );
  const certificatePem = certificate.toString('pem');
  await writeFile(path.join(dir, DEV_CA_FILES.certificate), `${certificatePem}\n`, { flag: 'wx' });
  const state: DevCaState = {
    format: 'madoguchi-dev-ca/1',
    createdAt: now.toISOString(),
    nextCrlNumber: 1,
    issued: [],
    revoked: [],
  };
  await writeCrl({ dir, certificate, privateKey: keys.privateKey, state }, now);
  return { certificatePem };
}
