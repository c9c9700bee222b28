import type { ReactNode, RefObject } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../error-summary';
import { Link } from '../link';
import { paths } from '../router';
import type { LocatedProblem } from './problem-locator';

interface ProblemSummaryProps {
  readonly title: string;
  readonly applicationId: string;
  /** Problems of controls on this page: the links move focus to them. */
  readonly onPage: readonly ErrorSummaryItem[];
  /** Problems fixed on another step: the links open that step. */
  readonly elsewhere: readonly LocatedProblem[];
  readonly focusRef: RefObject<HTMLDivElement | null>;
  readonly children?: ReactNode;
}

/** The error summary of the form's pages: problems here link to their field, others to their step. */
export function ProblemSummary({ title, applicationId, onPage, elsewhere, focusRef, children }: ProblemSummaryProps) {
  return (
    <ErrorSummary title={title} items={onPage} focusRef={focusRef}>
      {elsewhere.length > 0 && (
        <ul className="error-summary__list">
          {elsewhere.map((problem) => (
            <li key={problem.field}>
              {problem.stepIndex >= 0 ? (
                <Link to={paths.applicationStep(applicationId, problem.stepIndex + 1)}>{problem.message}</Link>
              ) : (
                problem.message
              )}
            </li>
          ))}
        </ul>
      )}
      {children}
    </ErrorSummary>
  );
}
