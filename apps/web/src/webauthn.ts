/**
 * The browser side of passkeys: the server speaks the WebAuthn JSON forms (base64url strings),
 * `navigator.credentials` wants ArrayBuffers. The browser's own converters are used where it has
 * them (PublicKeyCredential.parse…FromJSON, credential.toJSON), the small ones below otherwise.
 */

/** Why the browser's passkey prompt gave no credential. */
export type PromptFailure =
  /** Cancelled, timed out, or no passkey of this site on the device (NotAllowedError, AbortError). */
  | 'cancelled'
  /** create(): this device already holds a passkey of this resident (InvalidStateError). */
  | 'already-registered'
  /** No WebAuthn here (an old browser, or a page not opened over https). */
  | 'unsupported'
  | 'other';

export type PromptResult<T> =
  | { readonly ok: true; readonly json: T }
  | { readonly ok: false; readonly failure: PromptFailure; readonly code: string };

/** The credential as the API takes it: the fields of RegistrationResponseJSON / AuthenticationResponseJSON. */
export interface CredentialJson {
  readonly id: string;
  readonly rawId: string;
  readonly type: 'public-key';
  readonly response: Record<string, unknown>;
  readonly clientExtensionResults: Record<string, unknown>;
  readonly authenticatorAttachment?: string;
}

export function passkeysSupported(): boolean {
  return window.isSecureContext && typeof window.PublicKeyCredential === 'function' && Boolean(navigator.credentials);
}

export function base64urlToBuffer(value: string): ArrayBuffer {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function bufferToBase64url(value: ArrayBuffer | ArrayBufferView): string {
  const bytes =
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type DescriptorJson = { readonly id: string; readonly type: string; readonly transports?: readonly string[] };

const descriptors = (list: readonly DescriptorJson[] | undefined): PublicKeyCredentialDescriptor[] | undefined =>
  list?.map(
    (item) => ({ ...item, type: 'public-key', id: base64urlToBuffer(item.id) }) as PublicKeyCredentialDescriptor,
  );

export function creationOptionsFromJson(
  json: PublicKeyCredentialCreationOptionsJSON,
): PublicKeyCredentialCreationOptions {
  if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
    return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  }
  const excludeCredentials = descriptors(json.excludeCredentials);
  return {
    ...(json as unknown as PublicKeyCredentialCreationOptions),
    challenge: base64urlToBuffer(json.challenge),
    user: { ...json.user, id: base64urlToBuffer(json.user.id) },
    ...(excludeCredentials ? { excludeCredentials } : {}),
  };
}

export function requestOptionsFromJson(json: PublicKeyCredentialRequestOptionsJSON): PublicKeyCredentialRequestOptions {
  if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') {
    return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  }
  const allowCredentials = descriptors(json.allowCredentials);
  return {
    ...(json as unknown as PublicKeyCredentialRequestOptions),
    challenge: base64urlToBuffer(json.challenge),
    ...(allowCredentials ? { allowCredentials } : {}),
  };
}

function responseJson(response: AuthenticatorResponse): Record<string, unknown> {
  const out: Record<string, unknown> = { clientDataJSON: bufferToBase64url(response.clientDataJSON) };
  if ('attestationObject' in response) {
    const attestation = response as AuthenticatorAttestationResponse;
    out.attestationObject = bufferToBase64url(attestation.attestationObject);
    out.transports = attestation.getTransports?.() ?? [];
  }
  if ('signature' in response) {
    const assertion = response as AuthenticatorAssertionResponse;
    out.authenticatorData = bufferToBase64url(assertion.authenticatorData);
    out.signature = bufferToBase64url(assertion.signature);
    if (assertion.userHandle) out.userHandle = bufferToBase64url(assertion.userHandle);
  }
  return out;
}

/** The credential as JSON, with only the fields the API accepts (it refuses unknown top-level ones). */
export function credentialToJson(credential: PublicKeyCredential): CredentialJson {
  const native = typeof credential.toJSON === 'function' ? (credential.toJSON() as Partial<CredentialJson>) : undefined;
  const response = { ...(native?.response ?? responseJson(credential.response)) };
  // A credential without a user handle has none, rather than null.
  if (response.userHandle === null) delete response.userHandle;
  return {
    id: credential.id,
    rawId: bufferToBase64url(credential.rawId),
    type: 'public-key',
    response,
    clientExtensionResults: (native?.clientExtensionResults ?? credential.getClientExtensionResults()) as Record<
      string,
      unknown
    >,
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
  };
}

function failureOf(error: unknown): { failure: PromptFailure; code: string } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : 'Error';
  if (name === 'NotAllowedError' || name === 'AbortError') return { failure: 'cancelled', code: name };
  if (name === 'InvalidStateError') return { failure: 'already-registered', code: name };
  if (name === 'NotSupportedError') return { failure: 'unsupported', code: name };
  return { failure: 'other', code: name };
}

async function prompt(run: () => Promise<Credential | null>): Promise<PromptResult<CredentialJson>> {
  if (!passkeysSupported()) return { ok: false, failure: 'unsupported', code: 'WEBAUTHN_UNAVAILABLE' };
  try {
    const credential = await run();
    if (!(credential instanceof PublicKeyCredential)) return { ok: false, failure: 'cancelled', code: 'NO_CREDENTIAL' };
    return { ok: true, json: credentialToJson(credential) };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}

/** Asks the browser to make a new passkey (it shows its own prompt). */
export function createPasskey(options: PublicKeyCredentialCreationOptionsJSON): Promise<PromptResult<CredentialJson>> {
  return prompt(() => navigator.credentials.create({ publicKey: creationOptionsFromJson(options) }));
}

/** Asks the browser to sign in with one of this site's passkeys (it shows its own prompt). */
export function getPasskey(options: PublicKeyCredentialRequestOptionsJSON): Promise<PromptResult<CredentialJson>> {
  return prompt(() => navigator.credentials.get({ publicKey: requestOptionsFromJson(options) }));
}
