export type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/** The relying party: who the browser says the passkey is for, and where the page must come from. */
export interface WebAuthnConfig {
  /** The registrable domain the passkeys are bound to, e.g. `madoguchi.city.example.lg.jp`. */
  readonly rpId: string;
  /** Shown by the browser when it asks to create a passkey. */
  readonly rpName: string;
  /** The exact origin of the web app, e.g. `https://madoguchi.city.example.lg.jp`. */
  readonly origin: string;
}

/** The resident a logged-in step acts for (taken from the session, never from the request body). */
export interface ResidentRef {
  readonly lgCode: string;
  readonly personId: string;
}

export interface RegisteredPasskey {
  readonly credentialId: string;
  readonly createdAt: Date;
}

/** Audit action names (docs/adr/0010-identity-and-access.md). */
export const PASSKEY_REGISTER_ACTION = 'identity.passkey.register' as const;
export const PASSKEY_LOGIN_ACTION = 'identity.passkey-login' as const;
