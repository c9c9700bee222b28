import { type FormEvent, useId, useState } from 'react';
import { FormField } from '../form-field';
import { fill } from '../format';
import type { Messages } from '../messages';
import { ActionFailureSummary, textProblemMessage } from './action-failure';
import type { StaffResult } from './staff-api';
import type { TextActionMessages } from './staff-messages';
import { localFailure, useCaseAction } from './use-case-action';

/** The API's limit for messages, notes and reasons (in characters, as people count them). */
export const MESSAGE_MAX = 4000;

interface TextActionFormProps {
  readonly text: Messages;
  /** The textarea's id: fixed, so the error summary and tests can find it. */
  readonly id: string;
  readonly t: TextActionMessages;
  readonly send: (body: string) => Promise<StaffResult<unknown>>;
  /** After success: the page reloads the case, so the history shows the new entry. */
  readonly onDone: () => void;
  /** The case moved on meanwhile (409: decided or withdrawn); the page says so and reloads it. */
  readonly onStale: () => void;
}

/** One text and a button: a request for information, a message to the resident, or an internal note. */
export function TextActionForm({ text, id, t, send, onDone, onStale }: TextActionFormProps) {
  const headingId = useId();
  const [body, setBody] = useState('');
  const [done, setDone] = useState('');
  const { pending, failure, fail, run, summaryRef } = useCaseAction();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone('');
    const trimmed = body.trim();
    if (!trimmed || [...trimmed].length > MESSAGE_MAX) {
      // Said in the server's words, so textProblemMessage reads this and a refusal alike.
      fail(localFailure([{ field: 'body', message: trimmed ? 'at most' : 'required' }]));
      return;
    }
    const outcome = await run(() => send(trimmed));
    if (!outcome.ok) {
      if (outcome.failure?.key === 'APPLICATION_STATE') onStale();
      return;
    }
    setBody('');
    setDone(t.done);
    onDone();
  };

  const problem = failure?.problems.find((p) => p.field === 'body');
  const error = problem ? textProblemMessage(problem.message, text, MESSAGE_MAX) : undefined;
  return (
    <section className="action-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        {/* A 409 is said by the actions section, which stays when this panel goes with the reload. */}
        {failure && failure.key !== 'APPLICATION_STATE' && (
          <ActionFailureSummary
            text={text}
            failure={failure}
            items={error ? [{ fieldId: id, message: error }] : []}
            summaryRef={summaryRef}
          />
        )}
        <FormField
          id={id}
          label={t.label}
          hint={fill(text.staff.actions.hintWithMax, { hint: t.hint, max: MESSAGE_MAX })}
          error={error}
          errorPrefix={text.errorPrefix}
        >
          {(control) => (
            <textarea
              {...control}
              className="staff-form__textarea"
              rows={4}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          )}
        </FormField>
        <div className="action-panel__actions">
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {t.submit}
          </button>
          <p className="action-panel__status" role="status">
            {pending ? t.pending : done}
          </p>
        </div>
      </form>
    </section>
  );
}
