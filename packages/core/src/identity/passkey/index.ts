export {
  type AuthenticationResponseJSON,
  PASSKEY_LOGIN_ACTION,
  PASSKEY_REGISTER_ACTION,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegisteredPasskey,
  type RegistrationResponseJSON,
  type ResidentRef,
  type WebAuthnConfig,
} from './passkey.types';
export {
  type CompletePasskeyLoginInput,
  completePasskeyLogin,
  type PasskeyLoginOptions,
  startPasskeyLogin,
} from './passkey-login.service';
export { completePasskeyRegistration, startPasskeyRegistration } from './passkey-registration.service';
export { SoftAuthenticator } from './soft-authenticator';
