import { apiRequestWithDetails, type DetailedFailure, type DetailedResult } from '../api-client';
import type { Answers, Application, ApplicationDetail } from '../procedures/application-view';
import type { AnswerProblem, ApplicationListItem, Submitted } from './application-types';

const base = (applicationId: string) => `/api/v1/me/applications/${encodeURIComponent(applicationId)}`;

export function startApplication(procedureId: string): Promise<DetailedResult<Application>> {
  return apiRequestWithDetails('POST', '/api/v1/me/applications', { body: { procedureId } });
}

export function fetchMyApplications(
  signal: AbortSignal,
): Promise<DetailedResult<{ readonly items: readonly ApplicationListItem[] }>> {
  return apiRequestWithDetails('GET', '/api/v1/me/applications', { signal });
}

export function fetchApplication(
  applicationId: string,
  signal: AbortSignal,
): Promise<DetailedResult<ApplicationDetail>> {
  return apiRequestWithDetails('GET', base(applicationId), { signal });
}

/** Each top-level key replaces that answer whole; null removes it. */
export function saveAnswers(
  applicationId: string,
  answers: Answers,
): Promise<DetailedResult<{ readonly answers: Answers }>> {
  return apiRequestWithDetails('POST', `${base(applicationId)}/answers`, { body: { answers } });
}

export function submitApplication(applicationId: string, declaration: boolean): Promise<DetailedResult<Submitted>> {
  return apiRequestWithDetails('POST', `${base(applicationId)}/submit`, { body: { declaration } });
}

export function sendMessage(applicationId: string, body: string): Promise<DetailedResult<{ readonly status: string }>> {
  return apiRequestWithDetails('POST', `${base(applicationId)}/messages`, { body: { body } });
}

export function withdrawApplication(applicationId: string): Promise<DetailedResult<{ readonly status: string }>> {
  return apiRequestWithDetails('POST', `${base(applicationId)}/withdraw`);
}

/** Takes back a file attached to a draft. */
export function removeAttachment(
  applicationId: string,
  documentId: string,
): Promise<DetailedResult<{ readonly removed: string }>> {
  return apiRequestWithDetails('DELETE', documentUrl(applicationId, documentId));
}

/** A PDF or an attachment: a plain link, the session cookie goes along. */
export function documentUrl(applicationId: string, document: string): string {
  return `${base(applicationId)}/documents/${encodeURIComponent(document)}`;
}

/** The problems of an ANSWERS_INVALID refusal (none for any other). */
export function problemsOf(failure: DetailedFailure): readonly AnswerProblem[] {
  if (failure.code !== 'ANSWERS_INVALID') return [];
  const problems = failure.details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is AnswerProblem =>
      typeof p === 'object' && p !== null && typeof p.field === 'string' && typeof p.code === 'string',
  );
}
