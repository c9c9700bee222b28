import { type FormEvent, useState } from 'react';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { Answers } from '../procedures/application-view';
import type { ProcedureDefinition } from '../procedures/procedure-definition';
import { navigate, paths } from '../router';
import type { AnswerProblem } from './application-types';
import { toDraft } from './draft-values';
import type { LoadFailure } from './failure';
import { unsavedItemsOf } from './form-memory';
import type { FormStep } from './form-steps';
import { localized } from './localized';
import { LockedAnswers } from './locked-answers';
import { ProblemSummary } from './problem-summary';
import { QuestionField } from './question-field';
import { RepeatActions } from './repeat-actions';
import { SaveFailureNotice } from './save-failure-notice';
import { type SaveIntent, saveStep } from './save-step';
import { StepActions } from './step-actions';
import { initialDraft, itemsAt, type PageStep, stepQuestions } from './step-answers';
import { stepProblems } from './step-problems';
import { stepAfterSave } from './step-target';
import { useBusy } from './use-busy';
import { useDocumentTitle } from './use-document-title';
import { useFocusOnReport } from './use-error-focus';

interface QuestionStepProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly definition: ProcedureDefinition;
  /** The saved answers, with the unsaved items of repeating pages. */
  readonly answers: Answers;
  readonly locked: readonly string[];
  readonly steps: readonly FormStep[];
  /** This step's place in `steps` (0-based). */
  readonly index: number;
  readonly step: PageStep;
  readonly title: string;
  /** Called when the path stays the same (the first item was removed, the next moved up). */
  readonly onStay: (answers: Answers) => void;
}

/** One page of questions: its controls, the save-and-continue, and the server's problems. */
export function QuestionStep(props: QuestionStepProps) {
  const { text, locale, applicationId, definition, answers, locked, steps, index, step, title, onStay } = props;
  const t = text.portal.form;
  const questions = stepQuestions(definition, step, locked);
  const [draft, setDraft] = useState(() => initialDraft(questions, answers));
  const [problems, setProblems] = useState<readonly AnswerProblem[]>([]);
  const [failure, setFailure] = useState<{ failure: LoadFailure; intent: SaveIntent } | null>(null);
  const { busy, guard } = useBusy();
  const summary = useFocusOnReport();
  useDocumentTitle(text, title, problems.length > 0 || failure !== null);

  const { here, elsewhere, errorFor } = stepProblems(text, locale, definition, steps, index, problems);

  const run = async (intent: SaveIntent) => {
    const outcome = await guard(() => saveStep({ applicationId, answers, step, questions, draft, intent }));
    if (!outcome) return;
    if (outcome.kind !== 'saved') {
      setProblems(outcome.kind === 'problems' ? outcome.problems : []);
      setFailure(outcome.kind === 'failed' ? { failure: outcome.failure, intent } : null);
      summary.report();
      return;
    }
    const lastItem = step.page.repeat && step.item === Math.max(itemsAt(answers, step.page.repeat.field).length, 1) - 1;
    if (intent === 'continue' && lastItem && outcome.pending.length > 0) {
      // Every item has been through; what still blocks the save is in the items listed.
      setFailure(null);
      setProblems(outcome.pending);
      summary.report();
      return;
    }
    const target = stepAfterSave(definition, outcome.answers, step, intent);
    const path =
      target === 'check' ? paths.applicationCheck(applicationId) : paths.applicationStep(applicationId, target + 1);
    if (path === window.location.pathname) onStay(outcome.answers);
    else navigate(path);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('continue');
  };
  const repeat = step.page.repeat;
  const editable = questions.filter((q) => !q.locked);
  const lockedQuestions = questions.filter((q) => q.locked);
  return (
    <form className="question-form" noValidate onSubmit={submit}>
      {(here.length > 0 || elsewhere.length > 0) && (
        <ProblemSummary
          title={t.errorSummaryTitle}
          applicationId={applicationId}
          onPage={here}
          elsewhere={elsewhere}
          focusRef={summary.ref}
        />
      )}
      {failure && (
        <div ref={summary.ref} tabIndex={-1} className="question-form__failure">
          <SaveFailureNotice
            text={text}
            failure={failure.failure}
            applicationId={applicationId}
            returnTo={paths.applicationStep(applicationId, index + 1)}
            onRetry={() => void run(failure.intent)}
          />
        </div>
      )}
      {step.page.hint && <p className="question-form__hint">{localized(step.page.hint, locale)}</p>}
      {lockedQuestions.length > 0 && (
        <LockedAnswers text={text} locale={locale} questions={lockedQuestions} answers={answers} />
      )}
      {editable.map(({ question, path, optional }) => (
        <QuestionField
          key={path}
          text={text}
          locale={locale}
          applicationId={applicationId}
          question={question}
          path={path}
          optional={optional}
          value={draft[path] ?? toDraft(question, undefined)}
          error={errorFor(path)}
          onChange={(changed, value) => setDraft((current) => ({ ...current, [changed]: value }))}
        />
      ))}
      {repeat && unsavedItemsOf(applicationId, repeat.field) && (
        <p className="inset-text">{fill(t.unsavedItems, { title: localized(step.page.title, locale) })}</p>
      )}
      {repeat && (
        <RepeatActions
          text={text}
          locale={locale}
          repeat={repeat}
          item={step.item ?? 0}
          count={itemsAt(answers, repeat.field).length}
          onAdd={() => void run('add')}
          onRemove={() => void run('remove')}
        />
      )}
      <StepActions text={text} busy={busy} busyText={t.saving} />
    </form>
  );
}
