import type { RefObject } from 'react';
import { ErrorSummary } from './error-summary';
import { LoginRefusal } from './login-refusal';
import type { Messages } from './messages';

/** The messages a login form's summary reads (the resident's card login, the staff login). */
export interface LoginSummaryMessages<E extends string, R extends string> {
  readonly errorSummaryTitle: string;
  readonly failedTitle: string;
  readonly fieldErrors: Readonly<Record<E, string>>;
  readonly apiErrors: Readonly<Record<R, string>>;
}

/** Why a login did not go through: fields to fix before asking the server, or the server's refusal. */
export type LoginProblem<F extends string, E extends string, R extends string> =
  | { readonly kind: 'invalid'; readonly errors: Partial<Record<F, E>> }
  | { readonly kind: 'refused'; readonly reason: R; readonly code: string };

interface LoginSummaryProps<F extends string, E extends string, R extends string> {
  readonly text: Messages;
  readonly messages: LoginSummaryMessages<E, R>;
  readonly problem: LoginProblem<F, E, R> | null;
  /** The form's fields in the order they appear, and the fixed id of each. */
  readonly fields: readonly F[];
  readonly fieldIds: Readonly<Record<F, string>>;
  readonly focusRef: RefObject<HTMLDivElement | null>;
}

/** The message of a field's problem, if the form's problem is about it. */
export function loginFieldError<F extends string, E extends string, R extends string>(
  messages: LoginSummaryMessages<E, R>,
  problem: LoginProblem<F, E, R> | null,
  field: F,
): string | undefined {
  const key = problem?.kind === 'invalid' ? problem.errors[field] : undefined;
  return key ? messages.fieldErrors[key] : undefined;
}

/** The top of a login form after a failed attempt: links to the fields to fix, or the refusal. */
export function LoginSummary<F extends string, E extends string, R extends string>({
  text,
  messages,
  problem,
  fields,
  fieldIds,
  focusRef,
}: LoginSummaryProps<F, E, R>) {
  if (problem?.kind === 'invalid') {
    return (
      <ErrorSummary
        title={messages.errorSummaryTitle}
        focusRef={focusRef}
        items={fields.flatMap((field) => {
          const message = loginFieldError(messages, problem, field);
          return message ? [{ fieldId: fieldIds[field], message }] : [];
        })}
      />
    );
  }
  if (problem?.kind === 'refused') {
    return (
      <LoginRefusal
        text={text}
        title={messages.failedTitle}
        message={messages.apiErrors[problem.reason]}
        code={problem.code}
        focusRef={focusRef}
      />
    );
  }
  return null;
}
