import type { RefObject } from 'react';
import { ErrorSummary } from './error-summary';
import type { Messages } from './messages';

interface LoginRefusalProps {
  readonly text: Messages;
  readonly title: string;
  /** What the refusal means for the reader. */
  readonly message: string;
  /** The server's code, quoted for a call to the help desk. */
  readonly code: string;
  readonly focusRef: RefObject<HTMLDivElement | null>;
}

/** A login the server refused, as every login form says it: the explanation and the code to quote. */
export function LoginRefusal({ text, title, message, code, focusRef }: LoginRefusalProps) {
  return (
    <ErrorSummary title={title} focusRef={focusRef}>
      <p className="error-summary__body">{message}</p>
      <p className="error-summary__code">
        {text.login.errorCodeLabel}
        <code>{code}</code>
      </p>
    </ErrorSummary>
  );
}
