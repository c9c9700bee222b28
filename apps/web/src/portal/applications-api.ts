import type {
  AnswerProblem,
  Answers,
  Application,
  ApplicationDetail,
  ApplicationListItem,
  Submitted,
} from './application-types';
import { type PortalFailure, type PortalResult, portalRequest } from './portal-request';

const base = (applicationId: string) => `/api/v1/me/applications/${encodeURIComponent(applicationId)}`;

export function startApplication(procedureId: string): Promise<PortalResult<Application>> {
  return portalRequest('POST', '/api/v1/me/applications', { body: { procedureId } });
}

export function fetchMyApplications(
  signal: AbortSignal,
): Promise<PortalResult<{ readonly items: readonly ApplicationListItem[] }>> {
  return portalRequest('GET', '/api/v1/me/applications', { signal });
}

export function fetchApplication(applicationId: string, signal: AbortSignal): Promise<PortalResult<ApplicationDetail>> {
  return portalRequest('GET', base(applicationId), { signal });
}

/** Each top-level key replaces that answer whole; null removes it. */
export function saveAnswers(
  applicationId: string,
  answers: Answers,
): Promise<PortalResult<{ readonly answers: Answers }>> {
  return portalRequest('POST', `${base(applicationId)}/answers`, { body: { answers } });
}

export function submitApplication(applicationId: string, declaration: boolean): Promise<PortalResult<Submitted>> {
  return portalRequest('POST', `${base(applicationId)}/submit`, { body: { declaration } });
}

export function sendMessage(applicationId: string, body: string): Promise<PortalResult<{ readonly status: string }>> {
  return portalRequest('POST', `${base(applicationId)}/messages`, { body: { body } });
}

export function withdrawApplication(applicationId: string): Promise<PortalResult<{ readonly status: string }>> {
  return portalRequest('POST', `${base(applicationId)}/withdraw`);
}

/** A PDF or an attachment: a plain link, the session cookie goes along. */
export function documentUrl(applicationId: string, document: string): string {
  return `${base(applicationId)}/documents/${encodeURIComponent(document)}`;
}

/** The problems of an ANSWERS_INVALID refusal (none for any other). */
export function problemsOf(failure: PortalFailure): readonly AnswerProblem[] {
  if (failure.code !== 'ANSWERS_INVALID') return [];
  const problems = failure.details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is AnswerProblem =>
      typeof p === 'object' && p !== null && typeof p.field === 'string' && typeof p.code === 'string',
  );
}
