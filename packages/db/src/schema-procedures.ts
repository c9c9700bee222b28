import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the procedure tables (migration 20261206100000); see schema.ts. */
type Json<T = Record<string, unknown>> = ColumnType<T, string, string>;

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'in-review'
  | 'information-requested'
  | 'approved'
  | 'rejected'
  | 'withdrawn';

export type ApplicationEventKind =
  | 'created'
  | 'submitted'
  | 'assigned'
  | 'information-requested'
  | 'resident-replied'
  | 'message'
  | 'note'
  | 'decided'
  | 'notified'
  | 'withdrawn';

export type ApplicationDocumentKind = 'attachment' | 'submission-copy' | 'decision-notice';

export interface ProcedureVersionTable {
  lg_code: string;
  procedure_id: string;
  version: number;
  department: string;
  definition: Json;
  digest: string;
  status: 'published' | 'retired';
  published_at: Generated<Date>;
  published_by: string;
}

export interface ApplicationTable {
  lg_code: string;
  application_id: string;
  procedure_id: string;
  procedure_version: number;
  department: string;
  applicant_person_id: string;
  channel: 'online' | 'counter' | 'api';
  entered_by: string | null;
  status: ApplicationStatus;
  answers: Json;
  locked_answers: string[];
  receipt_no: string | null;
  assigned_to: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Date | null;
  due_on: string | null;
  decided_at: Date | null;
  decision_id: string | null;
  notified_at: Date | null;
}

export interface ApplicationEventTable {
  lg_code: string;
  application_id: string;
  seq: number;
  kind: ApplicationEventKind;
  status_after: ApplicationStatus;
  actor_kind: 'staff' | 'resident' | 'system' | 'operator';
  actor_id: string;
  visible_to_resident: boolean;
  body: string | null;
  data: Json;
  occurred_at: Generated<Date>;
}

export interface ApplicationDocumentTable {
  lg_code: string;
  application_id: string;
  document_id: string;
  kind: ApplicationDocumentKind;
  attachment_id: string | null;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: Uint8Array;
  content: Uint8Array;
  created_at: Generated<Date>;
  created_by: string;
}

export interface OutboxEventTable {
  lg_code: string;
  event_id: string;
  type: string;
  subject: string;
  data: Json;
  occurred_at: Generated<Date>;
}

export interface WebhookSubscriptionTable {
  lg_code: string;
  subscription_id: string;
  url: string;
  secret: string;
  event_types: string[];
  active: Generated<boolean>;
  description: string;
  created_at: Generated<Date>;
  created_by: string;
}

export interface WebhookDeliveryTable {
  lg_code: string;
  subscription_id: string;
  event_id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

export interface ProceduresDB {
  procedure_version: ProcedureVersionTable;
  application: ApplicationTable;
  application_event: ApplicationEventTable;
  application_document: ApplicationDocumentTable;
  outbox_event: OutboxEventTable;
  webhook_subscription: WebhookSubscriptionTable;
  webhook_delivery: WebhookDeliveryTable;
}

export const PROCEDURES_SCHEMA_COLUMNS = {
  procedure_version: [
    'lg_code',
    'procedure_id',
    'version',
    'department',
    'definition',
    'digest',
    'status',
    'published_at',
    'published_by',
  ],
  application: [
    'lg_code',
    'application_id',
    'procedure_id',
    'procedure_version',
    'department',
    'applicant_person_id',
    'channel',
    'entered_by',
    'status',
    'answers',
    'locked_answers',
    'receipt_no',
    'assigned_to',
    'created_at',
    'updated_at',
    'submitted_at',
    'due_on',
    'decided_at',
    'decision_id',
    'notified_at',
  ],
  application_event: [
    'lg_code',
    'application_id',
    'seq',
    'kind',
    'status_after',
    'actor_kind',
    'actor_id',
    'visible_to_resident',
    'body',
    'data',
    'occurred_at',
  ],
  application_document: [
    'lg_code',
    'application_id',
    'document_id',
    'kind',
    'attachment_id',
    'file_name',
    'media_type',
    'byte_size',
    'sha256',
    'content',
    'created_at',
    'created_by',
  ],
  outbox_event: ['lg_code', 'event_id', 'type', 'subject', 'data', 'occurred_at'],
  webhook_subscription: [
    'lg_code',
    'subscription_id',
    'url',
    'secret',
    'event_types',
    'active',
    'description',
    'created_at',
    'created_by',
  ],
  webhook_delivery: [
    'lg_code',
    'subscription_id',
    'event_id',
    'status',
    'attempts',
    'next_attempt_at',
    'last_attempt_at',
    'last_status',
    'last_error',
    'delivered_at',
  ],
} as const satisfies { [T in keyof ProceduresDB]: ReadonlyArray<keyof ProceduresDB[T]> };
