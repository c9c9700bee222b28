import type { ApplicationDocumentKind, ApplicationEventKind, ApplicationStatus } from '@madoguchi/db';

export type { ApplicationDocumentKind, ApplicationEventKind, ApplicationStatus };

export type ApplicationChannel = 'online' | 'counter' | 'api';

export interface Application {
  readonly lgCode: string;
  readonly applicationId: string;
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly department: string;
  readonly applicantPersonId: string;
  readonly channel: ApplicationChannel;
  readonly enteredBy: string | null;
  readonly status: ApplicationStatus;
  readonly answers: Record<string, unknown>;
  readonly lockedAnswers: readonly string[];
  readonly receiptNo: string | null;
  readonly assignedTo: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly submittedAt: Date | null;
  readonly dueOn: string | null;
  readonly decidedAt: Date | null;
  readonly decisionId: string | null;
  readonly notifiedAt: Date | null;
}

export interface ApplicationEvent {
  readonly seq: number;
  readonly kind: ApplicationEventKind;
  readonly statusAfter: ApplicationStatus;
  readonly actorKind: 'staff' | 'resident' | 'system' | 'operator';
  readonly actorId: string;
  readonly visibleToResident: boolean;
  readonly body: string | null;
  readonly data: Record<string, unknown>;
  readonly occurredAt: Date;
}

export interface ApplicationDocumentInfo {
  readonly documentId: string;
  readonly kind: ApplicationDocumentKind;
  readonly attachmentId: string | null;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteSize: number;
  readonly createdAt: Date;
}

/** Where an application may go from each status; anything else is APPLICATION_STATE. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'in-review', 'information-requested'];

/**
 * The status as the applicant sees it: a decision not yet notified stays "in review" for them (the
 * department may decide first and send the notice later).
 */
export function statusForApplicant(application: Pick<Application, 'status' | 'notifiedAt'>): ApplicationStatus {
  const decided = application.status === 'approved' || application.status === 'rejected';
  return decided && application.notifiedAt === null ? 'in-review' : application.status;
}
