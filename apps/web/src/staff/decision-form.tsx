import { type FormEvent, useId, useState } from 'react';
import type { ErrorSummaryItem } from '../error-summary';
import { FormField } from '../form-field';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { DecisionDefinition } from '../procedures/procedure-definition';
import { ActionFailureSummary, textProblemMessage } from './action-failure';
import type { DecisionResult } from './case-types';
import { decideCase } from './cases-api';
import type { FieldProblem } from './staff-api';
import { MESSAGE_MAX } from './text-action-form';
import { localFailure, useCaseAction } from './use-case-action';

interface DecisionFormProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly decisions: readonly DecisionDefinition[];
  /**
   * Who moves, when an approval changes the register (転居届): if only part of the household moves,
   * staff give each mover's 続柄 in the new household, which the form does not ask.
   */
  readonly movers: readonly Mover[];
  readonly onDecided: (result: DecisionResult) => void;
  /** The case moved on meanwhile (409: decided by someone else): the page says so and reloads it. */
  readonly onStale: () => void;
}

export interface Mover {
  readonly personId: string;
  readonly fullName: string;
}

/** Fixed ids: the error summary links to them, and tests find them. */
export const DECISION_IDS = { reason: 'decision-reason', notify: 'decision-notify' } as const;
export const decisionRadioId = (decisionId: string) => `decision-${decisionId}`;
export const relationshipId = (personId: string) => `decision-relationship-${personId}`;
/** As the API's limit for a 続柄. */
export const RELATIONSHIP_MAX = 20;
const relationshipField = (personId: string) => `householdRelationships.newHousehold.${personId}`;

/** 決定: one of the procedure's decisions, the reason when it needs one, and whether to notify now. */
export function DecisionForm({
  text,
  locale,
  applicationId,
  decisions,
  movers,
  onDecided,
  onStale,
}: DecisionFormProps) {
  const t = text.staff.decision;
  const headingId = useId();
  const hintId = useId();
  const [decisionId, setDecisionId] = useState('');
  const [reason, setReason] = useState('');
  const [notify, setNotify] = useState(true);
  const [relationships, setRelationships] = useState<Readonly<Record<string, string>>>({});
  const { pending, failure, fail, run, summaryRef } = useCaseAction();
  const chosen = decisions.find((d) => d.id === decisionId);
  const needingReason = decisions.filter((d) => d.requiresReason).map((d) => d.label[locale]);
  const askRelationships = chosen?.outcome === 'approved' && movers.length > 0;
  const given = askRelationships
    ? movers.flatMap((m) => {
        const value = (relationships[m.personId] ?? '').trim();
        return value ? [[m.personId, value] as const] : [];
      })
    : [];

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    // Said in the server's words, so the mapping below reads these and a refusal alike.
    const problems: FieldProblem[] = [];
    if (!chosen) problems.push({ field: 'decisionId', message: 'required' });
    if (chosen?.requiresReason && !trimmed) problems.push({ field: 'reason', message: 'required' });
    if ([...trimmed].length > MESSAGE_MAX) problems.push({ field: 'reason', message: 'at most' });
    for (const [personId, value] of given) {
      if ([...value].length > RELATIONSHIP_MAX)
        problems.push({ field: relationshipField(personId), message: 'at most' });
    }
    if (!chosen || problems.length > 0) {
      fail(localFailure(problems));
      return;
    }
    const outcome = await run(() =>
      decideCase(applicationId, {
        decisionId: chosen.id,
        ...(trimmed ? { reason: trimmed } : {}),
        notify,
        ...(given.length > 0 ? { householdRelationships: { newHousehold: Object.fromEntries(given) } } : {}),
      }),
    );
    if (outcome.ok) onDecided(outcome.data);
    else if (outcome.failure?.key === 'APPLICATION_STATE') onStale();
  };

  const problemOf = (field: string) => failure?.problems.find((p) => p.field === field);
  const decisionError = problemOf('decisionId') ? t.chooseDecision : undefined;
  const reasonProblem = problemOf('reason');
  const reasonError = reasonProblem
    ? /at most/.test(reasonProblem.message)
      ? textProblemMessage(reasonProblem.message, text, MESSAGE_MAX)
      : t.reasonRequired
    : undefined;
  // The API names a key it refuses with the `body.` prefix; local checks name it without.
  const relationshipError = (m: Mover) =>
    problemOf(relationshipField(m.personId)) || problemOf(`body.${relationshipField(m.personId)}`)
      ? fill(t.relationshipTooLong, { name: m.fullName, max: RELATIONSHIP_MAX })
      : undefined;
  const items: ErrorSummaryItem[] = [
    ...(decisionError ? [{ fieldId: decisionRadioId(decisions[0]?.id ?? ''), message: decisionError }] : []),
    ...(reasonError ? [{ fieldId: DECISION_IDS.reason, message: reasonError }] : []),
    ...(askRelationships ? movers : []).flatMap((m) => {
      const message = relationshipError(m);
      return message ? [{ fieldId: relationshipId(m.personId), message }] : [];
    }),
  ];

  return (
    <section className="action-panel action-panel--decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        {/* A 409 is said by the actions section, which stays when this form goes with the reload. */}
        {failure && failure.key !== 'APPLICATION_STATE' && (
          <ActionFailureSummary text={text} failure={failure} items={items} summaryRef={summaryRef} />
        )}
        <fieldset
          className={decisionError ? 'staff-choices form-field--error' : 'staff-choices'}
          aria-describedby={decisionError ? `${hintId}-error` : undefined}
        >
          <legend className="staff-choices__legend">{t.legend}</legend>
          {decisionError && (
            <p id={`${hintId}-error`} className="form-field__error">
              <span className="visually-hidden">{text.errorPrefix}</span>
              {decisionError}
            </p>
          )}
          {decisions.map((d) => (
            <div key={d.id} className="staff-choice">
              <input
                id={decisionRadioId(d.id)}
                type="radio"
                name="decision"
                value={d.id}
                checked={decisionId === d.id}
                onChange={() => setDecisionId(d.id)}
              />
              <label htmlFor={decisionRadioId(d.id)}>{d.label[locale]}</label>
            </div>
          ))}
        </fieldset>
        <FormField
          id={DECISION_IDS.reason}
          label={chosen?.requiresReason ? t.reasonRequiredLabel : t.reasonLabel}
          hint={
            needingReason.length > 0
              ? fill(t.reasonHint, { decisions: needingReason.join(text.staff.common.listSeparator) })
              : undefined
          }
          error={reasonError}
          errorPrefix={text.errorPrefix}
        >
          {(control) => (
            <textarea
              {...control}
              className="staff-form__textarea"
              rows={5}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FormField>
        {askRelationships && (
          <fieldset className="staff-choices" aria-describedby={`${hintId}-relationships`}>
            <legend className="staff-choices__legend">{t.relationshipsLegend}</legend>
            <p id={`${hintId}-relationships`} className="form-field__hint">
              {t.relationshipsHint}
            </p>
            {movers.map((m) => (
              <FormField
                key={m.personId}
                id={relationshipId(m.personId)}
                label={fill(t.relationshipLabel, { name: m.fullName })}
                error={relationshipError(m)}
                errorPrefix={text.errorPrefix}
              >
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    className="staff-form__input staff-form__input--short"
                    value={relationships[m.personId] ?? ''}
                    onChange={(event) => {
                      const value = event.target.value;
                      setRelationships((previous) => ({ ...previous, [m.personId]: value }));
                    }}
                  />
                )}
              </FormField>
            ))}
          </fieldset>
        )}
        <div className="staff-choice staff-choice--standalone">
          <input
            id={DECISION_IDS.notify}
            type="checkbox"
            checked={notify}
            aria-describedby={`${DECISION_IDS.notify}-hint`}
            onChange={(event) => setNotify(event.target.checked)}
          />
          <label htmlFor={DECISION_IDS.notify}>{t.notify}</label>
        </div>
        <p id={`${DECISION_IDS.notify}-hint`} className="form-field__hint staff-choice__hint">
          {t.notifyHint}
        </p>
        <div className="action-panel__actions">
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {t.submit}
          </button>
          <p className="action-panel__status" role="status">
            {pending ? t.pending : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
