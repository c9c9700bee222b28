/**
 * The demo card, done in the browser: what a My Number card does inside its chip after the PIN,
 * done here with the demo card's key file. The key is read into memory, imported as a
 * non-extractable WebCrypto key and never leaves the page; only the certificate and the signature
 * go to the server. Real cards never use this.
 */

const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** The base64 body of the one PEM block with this label, or null when the text holds none. */
function pemBody(pem: string, label: string): string | null {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  return match?.[1] ? match[1].replace(/\s+/g, '') : null;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64urlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
}

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Whether the text is a PEM certificate (the server does the real checks). */
export function looksLikeCertificate(pem: string): boolean {
  return pemBody(pem, 'CERTIFICATE') !== null;
}

/** Whether the text is a PKCS#8 PEM private key, the form `dev-ca issue-card` writes. */
export function looksLikePrivateKey(pem: string): boolean {
  return pemBody(pem, 'PRIVATE KEY') !== null;
}

/** Imports the key for signing only; null when it is not an RSA key WebCrypto accepts. */
export async function importDemoCardKey(pem: string): Promise<CryptoKey | null> {
  const body = pemBody(pem, 'PRIVATE KEY');
  if (!body) return null;
  try {
    return await crypto.subtle.importKey('pkcs8', base64ToBytes(body), RSA_SHA256, false, ['sign']);
  } catch {
    return null;
  }
}

/**
 * Signs the challenge as the server verifies it: RSASSA-PKCS1-v1_5 with SHA-256 over the
 * challenge's decoded bytes (the 32 random bytes, not the base64url text); the signature as base64url.
 */
export async function signChallenge(key: CryptoKey, challengeBase64url: string): Promise<string> {
  const signature = await crypto.subtle.sign(RSA_SHA256, key, base64urlToBytes(challengeBase64url));
  return bytesToBase64url(new Uint8Array(signature));
}
