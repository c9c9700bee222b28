export { normalizeEmail } from './email-address';
export {
  completeEmailCodeLogin,
  EMAIL_CODE_LOGIN_ACTION,
  EMAIL_CODE_MAX_ATTEMPTS,
  EMAIL_CODE_TTL_MINUTES,
  type StartedEmailCodeLogin,
  startEmailCodeLogin,
} from './email-code-login.service';
export { loginCodeMessage } from './email-code-message';
export type { Mailer, MailMessage } from './mailer';
export { EMAIL_REGISTER_ACTION, registerResidentEmail } from './resident-email.service';
