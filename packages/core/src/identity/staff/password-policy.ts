import { AppError } from '../../errors';
import { normalizePassword } from './password';

export const PASSWORD_MIN_LENGTH = 12;
/** Generous for passphrases (NIST asks for at least 64), and bounds what a login hashes. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordRule =
  | 'min-length'
  | 'max-length'
  | 'control-characters'
  | 'digits-only'
  | 'repetitive'
  | 'common'
  | 'context';

export interface PasswordContext {
  /** The account's login name: a password containing it is refused. */
  readonly loginName?: string;
}

/**
 * Words that lead most breach lists (and local favourites), matched after leetspeak is
 * undone and digits and symbols around them are stripped, so `P@ssw0rd2024!` is caught.
 * Length does most of the work (NIST SP 800-63B has no composition rules); this list only
 * refuses what every guesser tries first.
 */
const COMMON_WORDS = [
  'password',
  'pass',
  'qwerty',
  'admin',
  'administrator',
  'welcome',
  'letmein',
  'iloveyou',
  'changeme',
  'secret',
  'default',
  'login',
  'guest',
  'test',
  'user',
  'root',
  'master',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'shadow',
  'superman',
  'sakura',
  'doraemon',
  'pokemon',
  'nippon',
  'tokyo',
];

const COMMON_PATTERN = new RegExp(`^(?:${COMMON_WORDS.join('|')})+$`);

/** Runs people type instead of choosing: alphabet, digits and keyboard rows, both ways. */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

function refuse(rule: PasswordRule, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { field: 'password', rule });
}

function isSequence(lower: string): boolean {
  return SEQUENCES.some((sequence) => {
    const repeated = sequence.repeat(Math.ceil(lower.length / sequence.length) + 1);
    const reversed = [...repeated].reverse().join('');
    return repeated.includes(lower) || reversed.includes(lower);
  });
}

/** The word inside `P@ssw0rd2024!`: symbols and digits at either end stripped, leetspeak undone. */
function coreWord(lower: string): string {
  const stripped = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...stripped].map((char) => LEET[char] ?? char).join('');
}

/**
 * Refuses weak passwords with VALIDATION_FAILED (`details.field = 'password'`, `details.rule`
 * says which check). The message never repeats the password.
 */
export function checkPasswordPolicy(plain: string, context: PasswordContext = {}): void {
  const password = normalizePassword(plain);
  const length = [...password].length;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(password))
    refuse('control-characters', 'password must not contain control characters');
  if (length < PASSWORD_MIN_LENGTH) {
    refuse(
      'min-length',
      `password must be at least ${PASSWORD_MIN_LENGTH} characters: a phrase of a few words is easiest`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) refuse('max-length', `password must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (/^\d+$/.test(password)) {
    refuse(
      'digits-only',
      'password must not be digits only: numbers such as dates and phone numbers are guessed first',
    );
  }
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5 || isSequence(lower)) {
    refuse('repetitive', 'password is too repetitive or a keyboard or alphabet sequence: choose a passphrase');
  }
  const loginName = context.loginName?.normalize('NFKC').toLowerCase() ?? '';
  if ((loginName.length >= 3 && lower.includes(loginName)) || lower.includes('madoguchi')) {
    refuse('context', 'password must not contain the login name or the name of this service');
  }
  if (COMMON_PATTERN.test(coreWord(lower))) {
    refuse('common', 'password is a common password or a variant of one: choose another');
  }
}
