import type { RefObject } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../error-summary';
import { fill } from '../format';
import { Link } from '../link';
import type { Messages } from '../messages';
import { paths } from '../router';
import type { ActionFailure } from './use-case-action';

interface ActionFailureSummaryProps {
  readonly text: Messages;
  readonly failure: ActionFailure;
  /** The failure's problems as links to the fields of this form; empty when none is about a field here. */
  readonly items: readonly ErrorSummaryItem[];
  readonly summaryRef: RefObject<HTMLDivElement | null>;
}

/**
 * A step's failure at the top of its form: links to the fields at fault (GOV.UK), or what went
 * wrong with the code to quote. A registry refusal also gets the server's own words, which name
 * the rule (in English: the API's messages are for operators as well).
 */
export function ActionFailureSummary({ text, failure, items, summaryRef }: ActionFailureSummaryProps) {
  const t = text.staff.actions;
  if (items.length > 0) return <ErrorSummary title={t.errorSummaryTitle} items={items} focusRef={summaryRef} />;
  return (
    <ErrorSummary title={t.failedTitle} focusRef={summaryRef}>
      <p className="error-summary__body">{t.errors[failure.key]}</p>
      {failure.key === 'REGISTRY_REFUSED' && failure.message && (
        <p className="error-summary__body">
          {t.serverSaid}
          <span lang="en">{failure.message}</span>
        </p>
      )}
      {failure.key === 'SIGNED_OUT' && (
        <p className="error-summary__body">
          <Link to={paths.staffLogin}>{text.staff.common.loginLink}</Link>
        </p>
      )}
      <p className="error-summary__code">
        {t.errorCodeLabel}
        <code>{failure.code}</code>
      </p>
    </ErrorSummary>
  );
}

/** The server's problem with a text field, in the reader's words. */
export function textProblemMessage(message: string, text: Messages, max: number): string {
  return /at most/.test(message) ? fill(text.staff.actions.tooLong, { max }) : text.staff.actions.required;
}
