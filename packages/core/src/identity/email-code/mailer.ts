/** One plain-text e-mail. The sender address is the mailer's own configuration. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Where the server hands e-mail over: SMTP in production, a pickup directory in development and tests. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
