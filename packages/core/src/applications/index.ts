export { type AnswerLine, answerLines } from './answer-text';
export type * from './application.types';
export { OPEN_STATUSES, statusForApplicant } from './application.types';
export type { CasePermission, LoadedApplication, Viewer } from './application-access';
export { addAttachment, type DocumentFile, getApplicationDocument } from './application-documents';
export type { HouseholdRelationships } from './approval-operation';
export { assignCase, requestInformation, writeToCase } from './case-actions';
export { type CaseFilters, type CaseSummary, findCases } from './case-inbox';
export {
  type CounterApplicationInput,
  type CounterPreview,
  previewCounterApplication,
  submitAtCounter,
} from './counter-applications';
export { type DecideCaseInput, type DecideCaseResult, decideCase, notifyDecision } from './decide-case';
export { type AnswerProblem, visiblePages } from './form-logic';
export { IDENTITY_DOCUMENTS, type IdentityDocument } from './identity-documents';
export { isChildOfHousehold } from './prefill';
export { type ApplicationSummary, type ApplicationView, getApplication, listMyApplications } from './read-applications';
export { removeAttachment } from './remove-attachment';
export { replyToApplication, withdrawApplication } from './resident-actions';
export { type SaveAnswersInput, saveAnswers } from './save-answers';
export { type StartApplicationInput, startApplication } from './start-application';
export { type SubmitApplicationInput, type SubmittedApplication, submitApplication } from './submit-application';
export { type SubmitNewApplicationInput, submitNewApplication } from './submit-new-application';
