import type { PortalMessages } from '../portal/portal-messages';
import type { StaffMessages } from '../staff/staff-messages';

/** Every string the web app shows. Each language file fills all of them, so none falls back silently. */
export interface Messages {
  /** The document `<title>` of the start page. */
  readonly documentTitle: string;
  /** Every other page's `<title>`: `{page}` is replaced with the page's title. */
  readonly titleTemplate: string;
  readonly skipLink: string;
  /** Label of the group of language buttons. */
  readonly languageLabel: string;
  readonly heading: string;
  readonly intro: string;
  /** The start page's link to the card login. */
  readonly startLoginLink: string;
  readonly tenantsHeading: string;
  readonly tenantsLoading: string;
  readonly tenantsError: string;
  readonly tenantsRetry: string;
  readonly tenantsEmpty: string;
  /** Label before the 6-digit 地方公共団体コード. */
  readonly lgCodeLabel: string;
  readonly footerNavLabel: string;
  readonly apiDocs: string;
  /** Read by screen readers before a field's error message (GOV.UK pattern). */
  readonly errorPrefix: string;
  readonly notFound: NotFoundMessages;
  readonly login: LoginMessages;
  readonly me: MeMessages;
  readonly passkey: PasskeyMessages;
  readonly portal: PortalMessages;
  readonly staff: StaffMessages;
}

export interface NotFoundMessages {
  readonly title: string;
  readonly body: string;
  readonly homeLink: string;
}

/** API error codes of the card login that get their own explanation; anything else is `OTHER`. */
export type LoginErrorKey =
  | 'CARD_REVOKED'
  | 'CARD_EXPIRED'
  | 'CARD_UNTRUSTED_ISSUER'
  | 'CARD_BAD_SIGNATURE'
  | 'CARD_UNKNOWN'
  | 'CARD_INVALID'
  | 'CHALLENGE_EXPIRED'
  | 'TOO_MANY_REQUESTS'
  | 'NOT_CONFIGURED'
  /** The server could not be reached at all. */
  | 'NETWORK'
  /** Opened over plain http (not localhost): the browser offers no WebCrypto to sign with. */
  | 'INSECURE_CONTEXT'
  | 'OTHER';

export type LoginFieldError =
  | 'tenantMissing'
  | 'certificateMissing'
  | 'certificateInvalid'
  | 'keyMissing'
  | 'keyInvalid'
  | 'keyUnusable';

export interface LoginMessages {
  /** The page title and its heading. */
  readonly title: string;
  readonly intro: string;
  /** The demo card warning's heading: デモ用カード — 本番では使えません. */
  readonly demoTitle: string;
  readonly demoBody: string;
  readonly demoKeyStaysHere: string;
  readonly tenantLabel: string;
  readonly tenantPlaceholder: string;
  /** A municipality in the list: `{name}` and `{code}` (地方公共団体コード). */
  readonly tenantOption: string;
  readonly tenantsLoading: string;
  readonly certificateLabel: string;
  readonly certificateHint: string;
  readonly keyLabel: string;
  readonly keyHint: string;
  readonly submit: string;
  readonly submitting: string;
  /** Heading of the error summary for missing or wrong files. */
  readonly errorSummaryTitle: string;
  readonly fieldErrors: Readonly<Record<LoginFieldError, string>>;
  /** Heading of the alert when the server refuses the login. */
  readonly failedTitle: string;
  readonly apiErrors: Readonly<Record<LoginErrorKey, string>>;
  /** Label (with its colon) before the error code, which a resident can quote to the help desk. */
  readonly errorCodeLabel: string;
}

export interface MeMessages {
  /** The page title and its heading: あなたの情報を見た記録. */
  readonly title: string;
  readonly intro: string;
  readonly loading: string;
  readonly sessionHeading: string;
  readonly sessionMunicipality: string;
  readonly sessionMethod: string;
  readonly methodNames: Readonly<Record<string, string>>;
  readonly assuranceLabel: string;
  /** `{level}`: 1, 2 or 3. */
  readonly assuranceValue: string;
  /** Shown after the level number: what that level means. */
  readonly assuranceDescriptions: Readonly<Record<1 | 2 | 3, string>>;
  readonly sessionEnds: string;
  readonly logout: string;
  readonly logCaption: string;
  readonly columns: {
    readonly at: string;
    readonly department: string;
    readonly action: string;
    readonly purpose: string;
    readonly dataCategory: string;
    readonly result: string;
  };
  readonly departmentNone: string;
  readonly empty: string;
  /** Human labels of audit codes; a code without a label is shown as it is. */
  readonly actionLabels: Readonly<Record<string, string>>;
  readonly purposeLabels: Readonly<Record<string, string>>;
  readonly dataCategoryLabels: Readonly<Record<string, string>>;
  readonly resultLabels: Readonly<Record<string, string>>;
  readonly signedOut: string;
  readonly sessionExpired: string;
  readonly loggedOut: string;
  readonly stepUpTitle: string;
  readonly stepUp: string;
  readonly loginLink: string;
  readonly loadError: string;
  readonly retry: string;
  readonly logoutError: string;
}

/** Why registering a passkey on /me did not work; each gets its own explanation. */
export type PasskeyRegisterErrorKey =
  /** The browser's prompt was cancelled or timed out (NotAllowedError). */
  | 'PROMPT_CANCELLED'
  /** This device already holds a passkey of this resident. */
  | 'ALREADY_REGISTERED'
  | 'CHALLENGE_EXPIRED'
  | 'NOT_CONFIGURED'
  /** The login ended (or is too weak) before the registration was done. */
  | 'SESSION_ENDED'
  /** The browser has no passkeys (or the page is not on https). */
  | 'UNSUPPORTED'
  | 'NETWORK'
  | 'OTHER';

/** Why logging in with a passkey did not work. */
export type PasskeyLoginErrorKey =
  /** Cancelled, timed out, or no passkey of this service on the device (NotAllowedError). */
  | 'PROMPT_CANCELLED'
  /** The server knows no such passkey for the chosen municipality, or the signature did not verify. */
  | 'LOGIN_FAILED'
  | 'CHALLENGE_EXPIRED'
  | 'TOO_MANY_REQUESTS'
  | 'NOT_CONFIGURED'
  | 'UNSUPPORTED'
  | 'NETWORK'
  | 'OTHER';

export interface PasskeyMessages {
  /** One sentence: what a passkey is. Shown on /login and on /me. */
  readonly what: string;
  /** /me: the heading of the section, パスキーを登録. */
  readonly registerTitle: string;
  readonly registerIntro: string;
  readonly registerButton: string;
  readonly registering: string;
  readonly registered: string;
  readonly registerFailedTitle: string;
  readonly registerErrors: Readonly<Record<PasskeyRegisterErrorKey, string>>;
  /** /login: the heading of the section and its button, パスキーでログイン. */
  readonly loginTitle: string;
  readonly loginIntro: string;
  readonly tenantLabel: string;
  readonly tenantMissing: string;
  readonly loginButton: string;
  readonly loggingIn: string;
  readonly loginFailedTitle: string;
  readonly loginErrors: Readonly<Record<PasskeyLoginErrorKey, string>>;
}
