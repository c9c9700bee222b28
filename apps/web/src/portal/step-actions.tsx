import type { Messages } from '../messages';
import { paths } from '../router';
import { TextWithLink } from './text-with-link';

interface StepActionsProps {
  readonly text: Messages;
  readonly busy: boolean;
  /** Announced while the step is being saved or its files sent. */
  readonly busyText: string;
}

/** The end of every step: save and continue, and the way out that keeps what was saved. */
export function StepActions({ text, busy, busyText }: StepActionsProps) {
  const t = text.portal.form;
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {t.continue}
        </button>
        <p className="form-actions__status" role="status">
          {busy ? busyText : ''}
        </p>
      </div>
      <p className="question-form__later">
        <TextWithLink template={t.savedSoFar} to={paths.applications} linkText={t.saveLater} />
      </p>
    </>
  );
}
